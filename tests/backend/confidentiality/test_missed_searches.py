"""What people searched for and did not find is for advisors: it tells what a competitor
looks for. Nobody else reads it through any path, and the log keeps nothing personal."""

import pytest

from backend.discovery.models import MissedSearch
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    MISSED_QUERY,
    ROLES,
    Scene,
    admin_leaks,
    admin_reads,
    admin_search_count,
    hidden_of,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
)

HIDDEN = hidden_of("missed_searches")
MISSED_URLS = ("/api/search/missed/", "/api/search/missed/?days=180")


def test_the_advisor_sees_what_people_could_not_find(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_missed_search(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_every_other_role_is_refused_the_list(market: Scene, role: str) -> None:
    reads = market.reads(role)
    assert {url: reads[url][0] for url in MISSED_URLS} == dict.fromkeys(MISSED_URLS, 403)


def test_the_advisor_reads_the_list(market: Scene) -> None:
    status, body = market.reads("advisor")["/api/search/missed/"]
    assert status == 200
    assert MISSED_QUERY.encode() in body


def test_the_searcher_is_not_in_the_log(market: Scene) -> None:
    # given: the rival searched, signed in
    rival = market.users["rival"]
    assert rival is not None
    # then: the day, the words, the filters and a count; nothing of who
    row = MissedSearch.objects.values().get(pk=market.missed_search.pk)
    assert row == {
        "id": market.missed_search.pk,
        "day": row["day"],
        "query": MISSED_QUERY,
        "filters": "type=need",
        "semantic": False,
        "hits": 0,
        "relaxation": "all",
        "count": 1,
    }
    # (the equality above leaves no column for who; the texts carry no trace of it either. Not
    # str(row): the rival's id may equal the row's own id, 28 and 28 in one CI run)
    texts = f"{row['query']} {row['filters']}"
    for trace in (rival.email, rival.full_name, market.orgs["rival"].name):
        assert trace not in texts, trace
    assert str(rival.pk) not in texts.split(), rival.pk


def test_search_never_shows_a_missed_search(market: Scene) -> None:
    assert search_leaks(market, (MISSED_QUERY,)) == []


def test_the_openapi_schema_carries_no_missed_search(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_missed_search_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
    assert admin_search_count(market, "staff", MissedSearch, "") == 0


def test_the_operator_sees_the_missed_searches_in_the_admin(market: Scene) -> None:
    pages = admin_reads(market, "operator").values()
    assert any(MISSED_QUERY.encode() in body for _status, body in pages)
