"""The outbox: a write commits its row and an outbox entry in one transaction; Celery
processes the entry after commit; a periodic sweeper re-sends whatever is stuck.

Handlers are named explicitly here (no signals). Each takes an entity name and a
list of ids, is idempotent, and raises `TransientError` subclasses when a service
it needs is down.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from backend.outbox.models import OutboxEntry

logger = logging.getLogger(__name__)

Handler = Callable[..., None]

HANDLERS: dict[str, str] = {
    OutboxEntry.Topic.SEARCH_INDEX: "backend.discovery.services.search_sync",
    OutboxEntry.Topic.MATCHING_RECOMPUTE: "backend.matches.services.matches_recompute",
}


def outbox_enqueue(*, topic: str, entity: str, entity_id: int) -> OutboxEntry:
    """Record work for after the commit. Must run inside the writing transaction."""
    entry = OutboxEntry.objects.create(topic=topic, entity=entity, entity_id=entity_id)
    transaction.on_commit(lambda: outbox_dispatch(entry_ids=[entry.pk]))
    return entry


def derived_refresh(*, entity: str, entity_id: int, matching: bool = True) -> None:
    """Queue a refresh of the search index (and the matches) for one row."""
    if matching:
        outbox_enqueue(
            topic=OutboxEntry.Topic.MATCHING_RECOMPUTE, entity=entity, entity_id=entity_id
        )
    outbox_enqueue(topic=OutboxEntry.Topic.SEARCH_INDEX, entity=entity, entity_id=entity_id)


def outbox_dispatch(*, entry_ids: list[int]) -> bool:
    """Hand entries to Celery. With the broker down, log and leave them for the sweeper."""
    from backend.outbox.tasks import outbox_process_task

    OutboxEntry.objects.filter(pk__in=entry_ids).update(dispatched_at=timezone.now())
    try:
        outbox_process_task.apply_async(args=[entry_ids], retry=False)
    except Exception as exc:  # kombu/redis raise many kinds; none may fail the request
        logger.warning("Outbox dispatch failed, the sweeper will resend %s: %s", entry_ids, exc)
        return False
    return True


def _group(entries: Iterable[OutboxEntry]) -> dict[tuple[str, str], list[OutboxEntry]]:
    groups: dict[tuple[str, str], list[OutboxEntry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.topic, entry.entity)].append(entry)
    return groups


def _mark_done(entries: list[OutboxEntry]) -> None:
    now = timezone.now()
    keys = {(e.topic, e.entity, e.entity_id) for e in entries}
    ids = [e.pk for e in entries]
    # Entries for the same rows queued before this run are covered by it too.
    newest = max(e.created_at for e in entries)
    for topic, entity, entity_id in keys:
        OutboxEntry.objects.filter(
            topic=topic,
            entity=entity,
            entity_id=entity_id,
            processed_at__isnull=True,
            created_at__lte=newest,
        ).update(processed_at=now)
    OutboxEntry.objects.filter(pk__in=ids).update(processed_at=now)


def _mark_failed(entries: list[OutboxEntry], exc: Exception) -> None:
    for entry in entries:
        entry.attempts += 1
        entry.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        entry.save(update_fields=["attempts", "last_error"])


def outbox_process(*, entry_ids: list[int]) -> list[Exception]:
    """Run the handlers for pending entries. Returns the errors of groups that failed."""
    pending = list(OutboxEntry.objects.filter(pk__in=entry_ids, processed_at__isnull=True))
    errors: list[Exception] = []
    for (topic, entity), entries in _group(pending).items():
        handler: Handler = import_string(HANDLERS[topic])
        ids = sorted({e.entity_id for e in entries})
        try:
            handler(entity=entity, ids=ids)
        except Exception as exc:
            logger.warning("Outbox %s %s %s failed: %s", topic, entity, ids, exc)
            _mark_failed(entries, exc)
            errors.append(exc)
            continue
        _mark_done(entries)
    return errors


def outbox_pending(*, older_than: timedelta | None = None) -> list[int]:
    cutoff = timezone.now() - (
        older_than if older_than is not None else settings.OUTBOX_STUCK_AFTER
    )
    return list(
        OutboxEntry.objects.filter(processed_at__isnull=True, created_at__lte=cutoff)
        .order_by("id")
        .values_list("pk", flat=True)[:5000]
    )


def outbox_sweep(*, older_than: timedelta | None = None, batch_size: int = 200) -> int:
    """Re-send entries that have waited longer than OUTBOX_STUCK_AFTER. Returns how many."""
    ids = outbox_pending(older_than=older_than)
    for start in range(0, len(ids), batch_size):
        outbox_dispatch(entry_ids=ids[start : start + batch_size])
    return len(ids)
