"""Background work of matching that is not an outbox entry."""

from celery import shared_task

from backend.matches.centring import centring_refresh


@shared_task(name="matching.centring_refresh", acks_late=True)  # type: ignore[untyped-decorator]
def centring_refresh_task() -> int:
    """Fit the language-centring means over the matched corpus again (see centring.py)."""
    return len(centring_refresh().languages)
