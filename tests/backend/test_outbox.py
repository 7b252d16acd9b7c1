"""The outbox on the real PostgreSQL, Redis and Elasticsearch: leases, finishing by what a
run has read, retries with backoff, dead letters and their re-queue."""

import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.config.celery import app as celery_app
from backend.discovery.services import search_sync
from backend.outbox.models import OutboxEntry
from backend.outbox.services import (
    derived_refresh,
    outbox_backoff,
    outbox_claim,
    outbox_due,
    outbox_finish,
    outbox_process,
)
from backend.outbox.tasks import TOPIC_TASKS
from backend.solutions.models import Solution
from backend.solutions.services import solution_archive
from tests.backend.concurrency import in_thread, wait_for_lock_wait
from tests.backend.conftest import World
from tests.factories import EmbeddingFactory, OutboxEntryFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _found(world: World, text: str) -> list[int]:
    """Solution hits of this test's own rows: the session's index keeps the documents of
    earlier tests, whose rows were rolled back."""
    response = world.client("visitor").get("/api/search/", {"q": text})
    ids = [h["id"] for h in response.json()["results"] if h["type"] == "solution"]
    mine = set(Solution.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [i for i in ids if i in mine]


def test_a_change_committed_after_a_run_read_the_row_is_applied_by_its_own_entry(
    world: World,
) -> None:
    """A run reads the solution while it is still published; the archive commits before that
    run finishes. The run must not mark the archive's entry done: the solution leaves the
    index when that entry's own message arrives."""
    # given: the solution is published and indexed
    solution = world.solution
    search_sync(entity="solution", ids=[solution.pk])
    assert _found(world, solution.title) == [solution.pk]
    archived, release_archive = threading.Event(), threading.Event()
    locked, release_lock = threading.Event(), threading.Event()

    def archive() -> None:  # the supplier archives; the commit waits for the test
        with transaction.atomic():
            solution_archive(user=world.users["supplier"], solution=solution)  # type: ignore[arg-type]
            archived.set()
            release_archive.wait(30)

    def stall_reads_of_vectors() -> None:  # holds the run between reading and finishing
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("LOCK TABLE matches_embedding IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release_lock.wait(30)

    def organisation_refresh() -> None:  # a later entry for the same row, processed at once
        with transaction.atomic():
            derived_refresh(entity="solution", entity_id=solution.pk, matching=False)

    writer = in_thread(archive)
    assert archived.wait(10)
    staller = in_thread(stall_reads_of_vectors)
    assert locked.wait(10)
    # when: a run reads the still-published row, then stalls before it writes the index
    run = in_thread(organisation_refresh)
    wait_for_lock_wait("matches_embedding")
    # and the archive commits meanwhile; its messages wait in the real broker's queue
    celery_app.conf.task_always_eager = False
    try:
        release_archive.set()
        writer.join(30)
    finally:
        celery_app.conf.task_always_eager = True
    release_lock.set()
    staller.join(30)
    run.join(30)
    # then: the archive's entries are still to do, and their delivery takes the row out
    waiting = OutboxEntry.objects.filter(entity_id=solution.pk, processed_at__isnull=True)
    assert [e.topic for e in waiting] == [OutboxEntry.Topic.SEARCH_INDEX]
    assert outbox_process(entry_ids=[e.pk for e in waiting]) == []
    assert _found(world, solution.title) == []


def test_a_run_skips_entries_another_run_is_claiming_instead_of_waiting(world: World) -> None:
    # given: another run is in the middle of claiming the entry (its row is locked)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    locked, release = threading.Event(), threading.Event()

    def claiming() -> None:
        with transaction.atomic():
            list(OutboxEntry.objects.select_for_update().filter(pk=entry.pk))
            locked.set()
            release.wait(30)

    other = in_thread(claiming)
    assert locked.wait(10)
    # when
    started = time.monotonic()
    claimed = outbox_claim(entry_ids=[entry.pk])
    waited = time.monotonic() - started
    release.set()
    other.join(30)
    # then
    assert (claimed, waited < 5) == ([], True)


def test_a_leased_entry_is_neither_claimed_again_nor_swept(world: World) -> None:
    # given: a run holds the entry (it has been in flight longer than OUTBOX_STUCK_AFTER)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    [claimed] = outbox_claim(entry_ids=[entry.pk])
    # when
    again = outbox_claim(entry_ids=[entry.pk])
    due = outbox_due(limit=100, stuck_after=timedelta(0))
    # then
    assert (again, entry.pk in due, claimed.lease_until is not None) == ([], False, True)


def test_a_crashed_runs_lease_expires_and_its_late_finish_marks_nothing(
    world: World, settings: Any
) -> None:
    # given: a run claimed the entry with a lease that has run out (the run crashed)
    settings.OUTBOX_LEASE = timedelta(0)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    crashed = outbox_claim(entry_ids=[entry.pk])
    # when: another run takes it over and the crashed run comes back and finishes
    settings.OUTBOX_LEASE = timedelta(minutes=10)
    taken_over = outbox_claim(entry_ids=[entry.pk])
    outbox_finish(crashed)
    # then: the entry is still the second run's, not done
    entry.refresh_from_db()
    assert ([e.pk for e in taken_over], entry.processed_at) == ([entry.pk], None)
    assert entry.lease_until == taken_over[0].lease_until


def test_one_run_applies_every_committed_entry_of_the_row_and_finishes_them(
    world: World,
) -> None:
    # given: three deliveries for one row wait (two messages were lost)
    entries = OutboxEntryFactory.create_batch(3, entity_id=world.solution.pk)
    # when: one message arrives
    errors = outbox_process(entry_ids=[entries[-1].pk])
    # then
    done = OutboxEntry.objects.filter(pk__in=[e.pk for e in entries], processed_at__isnull=False)
    assert (errors, done.count(), _found(world, world.solution.title)) == (
        [],
        3,
        [world.solution.pk],
    )


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_wait_between_attempts_doubles_up_to_a_cap(settings: Any) -> None:
    settings.OUTBOX_BACKOFF_BASE = timedelta(seconds=30)
    settings.OUTBOX_BACKOFF_MAX = timedelta(minutes=5)
    waits = [outbox_backoff(n).total_seconds() for n in range(1, 7)]
    assert waits == [30, 60, 120, 240, 300, 300]


def test_a_failing_entry_backs_off_then_becomes_a_dead_letter_the_operator_sees(
    world: World, settings: Any
) -> None:
    # given: the solution's stored vector does not fit the index: indexing it always fails
    settings.OUTBOX_MAX_ATTEMPTS = 3
    EmbeddingFactory(entity_id=world.solution.pk, dims=3)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    # when: the first attempt fails
    started = timezone.now()
    errors = outbox_process(entry_ids=[entry.pk])
    entry.refresh_from_db()
    # then: it waits out the backoff; the sweeper leaves it alone meanwhile
    assert ([type(e).__name__ for e in errors], entry.attempts) == (["IndexingError"], 1)
    assert entry.next_attempt_at >= started + settings.OUTBOX_BACKOFF_BASE
    assert entry.pk not in outbox_due(limit=100, stuck_after=timedelta(0))
    # when: the next attempts fail as well
    outbox_process(entry_ids=[entry.pk])
    outbox_process(entry_ids=[entry.pk])
    entry.refresh_from_db()
    # then: a dead letter, never swept, listed for the operator with its error
    assert (entry.attempts, entry.dead_at is not None, entry.processed_at) == (3, True, None)
    assert entry.pk not in outbox_due(limit=100, stuck_after=timedelta(0))
    page = _admin(world).get("/admin/outbox/outboxentry/", {"state": "dead"})
    assert page.status_code == 200
    assert page.context["cl"].result_count == 1
    assert "embedding has 3 dimensions" in page.content.decode()


def test_an_operator_requeues_a_dead_letter_and_it_is_applied_and_audited(
    world: World, settings: Any
) -> None:
    # given: a dead letter whose cause has since been fixed
    settings.OUTBOX_MAX_ATTEMPTS = 1
    bad = EmbeddingFactory(entity_id=world.solution.pk, dims=3)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    outbox_process(entry_ids=[entry.pk])
    bad.delete()
    # when
    response = _admin(world).post(
        "/admin/outbox/outboxentry/", {"action": "requeue", "_selected_action": [entry.pk]}
    )
    # then
    entry.refresh_from_db()
    assert response.status_code == 302
    assert (entry.dead_at, entry.processed_at is not None) == (None, True)
    assert _found(world, world.solution.title) == [world.solution.pk]
    event = AuditEvent.objects.get(action=AuditEvent.Action.REQUEUED)
    assert (event.object_id, event.data["dead"], event.data["attempts"]) == (
        str(entry.pk),
        True,
        1,
    )


def test_a_later_change_of_the_row_applies_and_finishes_its_dead_letter_too(
    world: World, settings: Any
) -> None:
    # given: a dead letter for the solution, whose cause has since been fixed
    settings.OUTBOX_MAX_ATTEMPTS = 1
    bad = EmbeddingFactory(entity_id=world.solution.pk, dims=3)
    dead = OutboxEntryFactory(entity_id=world.solution.pk)
    outbox_process(entry_ids=[dead.pk])
    bad.delete()
    # when: the row changes again and its new entry is processed
    fresh = OutboxEntryFactory(entity_id=world.solution.pk)
    errors = outbox_process(entry_ids=[fresh.pk])
    # then: the run read the row after the dead entry committed, so it covers it
    dead.refresh_from_db()
    assert (errors, dead.processed_at is not None) == ([], True)
    assert _found(world, world.solution.title) == [world.solution.pk]


def test_the_sweeper_takes_the_oldest_due_entries_in_a_bounded_batch(world: World) -> None:
    # given: an old entry waiting out a long backoff, and newer ones due now
    backing_off = OutboxEntryFactory(
        entity_id=world.solution.pk, attempts=4, next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    due = OutboxEntryFactory.create_batch(3, entity_id=world.need.pk, entity="need")
    # when
    batch = outbox_due(limit=2, stuck_after=timedelta(0))
    # then: the backing-off entry starves nobody and is not resent early
    assert batch == [due[0].pk, due[1].pk]
    assert backing_off.pk not in batch


def test_each_topic_has_its_own_task_and_queue() -> None:
    router = celery_app.amqp.router
    queues = {
        topic: router.route({}, TOPIC_TASKS[topic].name)["queue"].name
        for topic in OutboxEntry.Topic.values
    }
    assert queues == {
        "search.index": "search",
        "matching.recompute": "matching",
        "notification.delivery": "notifications",
    }
