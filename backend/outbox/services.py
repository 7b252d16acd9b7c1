"""The outbox: a write commits its row and an outbox entry in one transaction; Celery
processes the entry after commit; a periodic sweeper re-sends whatever is due.

A run *claims* its entries first (``SELECT … FOR UPDATE SKIP LOCKED`` and a lease, so two
runs never work on one entry and a crashed run's claim expires), then reads the rows and
calls the handler, then finishes exactly the entries it claimed. Claiming is the version
fence: an entry is visible to the claim only once its transaction has committed, so the
rows the handler reads afterwards include the change it was written for. An entry whose
transaction commits after the claim is never finished by that run, however early its
``created_at``; it waits for its own message. (A row's ``version`` cannot be the fence: a
conference's document also changes when one of its needs does, and a need or solution's
when its organisation is renamed, without the row's own version moving.)

Failures count ``attempts`` and back off exponentially (``next_attempt_at``); after
``OUTBOX_MAX_ATTEMPTS`` the entry becomes a dead letter, which an operator re-queues in the
admin. Handlers are named explicitly here (no signals); each takes an entity name and a list
of ids and is idempotent.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.types import AnyUser
from backend.outbox.entities import Entity, entity_spec
from backend.outbox.models import OutboxEntry

logger = logging.getLogger(__name__)

Handler = Callable[..., None]
Key = tuple[str, str, int]

HANDLERS: dict[str, str] = {
    OutboxEntry.Topic.SEARCH_INDEX: "backend.discovery.services.search_sync",
    OutboxEntry.Topic.MATCHING_RECOMPUTE: "backend.matches.services.matches_recompute",
    OutboxEntry.Topic.NOTIFICATION_DELIVERY: "backend.notifications.delivery.deliveries_send",
}


def outbox_enqueue(*, topic: str, entity: str, entity_id: int) -> OutboxEntry:
    """Record work for after the commit. Must run inside the writing transaction."""
    entry = OutboxEntry.objects.create(topic=topic, entity=entity, entity_id=entity_id)
    transaction.on_commit(lambda: outbox_dispatch(entry_ids=[entry.pk]))
    return entry


def outbox_enqueue_many(
    *,
    topic: str,
    entity: str,
    entity_ids: Iterable[int],
    hold_until: datetime | None = None,
) -> list[int]:
    """Record work for many rows of one entity in one query, inside the writing transaction
    (bulk writes such as the import). Dispatched after the commit, unless held: then the
    entries wait until ``hold_until`` (the sweeper sends them from then on) or until the
    writer applies or releases them earlier (``outbox_process``, ``outbox_release``), so a
    crashed writer's work is still done. Returns the entries' ids."""
    fields = {} if hold_until is None else {"next_attempt_at": hold_until}
    entries = OutboxEntry.objects.bulk_create(
        [OutboxEntry(topic=topic, entity=entity, entity_id=pk, **fields) for pk in entity_ids]
    )
    ids = [e.pk for e in entries]
    if ids and hold_until is None:
        transaction.on_commit(lambda: outbox_dispatch(entry_ids=ids))
    return ids


def outbox_pending(*, topic: str, entity: Entity, entity_ids: Iterable[int]) -> list[int]:
    """The ids of the entries of these rows that are not done and not dead letters."""
    return list(
        OutboxEntry.objects.filter(
            topic=topic,
            entity=entity,
            entity_id__in=list(entity_ids),
            processed_at__isnull=True,
            dead_at__isnull=True,
        ).values_list("pk", flat=True)
    )


def outbox_release(*, entry_ids: list[int]) -> int:
    """Held entries are due now: dispatch those still pending. Returns how many."""
    pending = OutboxEntry.objects.filter(
        pk__in=entry_ids, processed_at__isnull=True, dead_at__isnull=True
    )
    ids = list(pending.values_list("pk", flat=True))
    if ids:
        OutboxEntry.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
        outbox_dispatch(entry_ids=ids)
    return len(ids)


def derived_refresh(*, entity: Entity, entity_id: int, matching: bool = True) -> None:
    """Queue a refresh of the search index (and, for an entity that is matched, the
    matches) for one row. An entity the registry does not know raises ValueError."""
    if matching and entity_spec(entity).matched:
        outbox_enqueue(
            topic=OutboxEntry.Topic.MATCHING_RECOMPUTE, entity=entity, entity_id=entity_id
        )
    outbox_enqueue(topic=OutboxEntry.Topic.SEARCH_INDEX, entity=entity, entity_id=entity_id)


def outbox_dispatch(*, entry_ids: list[int]) -> bool:
    """Hand entries to Celery, one task per topic on the topic's queue. With the broker
    down, log and leave them for the sweeper."""
    from backend.outbox.tasks import TOPIC_TASKS

    by_topic: dict[str, list[int]] = defaultdict(list)
    for pk, topic in OutboxEntry.objects.filter(pk__in=entry_ids).values_list("pk", "topic"):
        by_topic[topic].append(pk)
    OutboxEntry.objects.filter(pk__in=entry_ids).update(dispatched_at=timezone.now())
    sent = True
    for topic, ids in by_topic.items():
        try:
            TOPIC_TASKS[topic].apply_async(args=[sorted(ids)], retry=False)
        except Exception as exc:  # kombu/redis raise many kinds; none may fail the request
            logger.warning("Outbox dispatch failed, the sweeper will resend %s: %s", ids, exc)
            sent = False
    return sent


def _free(now: datetime) -> Q:
    """Not done, and not leased by a run (or its lease ran out)."""
    return Q(processed_at__isnull=True) & (Q(lease_until__isnull=True) | Q(lease_until__lt=now))


def _unleased(now: datetime) -> Q:
    return _free(now) & Q(dead_at__isnull=True)


def _same_rows(entries: Iterable[OutboxEntry]) -> Q:
    keys: set[Key] = {(e.topic, e.entity, e.entity_id) for e in entries}
    rows = Q(pk__in=[])
    for topic, entity, entity_id in keys:
        rows |= Q(topic=topic, entity=entity, entity_id=entity_id)
    return rows


@transaction.atomic
def outbox_claim(*, entry_ids: list[int]) -> list[OutboxEntry]:
    """Lease the given entries that are pending, not dead and not leased by another run,
    together with the other committed entries of the same rows that are not done, dead
    letters included (one run applies them all: the rows are read after they committed).
    Entries locked by a concurrent claim are skipped, not waited for."""
    now = timezone.now()
    lockable = OutboxEntry.objects.select_for_update(skip_locked=True)
    asked = list(lockable.filter(_unleased(now), pk__in=entry_ids))
    if not asked:
        return []
    claimed = list(lockable.filter(_free(now)).filter(_same_rows(asked)).order_by("id"))
    lease_until = now + settings.OUTBOX_LEASE
    OutboxEntry.objects.filter(pk__in=[e.pk for e in claimed]).update(lease_until=lease_until)
    for entry in claimed:
        entry.lease_until = lease_until
    return claimed


def _group(entries: Iterable[OutboxEntry]) -> dict[tuple[str, str], list[OutboxEntry]]:
    groups: dict[tuple[str, str], list[OutboxEntry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.topic, entry.entity)].append(entry)
    return groups


def outbox_finish(entries: list[OutboxEntry]) -> None:
    """Done: exactly the claimed entries, and only while this run still holds their lease."""
    if not entries:
        return
    OutboxEntry.objects.filter(
        pk__in=[e.pk for e in entries], lease_until=entries[0].lease_until
    ).update(processed_at=timezone.now(), lease_until=None)


def outbox_backoff(attempts: int) -> timedelta:
    """Wait before attempt ``attempts + 1``: base · 2^(attempts-1), capped."""
    base: timedelta = settings.OUTBOX_BACKOFF_BASE
    cap: timedelta = settings.OUTBOX_BACKOFF_MAX
    return min(base * (1 << min(max(attempts - 1, 0), 20)), cap)


def _fail(entries: list[OutboxEntry], exc: Exception) -> None:
    now = timezone.now()
    error = f"{type(exc).__name__}: {exc}"[:2000]
    for entry in entries:
        entry.attempts += 1
        entry.last_error = error
        entry.lease_until = None
        entry.next_attempt_at = now + outbox_backoff(entry.attempts)
        if entry.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            entry.dead_at = now
            logger.error("Outbox %s is a dead letter after %s attempts", entry, entry.attempts)
        entry.save(
            update_fields=["attempts", "last_error", "lease_until", "next_attempt_at", "dead_at"]
        )


def outbox_process(*, entry_ids: list[int]) -> list[Exception]:
    """Claim, apply and finish the entries. Returns the errors of groups that failed."""
    errors: list[Exception] = []
    for (topic, entity), entries in _group(outbox_claim(entry_ids=entry_ids)).items():
        handler: Handler = import_string(HANDLERS[topic])
        ids = sorted({e.entity_id for e in entries})
        try:
            handler(entity=entity, ids=ids)
        except Exception as exc:
            logger.warning("Outbox %s %s %s failed: %s", topic, entity, ids, exc)
            _fail(entries, exc)
            errors.append(exc)
            continue
        outbox_finish(entries)
    return errors


def outbox_due(*, limit: int, stuck_after: timedelta | None = None) -> list[int]:
    """Pending entries whose turn has come, oldest due first: not leased, not dead, past
    their backoff, and not handed to Celery within ``stuck_after`` (still in flight)."""
    now = timezone.now()
    cutoff = now - (stuck_after if stuck_after is not None else settings.OUTBOX_STUCK_AFTER)
    return list(
        OutboxEntry.objects.filter(_unleased(now), next_attempt_at__lte=now)
        .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lte=cutoff))
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_sweep(*, stuck_after: timedelta | None = None, batch_size: int | None = None) -> int:
    """Re-send one bounded batch of due entries. Returns how many."""
    ids = outbox_due(limit=batch_size or settings.OUTBOX_SWEEP_BATCH, stuck_after=stuck_after)
    if ids:
        outbox_dispatch(entry_ids=ids)
    return len(ids)


@transaction.atomic
def outbox_requeue(*, user: AnyUser, entry_ids: list[int]) -> int:
    """An operator sends dead letters (or entries waiting out a backoff) again: attempts
    start over, each re-queue is audit-logged, and the entries are dispatched after commit.
    Done and leased entries are left alone. Returns how many were re-queued."""
    now = timezone.now()
    entries = list(
        OutboxEntry.objects.select_for_update()
        .filter(pk__in=entry_ids, processed_at__isnull=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
    )
    for entry in entries:
        audit_log(
            actor=user,
            action=AuditEvent.Action.REQUEUED,
            obj=entry,
            data={
                "attempts": entry.attempts,
                "last_error": entry.last_error,
                "dead": entry.dead_at is not None,
            },
        )
    ids = [e.pk for e in entries]
    OutboxEntry.objects.filter(pk__in=ids).update(
        dead_at=None, attempts=0, next_attempt_at=now, lease_until=None
    )
    if ids:
        transaction.on_commit(lambda: outbox_dispatch(entry_ids=ids))
    return len(ids)
