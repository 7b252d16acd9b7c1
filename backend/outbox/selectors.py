"""What the outbox tells about a row's derived data."""

from backend.outbox.entities import Entity
from backend.outbox.models import OutboxEntry


def suggestions_pending(*, entity: Entity, entity_id: int) -> bool:
    """The row's suggested matches are being computed in the background: a matching entry
    for it is neither done nor a dead letter (it waits for a worker, is being processed, or
    waits out a backoff after a failure)."""
    return OutboxEntry.objects.filter(
        topic=OutboxEntry.Topic.MATCHING_RECOMPUTE,
        entity=entity,
        entity_id=entity_id,
        processed_at__isnull=True,
        dead_at__isnull=True,
    ).exists()
