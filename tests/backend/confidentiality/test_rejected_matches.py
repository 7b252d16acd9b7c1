"""A pair an advisor rejected never resurfaces: buyers and suppliers never see it again, from
either side, through any path; only advisors see it, with its reason."""

from typing import Any

import pytest
from django.core import mail

from backend.matches.models import Match
from backend.matches.services import (
    matches_recompute_for_needs,
    matches_recompute_for_solutions,
)
from backend.notifications.models import Notification
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    MATCH_WRITES,
    OPTIONS_PROBES,
    REJECT_PAIR_REASON,
    REJECT_REASON,
    ROLES,
    Scene,
    admin_leaks,
    admin_search_count,
    csv_rows,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)
from tests.factories import MatchFactory, SolutionFactory

HIDDEN = hidden_of("rejected_matches")
#: The roles with a stake in the rejected pairs: the need's buyers, the rejected solution's
#: supplier, the other need's buyer; and the supplier of the accepted pair.
PARTIES = ("owner", "co_buyer", "rival", "other_buyer", "supplier")


def _rejected_ids(s: Scene) -> set[int]:
    return {s.rejected_match.pk, s.rejected_pair.pk}


def _lists(s: Scene) -> tuple[str, ...]:
    return (
        "/api/matches/?page_size=100",
        "/api/matches/?state=rejected",
        "/api/matches/?kind=need_need",
        f"/api/matches/?need={s.need.pk}",
        f"/api/matches/?solution={s.rival_solution.pk}",
        f"/api/needs/{s.need.pk}/matches/",
        f"/api/needs/{s.need.pk}/similar/",
        f"/api/needs/{s.other_need.pk}/similar/",
        f"/api/solutions/{s.rival_solution.pk}/matches/",
        "/api/matches/queue/",
    )


def _seen_pairs(s: Scene, role: str) -> dict[str, set[tuple[int, str, int]]]:
    """(need, counterpart) of every match each list shows the role."""
    client = s.client(role)
    seen = {}
    for url in _lists(s):
        answer = client.get(url)
        rows = answer.json()["results"] if answer.status_code == 200 else []
        seen[url] = {_pair(m) for m in rows}
    return seen


def _pair(m: dict[str, Any]) -> tuple[int, str, int]:
    if m["solution"]:
        return (m["need"]["id"], "solution", m["solution"]["id"])
    return (m["need"]["id"], "need", m["other_need"]["id"])


def _rejected_pairs(s: Scene) -> set[tuple[int, str, int]]:
    """The rejected pairs, the two needs from both sides."""
    return {
        (s.need.pk, "solution", s.rival_solution.pk),
        (s.need.pk, "need", s.other_need.pk),
        (s.other_need.pk, "need", s.need.pk),
    }


def test_the_advisor_sees_the_reasons(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_rejection_reason(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_a_rejected_pair_answers_as_a_missing_match(market: Scene, role: str) -> None:
    leaks = existence_leaks(market, role, "match", _rejected_ids(market))
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", PARTIES)
def test_no_list_filter_or_count_holds_a_rejected_pair(market: Scene, role: str) -> None:
    # when
    seen = _seen_pairs(market, role)
    # then
    shown = {url: pairs & _rejected_pairs(market) for url, pairs in seen.items()}
    assert {url: pairs for url, pairs in shown.items() if pairs} == {}
    rejected = market.client(role).get("/api/matches/?state=rejected").json()
    assert (rejected["count"], rejected["results"]) == (0, [])


@pytest.mark.parametrize("role", PARTIES)
def test_recomputing_from_either_side_never_brings_a_rejected_pair_back(
    market: Scene, role: str
) -> None:
    # given: the engine ranks again from both needs and from the rejected solution
    matches_recompute_for_needs(need_ids=[market.need.pk, market.other_need.pk])
    matches_recompute_for_solutions(solution_ids=[market.rival_solution.pk])
    # when
    seen = _seen_pairs(market, role)
    # then
    shown = {url: pairs & _rejected_pairs(market) for url, pairs in seen.items()}
    assert {url: pairs for url, pairs in shown.items() if pairs} == {}
    assert Match.objects.get(pk=market.rejected_match.pk).state == Match.State.REJECTED
    assert Match.objects.get(pk=market.rejected_pair.pk).state == Match.State.REJECTED


def test_the_engine_keeps_both_directions_of_a_rejected_need_pair_rejected(
    market: Scene,
) -> None:
    # when
    matches_recompute_for_needs(need_ids=[market.other_need.pk, market.need.pk])
    # then: no live suggestion joins the two needs, in either direction
    live = Match.objects.exclude(state=Match.State.REJECTED).filter(
        need__in=[market.need, market.other_need],
        other_need__in=[market.need, market.other_need],
    )
    assert list(live) == []


@pytest.mark.parametrize("role", [r for r in API_ROLES if r != "visitor"])
def test_deciding_on_a_rejected_pair_answers_as_for_a_missing_match(
    market: Scene, role: str
) -> None:
    writes = (*MATCH_WRITES, *OPTIONS_PROBES["match"])
    leaks = write_leaks(market, role, writes, _rejected_ids(market))
    assert leaks == [], "\n".join(leaks)
    assert Match.objects.get(pk=market.rejected_match.pk).state == Match.State.REJECTED


@pytest.mark.parametrize("action", ["shortlist", "introduce"])
def test_not_even_an_advisor_revives_a_rejected_pair(market: Scene, action: str) -> None:
    # when
    answer = market.client("advisor").post(f"/api/matches/{market.rejected_match.pk}/{action}/")
    # then
    assert answer.status_code == 400
    assert Match.objects.get(pk=market.rejected_match.pk).state == Match.State.REJECTED
    assert mail.outbox == []


def test_a_manual_match_cannot_recreate_a_rejected_pair(market: Scene) -> None:
    # given: the same two needs, named the other way round
    body = {"need": market.other_need.pk, "other_need": market.need.pk}
    # when
    answer = market.client("advisor").post("/api/matches/", body, format="json")
    # then
    assert answer.status_code == 400
    assert not Match.objects.filter(need=market.other_need, other_need=market.need).exists()


def test_the_advisors_queue_holds_no_rejected_pair(market: Scene) -> None:
    answer = market.client("advisor").get("/api/matches/queue/?page_size=100")
    assert not {m["id"] for m in answer.json()["results"]} & _rejected_ids(market)


def test_the_advisors_export_keeps_the_decision_and_its_reason(market: Scene) -> None:
    # when
    answer = market.client("advisor").get("/api/matches/export/")
    # then
    rows = {row[0]: row for row in csv_rows(answer.content)[1:]}
    assert REJECT_REASON in " ".join(rows[str(market.rejected_match.pk)])


def test_a_rejection_notifies_nobody(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a fresh suggestion of a published solution
    pair = MatchFactory(
        need=market.need, solution=SolutionFactory(organization=market.orgs["supplier"])
    )
    before = Notification.objects.count()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = market.client("advisor").post(
            f"/api/matches/{pair.pk}/reject/", {"reason": "Dekker ikke behovet."}, format="json"
        )
    # then
    assert answer.status_code == 200
    assert (Notification.objects.count(), mail.outbox) == (before, [])


def test_no_email_sent_while_building_the_market_tells_a_rejection(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_shows_a_rejection_reason(market: Scene) -> None:
    assert search_leaks(market, (REJECT_REASON, REJECT_PAIR_REASON)) == []


def test_the_openapi_schema_carries_no_rejection(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_rejection_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
    assert admin_search_count(market, "staff", Match, "") == 0
