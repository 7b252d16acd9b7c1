"""What people could not find: searches with few hits are counted per day, without anything
personal, shown to advisors only, and forgotten after the retention."""

import logging
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from backend.config.broker import filesystem_broker_options
from backend.config.celery import app as celery_app
from backend.discovery.missed.personal_data import looks_personal
from backend.discovery.missed.services import (
    FEW_HITS,
    RETENTION_DAYS,
    missed_search_record,
)
from backend.discovery.models import MissedSearch
from backend.discovery.tasks import missed_search_count_task, missed_searches_prune_task
from search.types import Relaxation, SearchRequest, SearchResponse
from tests.backend.concurrency import in_thread, wait_for_lock_wait
from tests.backend.conftest import ROLES, World
from tests.factories import MissedSearchFactory

MISSED_URL = "/api/search/missed/"
#: Words no document of any test has: every search for them finds nothing.
NOWHERE = "kvasifluksmåler"


def _found(total: int, page: int = 1, relaxation: Relaxation = "all") -> SearchResponse:
    return SearchResponse(
        total=total,
        hits=(),
        facets={},
        suggestion=None,
        page=page,
        page_size=20,
        relaxation=relaxation,
    )


def _search(world: World, role: str, query: str, **params: Any) -> dict[str, Any]:
    answer = world.client(role).get("/api/search/", {"q": query, **params})
    assert answer.status_code == 200, answer.content[:300]
    return answer.json()  # type: ignore[no-any-return]


def _rows() -> list[tuple[str, str, bool, int, int]]:
    return list(
        MissedSearch.objects.order_by("query", "filters").values_list(
            "query", "filters", "semantic", "hits", "count"
        )
    )


def test_a_search_without_hits_is_counted_once_a_day_per_query_and_filters(world: World) -> None:
    # when: the same search three times (spelt differently), and once with filters
    _search(world, "visitor", NOWHERE)
    _search(world, "buyer", f"  {NOWHERE.upper()} ")
    _search(world, "supplier", NOWHERE)
    _search(world, "visitor", NOWHERE, type=["solution", "need"], county="46")
    # then
    assert _rows() == [
        (NOWHERE, "", False, 0, 3),
        (NOWHERE, "type=need&type=solution&county=46", False, 0, 1),
    ]
    assert MissedSearch.objects.get(filters="").day == timezone.localdate()


@pytest.mark.parametrize(
    ("request_", "total", "relaxation", "counted"),
    [
        (SearchRequest(text="sensor i drikkevannet"), FEW_HITS, "all", True),
        (SearchRequest(text="sensor i drikkevannet"), FEW_HITS + 1, "all", False),
        (SearchRequest(text="sensor i drikkevannet"), 40, "most", True),
        (SearchRequest(text="sensor i drikkevannet"), 12, "any", True),
        (SearchRequest(text="sensorbøye"), 8, "semantic", True),
        (SearchRequest(text="sensor i drikkevannet", page=2), 0, "all", False),
        (SearchRequest(text="   "), 0, "all", False),
        (SearchRequest(text="sensor", filters={"county": ("99",)}), 0, "all", False),
        (SearchRequest(text="sensor", semantic=True), 1, "all", True),
    ],
    ids=[
        "few hits",
        "enough hits",
        "most words",
        "any word",
        "similar meaning",
        "a later page",
        "no words",
        "unknown filter",
        "hybrid",
    ],
)
def test_a_first_page_with_words_and_valid_filters_counts_when_its_words_found_little(
    db: None, request_: SearchRequest, total: int, relaxation: Relaxation, counted: bool
) -> None:
    # when
    recorded = missed_search_record(
        request=request_, response=_found(total, request_.page, relaxation)
    )
    # then
    assert recorded is counted
    assert list(MissedSearch.objects.values_list("hits", "relaxation")) == (
        [(total, relaxation)] if counted else []
    )


@pytest.mark.parametrize(
    "query",
    [
        "kari.nordmann@bergen.kommune.no",
        "ola@nav",
        "91234567",
        "912 34 567",
        "+47 22 33 44 55",
        "0047 91234567",
        "tilbud fra 41 23 45 67",
        "01019012345",
        "010190 12345",
        "fødselsnummer 31129956715",
    ],
)
def test_a_query_that_looks_like_personal_data_is_not_stored(world: World, query: str) -> None:
    # when
    result = _search(world, "buyer", query)
    # then: the search answers as always, and nothing is kept
    assert result["total"] <= FEW_HITS
    assert looks_personal(query)
    assert MissedSearch.objects.count() == 0


@pytest.mark.parametrize(
    "query",
    ["45233141 veivedlikehold", "cpv 48000000", "974760673", "trl 7 2025", "10 000 brukere"],
    ids=["cpv code", "cpv division", "organisation number", "small numbers", "a count"],
)
def test_cpv_codes_organisation_numbers_and_small_numbers_are_kept(db: None, query: str) -> None:
    # when
    recorded = missed_search_record(request=SearchRequest(text=query), response=_found(0))
    # then
    assert recorded
    assert MissedSearch.objects.get().query == query


def test_the_log_holds_nothing_personal_by_construction() -> None:
    # then: no user, no address, no session, no time of day: only these columns
    fields = {f.name: f.get_internal_type() for f in MissedSearch._meta.get_fields()}
    assert fields == {
        "id": "BigAutoField",
        "day": "DateField",
        "query": "CharField",
        "filters": "CharField",
        "semantic": "BooleanField",
        "hits": "PositiveIntegerField",
        "relaxation": "CharField",
        "count": "PositiveIntegerField",
    }


def test_a_signed_in_search_leaves_no_trace_of_who_searched(world: World) -> None:
    # given
    user = world.users["supplier"]
    assert user is not None
    # when
    _search(world, "supplier", NOWHERE)
    # then
    row = MissedSearch.objects.values().get()
    stored = " ".join(str(v) for v in row.values())
    assert user.email not in stored
    assert str(user.pk) not in row["filters"]


def test_a_database_error_while_counting_never_fails_the_search(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    # given: the table is gone (DDL in the test's transaction, undone with it)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE discovery_missedsearch RENAME TO discovery_missedsearch_away")
    # when: the search is made (its count runs at once here: the tests' tasks are eager)
    with caplog.at_level(logging.WARNING):
        answer = world.client("visitor").get("/api/search/", {"q": NOWHERE})
    # then: the search answers, the count's task failed and says why, and the transaction
    # still works
    assert answer.status_code == 200, answer.content[:300]
    assert answer.json()["total"] == 0
    assert "discovery.missed_search_count" in caplog.text
    assert 'relation "discovery_missedsearch" does not exist' in caplog.text
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE discovery_missedsearch_away RENAME TO discovery_missedsearch")
    assert MissedSearch.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_searches_at_once_count_twice_on_one_row() -> None:
    # given: a first request has inserted the day's row but not committed it yet
    request, response = SearchRequest(text=NOWHERE), _found(0)
    inserted, release = threading.Event(), threading.Event()

    def first() -> None:
        with transaction.atomic():
            missed_search_record(request=request, response=response)
            inserted.set()
            release.wait(30)

    holder = in_thread(first)
    assert inserted.wait(30)
    # when: a second one finds no row to count on and waits to insert its own
    second = in_thread(lambda: missed_search_record(request=request, response=response))
    wait_for_lock_wait("discovery_missedsearch")
    release.set()
    holder.join(30)
    second.join(30)
    # then
    assert _rows() == [(NOWHERE, "", False, 0, 2)]


def test_rows_older_than_the_retention_are_deleted_every_night(db: None) -> None:
    # given
    today = timezone.localdate()
    kept = MissedSearchFactory(day=today - timedelta(days=RETENTION_DAYS - 1))
    MissedSearchFactory(day=today - timedelta(days=RETENTION_DAYS))
    MissedSearchFactory(day=today - timedelta(days=RETENTION_DAYS + 40))
    # when
    deleted = missed_searches_prune_task.apply().get()
    # then
    assert deleted == 2
    assert list(MissedSearch.objects.values_list("pk", flat=True)) == [kept.pk]


def test_beat_prunes_every_night(settings: Any) -> None:
    # given
    schedules = settings.CELERY_BEAT_SCHEDULE.values()
    # then
    (entry,) = [e for e in schedules if e["task"] == missed_searches_prune_task.name]
    assert entry["schedule"].is_due(timezone.now() - timedelta(days=1, minutes=1)).is_due


def test_advisors_see_the_most_frequent_first_over_the_period(world: World) -> None:
    # given: over three days, two searches; one seen long ago
    today = timezone.localdate()
    for days_ago, count, hits in ((0, 2, 1), (1, 3, 0), (5, 1, 0)):
        MissedSearchFactory(
            day=today - timedelta(days=days_ago),
            query="lekkasje vann",
            filters="type=need&county=46",
            count=count,
            hits=hits,
        )
    MissedSearchFactory(day=today, query="snøbrøyting", count=4, relaxation="any")
    MissedSearchFactory(day=today - timedelta(days=60), query="brøyting av snø", count=50)
    # when
    week = world.client("advisor").get(MISSED_URL, {"days": 7})
    quarter = world.client("advisor").get(MISSED_URL, {"days": 90})
    # then
    assert week.status_code == 200, week.content[:300]
    rows = week.json()["results"]
    assert [(r["query"], r["searches"], r["days"], r["hits"]) for r in rows] == [
        ("lekkasje vann", 6, 3, 1),
        ("snøbrøyting", 4, 1, 0),
    ]
    assert rows[0]["filters"] == [
        {"name": "type", "value": "need", "label": "Behov"},
        {"name": "county", "value": "46", "label": "Vestland"},
    ]
    assert rows[0]["filters_query"] == "type=need&county=46"
    assert rows[0]["last_seen"] == today.isoformat()
    assert (rows[1]["relaxation"], rows[1]["semantic"]) == ("any", False)
    assert quarter.json()["results"][0]["query"] == "brøyting av snø"


@pytest.mark.parametrize("days", ["0", "181", "en uke", "-7"])
def test_a_period_out_of_range_is_refused_with_a_message(world: World, days: str) -> None:
    # when
    answer = world.client("advisor").get(MISSED_URL, {"days": days})
    # then
    assert answer.status_code == 400
    assert answer.json()["days"]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "advisor"])
def test_nobody_but_advisors_sees_what_people_searched_for(world: World, role: str) -> None:
    # given
    MissedSearchFactory(query="lekkasje vann")
    # when
    answer = world.client(role).get(MISSED_URL)
    # then
    assert answer.status_code == 403
    assert b"lekkasje" not in answer.content


def _broker(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Send tasks to ``url`` instead of running them here; returns the settings to restore."""
    conf = celery_app.conf
    saved = {
        name: conf[name] for name in ("broker_url", "broker_transport_options", "task_always_eager")
    }
    conf.update(broker_url=url, broker_transport_options=options or {}, task_always_eager=False)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    return saved


def _restore(saved: dict[str, Any]) -> None:
    celery_app.conf.update(saved)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_the_search_answers_before_its_miss_is_counted_by_a_task(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: tasks go to a broker of the test's own (a folder: kombu's filesystem transport)
    monkeypatch.setenv("CELERY_BROKER_URL", "filesystem://localhost/")
    saved = _broker("filesystem://localhost/", filesystem_broker_options(tmp_path / "broker"))
    try:
        # when: a search finds nothing
        _search(world, "visitor", NOWHERE)
        # then: nothing was counted in the request; the task waits in the queue
        assert _rows() == []
        with celery_app.connection_for_read() as broker:
            message = broker.SimpleQueue("default").get(timeout=5)
            _args, kwargs, _embed = message.decode()
            message.ack()
    finally:
        _restore(saved)
    # and when the worker runs it, the miss is counted on the day of the search
    assert kwargs["day"] == timezone.localdate().isoformat()
    missed_search_count_task.apply(kwargs=kwargs).get()
    assert _rows() == [(NOWHERE, "", False, 0, 1)]


def test_a_miss_is_counted_in_the_request_when_the_broker_does_not_answer(
    world: World, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a broker nobody listens to (nothing is stopped)
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    saved = _broker("redis://127.0.0.1:9/0")
    try:
        # when: a search finds nothing
        with caplog.at_level(logging.WARNING, "backend.discovery"):
            _search(world, "visitor", NOWHERE)
    finally:
        _restore(saved)
    # then: it was counted all the same, and the log says where
    assert _rows() == [(NOWHERE, "", False, 0, 1)]
    assert "Missed-search task not sent; counted in the request" in caplog.text
