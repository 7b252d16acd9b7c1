"""Keeping the search index in step with the database, and saved searches (their alerts:
backend/discovery/alerts.py)."""

from collections.abc import Iterator
from datetime import datetime
from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from backend.accounts.models import User
from backend.discovery.filter_values import filter_errors
from backend.discovery.models import SavedSearch
from backend.outbox.entities import ENTITIES, entity_spec
from search.backends import get_backend
from search.backends.base import SearchBackend
from search.types import IndexDocument


@cache
def _backend(path: str, options: tuple[tuple[str, Any], ...]) -> SearchBackend:
    return get_backend(path, **dict(options))


def search_backend() -> SearchBackend:
    return _backend(settings.SEARCH_BACKEND, tuple(sorted(settings.SEARCH_OPTIONS.items())))


def _public_rows(entity: str, ids: list[int]) -> tuple[list[IndexDocument], list[int]]:
    """Documents for the rows that are public; the other ids are to be deleted."""
    spec = entity_spec(entity)
    docs: list[IndexDocument] = [spec.document(row) for row in spec.public_rows(ids)]
    found = {d.id for d in docs}
    return docs, [i for i in ids if i not in found]


def _micros(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def _deletion_versions(entity: str, ids: list[int]) -> dict[int, int]:
    """The version of each deletion: that of a document built from the rows as they are now
    (the latest of the entity's version fields: the row's, its organisation's and, for a
    conference, its needs' last change; see documents.py), so it beats every document built
    before; for a row that no longer exists, now. A rebuild's older snapshot of the row is
    then refused by the index."""
    spec = entity_spec(entity)
    latest = {f"v{n}": Max(field) for n, field in enumerate(spec.version_fields)}
    rows = spec.model._default_manager.filter(pk__in=ids).values("pk").annotate(**latest)
    versions = dict.fromkeys(ids, _micros(timezone.now()))
    for row in rows:
        changed = [row[name] for name in latest if row[name] is not None]
        versions[row["pk"]] = max(_micros(c) for c in changed)
    return versions


def search_sync(*, entity: str, ids: list[int]) -> None:
    """Outbox handler: index the public rows among `ids`, delete the others (versioned, so
    a rebuild running meanwhile cannot bring them back). Idempotent."""
    docs, gone = _public_rows(entity, ids)
    backend = search_backend()
    if docs:
        backend.index(docs)
    if gone:
        backend.delete(entity, gone, _deletion_versions(entity, gone))  # type: ignore[arg-type]


def all_documents(chunk: int = 500) -> Iterator[IndexDocument]:
    for spec in ENTITIES.values():
        ids = list(spec.model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            yield from _public_rows(spec.entity, ids[start : start + chunk])[0]


def search_reindex(*, if_outdated: bool = False) -> bool:
    """Rebuild every index from the database into new versioned indices; swap the aliases.
    With `if_outdated`, only when the indices are missing or predate the code's mapping
    version (a deploy runs this after migrating). Returns whether it rebuilt."""
    backend = search_backend()
    if if_outdated and not backend.outdated():
        return False
    backend.rebuild(all_documents())
    return True


def _clean_filters(filters: dict[str, Any]) -> dict[str, list[str]]:
    cleaned = {
        k: [str(v) for v in (vals if isinstance(vals, list) else [vals])]
        for k, vals in filters.items()
    }
    errors = filter_errors(cleaned)
    if errors:
        raise ValidationError({"filters": errors})
    return cleaned


@transaction.atomic
def saved_search_create(*, user: User, data: dict[str, Any]) -> SavedSearch:
    saved = SavedSearch(
        user=user,
        name=data["name"],
        query=data.get("query", ""),
        filters=_clean_filters(data.get("filters") or {}),
        alert_frequency=data.get("alert_frequency", "weekly"),
    )
    saved.full_clean()
    saved.save()
    return saved


@transaction.atomic
def saved_search_update(*, saved: SavedSearch, data: dict[str, Any]) -> SavedSearch:
    for field in ("name", "query", "alert_frequency"):
        if field in data:
            setattr(saved, field, data[field])
    if "filters" in data:
        saved.filters = _clean_filters(data["filters"] or {})
    saved.full_clean()
    saved.save()
    return saved


@transaction.atomic
def saved_search_delete(*, saved: SavedSearch) -> None:
    saved.delete()
