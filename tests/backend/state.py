"""A snapshot of everything a request could have written: the rows of every model of the
product (with their latest change), the audit log and outbox among them, and the e-mails
sent. Two equal snapshots mean that nothing was saved, changed or sent."""

from typing import Any

from django.apps import apps
from django.core import mail
from django.db.models import Count, Max, Model

_APPS = (
    "accounts",
    "identity",
    "audit",
    "outbox",
    "needs",
    "solutions",
    "dialogue",
    "responses",
    "matches",
    "discovery",
    "knox",
    "axes",
)


def _models() -> list[type[Model]]:
    labels = {config.label for config in apps.get_app_configs()}
    return [
        m for label in _APPS if label in labels for m in apps.get_app_config(label).get_models()
    ]


def _row_state(model: type[Model]) -> tuple[int, Any]:
    fields = {f.name for f in model._meta.concrete_fields}
    stamp = next((f for f in ("updated_at", "last_login", "decided_at") if f in fields), None)
    aggregates: dict[str, Any] = {"rows": Count("pk")}
    if stamp is not None:
        aggregates["last"] = Max(stamp)
    found = model._default_manager.aggregate(**aggregates)
    return found["rows"], found.get("last")


def db_state() -> dict[str, Any]:
    """Row counts and latest changes per model, and the number of e-mails sent."""
    state: dict[str, Any] = {m._meta.label: _row_state(m) for m in _models()}
    state["e-mails"] = len(mail.outbox)
    return state
