"""Every kind of notification links to a page the app has: its link matches a route of the
frontend's router (frontend/src/app/router.tsx), never the catch-all "Fant ikke siden"."""

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from backend.notifications import links
from backend.notifications.messages import MESSAGES, Message
from backend.notifications.models import NotificationKind

ROUTER = Path(__file__).resolve().parents[3] / "frontend" / "src" / "app" / "router.tsx"
SAMPLE: dict[Any, Any] = {int: 7, str: "2030-03-01T09:00:00+01:00", bool: True}


def _routes() -> list[re.Pattern[str]]:
    """The router's paths as patterns ("needs/:id" matches /needs/7); the index route is /."""
    text = ROUTER.read_text(encoding="utf-8")
    paths = re.findall(r"\{\s*path:\s*'([^']*)'", text)
    patterns = [re.compile("^/$")] if "index: true" in text else []
    for path in paths:
        if path == "*":
            continue
        parts = [("[^/]+" if p.startswith(":") else re.escape(p)) for p in path.split("/")]
        patterns.append(re.compile("^/" + "/".join(parts) + "$"))
    return patterns


def _samples(cls: type[Message]) -> list[Message]:
    """The message with a value of each field's type (both values of a flag)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    base = {f.name: SAMPLE.get(f.type, []) for f in fields}
    flags = [f.name for f in fields if f.type is bool]
    variants = [base] + [{**base, flag: False} for flag in flags]
    return [cls(**values) for values in variants]


def test_the_router_is_read() -> None:
    routes = _routes()
    assert any(r.match("/needs/7") for r in routes)
    assert not any(r.match("/behov/7") for r in routes)


def test_every_kind_has_a_message() -> None:
    assert set(MESSAGES) == set(NotificationKind.values)


@pytest.mark.parametrize("kind", NotificationKind.values)
def test_every_kind_links_to_a_page_of_the_app(kind: str) -> None:
    routes = _routes()
    for message in _samples(MESSAGES[kind]):
        path = message.link().split("?")[0]
        assert any(r.match(path) for r in routes), f"{kind}: {message.link()}"


@pytest.mark.parametrize("kind", NotificationKind.values)
def test_every_kind_keeps_its_data_through_storage(kind: str) -> None:
    # a notification is re-rendered from its stored params in the reader's language
    for message in _samples(MESSAGES[kind]):
        stored = {k: list(v) if isinstance(v, tuple) else v for k, v in message.params().items()}
        assert MESSAGES[kind](**stored).title() == message.title()


@pytest.mark.parametrize(
    "path",
    [
        links.notification_list(),
        links.notification_settings(),
        links.unsubscribe_page("token"),
        links.search_page("trygghetsalarm"),
    ],
)
def test_the_emails_own_links_are_pages_of_the_app(path: str) -> None:
    assert any(r.match(path.split("?")[0]) for r in _routes()), path
