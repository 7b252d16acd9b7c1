from celery import shared_task
from django.utils.dateparse import parse_date, parse_datetime

from backend.discovery.alerts import saved_searches_alert
from backend.discovery.missed.services import missed_search_count, missed_searches_prune
from backend.outbox.tasks import TRANSIENT_ERRORS


@shared_task(
    name="discovery.saved_search_alerts",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=30,
    retry_backoff_max=900,
    max_retries=5,
)  # type: ignore[untyped-decorator]
def saved_search_alerts_task(frequency: str, now: str | None = None) -> int:
    """Alert the saved searches of a frequency (beat: daily and weekly, before the morning
    digest). A retry alerts only those the failed run had not (each keeps its run window).
    ``now``: an ISO time to run as of (tests, or catching up a missed run)."""
    moment = parse_datetime(now) if now else None
    if now and moment is None:
        raise ValueError(f"Not an ISO date and time: {now!r}")
    return saved_searches_alert(frequency=frequency, now=moment)


@shared_task(name="discovery.missed_searches_prune", acks_late=True)  # type: ignore[untyped-decorator]
def missed_searches_prune_task() -> int:
    """Nightly: forget the searches older than the retention (idempotent)."""
    return missed_searches_prune()


@shared_task(
    name="discovery.missed_search_count",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=10,
)  # type: ignore[untyped-decorator]
def missed_search_count_task(
    day: str, query: str, filters: str, semantic: bool, hits: int, relaxation: str
) -> None:
    """Count a search that found little (sent by the search API after it answered)."""
    parsed = parse_date(day)
    if parsed is None:
        raise ValueError(f"Not an ISO date: {day!r}")
    missed_search_count(
        day=parsed,
        query=query,
        filters=filters,
        semantic=semantic,
        hits=hits,
        relaxation=relaxation,
    )
