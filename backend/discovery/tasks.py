from celery import shared_task

from backend.discovery.missed.services import missed_searches_prune
from backend.discovery.services import saved_search_alert, saved_searches_due


@shared_task(name="discovery.saved_search_alerts", acks_late=True)  # type: ignore[untyped-decorator]
def saved_search_alerts_task(frequency: str) -> int:
    return sum(saved_search_alert(saved=s) for s in saved_searches_due(frequency=frequency))


@shared_task(name="discovery.missed_searches_prune", acks_late=True)  # type: ignore[untyped-decorator]
def missed_searches_prune_task() -> int:
    """Nightly: forget the searches older than the retention (idempotent)."""
    return missed_searches_prune()
