"""Saved-search alerts: what a saved search newly found, told through the notifications app.

Beat runs ``saved_searches_alert`` for each frequency (daily, weekly). Each saved search of
that frequency is searched for what was published since its last alert, every word of its
query required (never relaxed, never by similar meaning); the hits are checked against the
database, so that only rows published now count, whatever the index still holds. One
``SAVED_SEARCH_HITS`` notification per saved search and run tells its user, in their language
and as they chose for the kind (in the app, by e-mail at once, in the daily digest, or not at
all).

A run's window (the local day, or the ISO week) is the idempotency key: the saved search keeps
the window of its last alert, and a retried or repeated run in the same window finds it and
tells nothing again.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from backend.discovery.models import SavedSearch
from backend.discovery.services import search_backend
from backend.notifications import news
from backend.outbox.entities import Entity, entity_spec
from search.backends.base import MAX_PAGE_SIZE
from search.types import SearchRequest

#: The first alert of a saved search tells of what was published this long before.
FIRST_ALERT_SPAN = timedelta(days=7)
#: An alert lists at most this many of the new hits, the newest first, then "and N more".
SHOWN_HITS = 10
#: At most this many pages of the newest hits are read per saved search and run.
MAX_PAGES = 10
PUBLISHED = "published"
#: The deadline a hit shows: a need's for responses, a conference's for registration.
DEADLINES = {Entity.NEED: "response_deadline", Entity.CONFERENCE: "registration_deadline"}


@dataclass(frozen=True)
class NewHit:
    kind: Entity
    id: int
    title: str
    organization: str
    #: A need's deadline for responses, a conference's registration deadline.
    deadline: datetime | None
    published_at: datetime

    def params(self) -> dict[str, str]:
        """As the notification keeps it."""
        return {
            "kind": self.kind.value,
            "title": self.title,
            "organization": self.organization,
            "deadline": self.deadline.isoformat() if self.deadline else "",
        }


@dataclass(frozen=True)
class NewHits:
    #: The newest first, at most ``SHOWN_HITS``.
    shown: tuple[NewHit, ...]
    #: How many more were found.
    more: int

    @property
    def total(self) -> int:
        return len(self.shown) + self.more


def alert_window(frequency: str, now: datetime) -> str | None:
    """The run window ``now`` falls in for a frequency (local time); None: never alerted."""
    day = timezone.localdate(now)
    if frequency == SavedSearch.Frequency.DAILY:
        return f"daily:{day.isoformat()}"
    if frequency == SavedSearch.Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return None


def _statuses(saved: SavedSearch) -> tuple[str, ...]:
    """Only what is published now: a saved status filter can narrow that, never widen it."""
    chosen = saved.filters.get("status") or [PUBLISHED]
    return (PUBLISHED,) if PUBLISHED in chosen else ()


def _request(saved: SavedSearch, page: int) -> SearchRequest:
    filters = {k: tuple(v) for k, v in saved.filters.items() if k != "status"}
    return SearchRequest(
        text=saved.query,
        filters={**filters, "status": _statuses(saved)},
        sort="newest",
        page=page,
        page_size=MAX_PAGE_SIZE,
        relax=False,
        facets=(),
    )


def _published(source: Mapping[str, Any]) -> datetime | None:
    value = source.get("published_at")
    return parse_datetime(str(value)) if value else None


def _candidates(saved: SavedSearch, since: datetime) -> Iterator[tuple[str, int]]:
    """(kind, id) of the index's hits published after ``since``, the newest first."""
    for page in range(1, MAX_PAGES + 1):
        result = search_backend().search(_request(saved, page))
        for hit in result.hits:
            published = _published(hit.source)
            if published is None or published <= since:
                return
            yield hit.kind, hit.id
        if len(result.hits) < MAX_PAGE_SIZE:
            return


def _rows(kind: str, ids: list[int], since: datetime, until: datetime) -> list[NewHit]:
    """The rows among ``ids`` that are published now, and were published in the window."""
    spec = entity_spec(kind)
    rows = spec.public_rows(ids).filter(
        status=PUBLISHED, published_at__gt=since, published_at__lte=until
    )
    return [
        NewHit(
            kind=spec.entity,
            id=row.pk,
            title=row.title,
            organization=row.organization.name,
            deadline=getattr(row, DEADLINES[spec.entity]) if spec.entity in DEADLINES else None,
            published_at=row.published_at,
        )
        for row in rows
    ]


def saved_search_new_hits(*, saved: SavedSearch, since: datetime, until: datetime) -> NewHits:
    """What the saved search finds that was published after ``since`` (up to ``until``) and
    is published now: no draft, closed need, archived solution or cancelled conference."""
    if not _statuses(saved):
        return NewHits(shown=(), more=0)
    by_kind: dict[str, list[int]] = {}
    for kind, pk in _candidates(saved, since):
        by_kind.setdefault(kind, []).append(pk)
    found = [hit for kind, ids in by_kind.items() for hit in _rows(kind, ids, since, until)]
    found.sort(key=lambda h: (h.published_at, h.kind, h.id), reverse=True)
    return NewHits(shown=tuple(found[:SHOWN_HITS]), more=max(0, len(found) - SHOWN_HITS))


def _unchanged(locked: SavedSearch, saved: SavedSearch, window: str) -> bool:
    """The saved search is still as searched, and not alerted in this window meanwhile."""
    return locked.alerted_window != window and (
        locked.query,
        locked.filters,
        locked.alert_frequency,
        locked.last_alerted_at,
    ) == (saved.query, saved.filters, saved.alert_frequency, saved.last_alerted_at)


def saved_search_alert(*, saved: SavedSearch, now: datetime) -> int:
    """Tell the user what the saved search found since its last alert (one notification)
    and mark the run's window. Nothing when it was alerted in this window already, or changed
    while it was searched (the next run tells). Returns how many hits were told of."""
    window = alert_window(saved.alert_frequency, now)
    if window is None or saved.alerted_window == window:
        return 0
    since = saved.last_alerted_at or now - FIRST_ALERT_SPAN
    found = saved_search_new_hits(saved=saved, since=since, until=now)
    with transaction.atomic():
        locked = (
            SavedSearch.objects.select_for_update().select_related("user").filter(pk=saved.pk)
        ).first()
        if locked is None or not _unchanged(locked, saved, window):
            return 0
        if found.total:
            news.saved_search_hits(locked, hits=[h.params() for h in found.shown], more=found.more)
        locked.last_alerted_at, locked.alerted_window = now, window
        locked.save(update_fields=["last_alerted_at", "alerted_window", "updated_at"])
    return found.total


def saved_searches_alert(*, frequency: str, now: datetime | None = None) -> int:
    """Alert every saved search of a frequency not yet alerted in ``now``'s window, of an
    active user. Returns how many hits were told of."""
    now = now or timezone.now()
    window = alert_window(frequency, now)
    if window is None:
        raise ValueError(f"Saved searches are alerted daily or weekly, not {frequency!r}")
    due = (
        SavedSearch.objects.filter(alert_frequency=frequency, user__is_active=True)
        .exclude(alerted_window=window)
        .order_by("pk")
    )
    return sum(saved_search_alert(saved=saved, now=now) for saved in due.iterator())
