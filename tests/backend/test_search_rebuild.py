"""A rebuild of the search index on the real Elasticsearch while the catalogue changes:
a solution archived during the rebuild is not brought back by the rebuild's older read."""

import threading

import pytest
from django.db import connection, transaction

from backend.discovery.services import search_reindex, search_sync
from backend.solutions.models import Solution
from backend.solutions.services import solution_archive
from tests.backend.concurrency import in_thread, wait_for_lock_wait
from tests.backend.conftest import World

pytestmark = pytest.mark.django_db(transaction=True)

CONFERENCE_NEEDS = "dialogue_dialogueconference_needs"


def _found(world: World, text: str) -> list[int]:
    """Solution hits of this test's own rows: the session's index keeps the documents of
    earlier tests, whose rows were rolled back."""
    response = world.client("visitor").get("/api/search/", {"q": text})
    ids = [h["id"] for h in response.json()["results"] if h["type"] == "solution"]
    mine = set(Solution.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [i for i in ids if i in mine]


def test_a_solution_archived_during_a_rebuild_stays_out_of_the_index(world: World) -> None:
    # given: the solution is published and indexed
    solution = world.solution
    search_sync(entity="solution", ids=[solution.pk])
    locked, release = threading.Event(), threading.Event()

    def hold_conference_needs() -> None:  # stalls the rebuild after it has read solutions
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {CONFERENCE_NEEDS} IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(60)

    staller = in_thread(hold_conference_needs)
    assert locked.wait(10)
    # when: a rebuild reads the solution while still published, then waits
    rebuild = in_thread(search_reindex)
    wait_for_lock_wait(CONFERENCE_NEEDS)
    # and the supplier archives it meanwhile (the outbox deletes it from the index)
    solution_archive(user=world.users["supplier"], solution=solution)  # type: ignore[arg-type]
    release.set()
    staller.join(60)
    rebuild.join(120)
    # then: the rebuild's stale copy did not bring it back
    assert solution.pk not in _found(world, solution.title)
