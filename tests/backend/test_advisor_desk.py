"""The advisor's desk: the queue page by page, its filters and sorts in the database, the
joint-procurement view apart from the solutions, and bulk shortlisting and rejecting (all or
nothing). Only advisors use it."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.matches.models import Match
from backend.needs.models import Need
from tests.backend.conftest import World
from tests.factories import MatchFactory, NeedFactory, OrganizationFactory, SolutionFactory

QUEUE = "/api/matches/queue/"
COUNTS = "/api/matches/queue/counts/"
BULK = "/api/matches/bulk/"


def _suggestion(**need: Any) -> Match:
    """A need ↔ solution suggestion on a need of its own (`need`: the need's fields)."""
    return MatchFactory(need=NeedFactory(**need), solution=SolutionFactory())


def _joint(**fields: Any) -> Match:
    """A need ↔ need suggestion (joint procurement)."""
    return MatchFactory(
        need=NeedFactory(),
        solution=None,
        other_need=NeedFactory(organization=OrganizationFactory(name="Skien kommune")),
        kind=Match.Kind.NEED_NEED,
        **fields,
    )


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content[:300]
    return [row["id"] for row in response.json()["results"]]


def _age(match: Match, days: int) -> Match:
    Match.objects.filter(pk=match.pk).update(created_at=timezone.now() - timedelta(days=days))
    return match


def _states(matches: list[Match]) -> list[str]:
    return [Match.objects.get(pk=m.pk).state for m in matches]


# --- the queue: pages, filters, sorts ------------------------------------------------------


def test_the_queue_pages_through_every_suggestion_best_first(world: World) -> None:
    # given: 30 suggestions besides the world's own
    made = [
        MatchFactory(need=world.need, solution=SolutionFactory(), score=n / 100) for n in range(30)
    ]
    client = world.client("advisor")
    # when
    first = client.get(QUEUE, {"page_size": 25})
    second = client.get(QUEUE, {"page_size": 25, "page": 2})
    # then: 31 in all, in two pages that do not overlap, highest score first
    assert first.json()["count"] == len(made) + 1
    assert (len(_ids(first)), len(_ids(second))) == (25, 6)
    assert not set(_ids(first)) & set(_ids(second))
    scores = [r["score"] for r in first.json()["results"] + second.json()["results"]]
    assert scores == sorted(scores, reverse=True)


def test_joint_procurement_is_its_own_view_never_among_the_solutions(world: World) -> None:
    # given
    joint = _joint()
    client = world.client("advisor")
    # when
    solutions = client.get(QUEUE)
    joint_view = client.get(QUEUE, {"kind": "need_need"})
    counts = client.get(COUNTS)
    # then
    assert joint.pk not in _ids(solutions)
    assert _ids(joint_view) == [joint.pk]
    assert joint_view.json()["results"][0]["other_need"]["organization"]["name"] == "Skien kommune"
    assert all(r["kind"] == "need_solution" for r in solutions.json()["results"])
    assert counts.json() == {"need_solution": 1, "need_need": 1}


@pytest.mark.parametrize(
    ("query", "wanted", "unwanted"),
    [
        ({"sector": "bygg-og-eiendom"}, {"sector": "bygg-og-eiendom"}, {}),
        ({"county": "18"}, {"county": "18"}, {"county": "03"}),
        ({"stage": "konkurranse"}, {"stage": "konkurranse"}, {"stage": "markedsdialog"}),
    ],
    ids=["sector", "county", "stage"],
)
def test_the_queue_filters_on_the_need(
    world: World, query: dict[str, str], wanted: dict[str, str], unwanted: dict[str, str]
) -> None:
    # given
    hit, miss = _suggestion(**wanted), _suggestion(**unwanted)
    # when
    found = _ids(world.client("advisor").get(QUEUE, query))
    # then
    assert hit.pk in found
    assert miss.pk not in found
    assert world.match.pk not in found


@pytest.mark.parametrize(
    ("query", "scores", "expected"),
    [
        ({"score_min": "0.5"}, (0.3, 0.5, 0.9), (0.5, 0.9)),
        ({"score_max": "0.5"}, (0.3, 0.5, 0.9), (0.3, 0.5)),
        ({"score_min": "0.4", "score_max": "0.6"}, (0.3, 0.5, 0.9), (0.5,)),
    ],
    ids=["minimum", "maximum", "range"],
)
def test_the_queue_filters_on_the_score(
    world: World, query: dict[str, str], scores: tuple[float, ...], expected: tuple[float, ...]
) -> None:
    # given
    world.match.delete()
    for score in scores:
        MatchFactory(score=score)
    # when
    rows = world.client("advisor").get(QUEUE, query).json()["results"]
    # then
    assert tuple(sorted(r["score"] for r in rows)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [({"max_age_days": "7"}, {"new"}), ({"min_age_days": "30"}, {"old"})],
    ids=["newer-than", "older-than"],
)
def test_the_queue_filters_on_how_long_ago_a_pair_was_suggested(
    world: World, query: dict[str, str], expected: set[str]
) -> None:
    # given
    made = {"new": _age(_suggestion(), 2), "middle": _age(_suggestion(), 14)}
    made["old"] = _age(_suggestion(), 45)
    # when
    found = set(_ids(world.client("advisor").get(QUEUE, query)))
    # then
    assert {name for name, m in made.items() if m.pk in found} == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"suggested"}),
        ({"state": "shortlisted"}, {"shortlisted"}),
        ({"state": "rejected"}, {"rejected"}),
        ({"state": "introduced"}, {"introduced"}),
        ({"state": ["suggested", "shortlisted"]}, {"suggested", "shortlisted"}),
    ],
    ids=["default-suggested", "shortlisted", "rejected", "introduced", "several"],
)
def test_the_queue_filters_on_the_state(
    world: World, query: dict[str, Any], expected: set[str]
) -> None:
    # given
    made = {state: MatchFactory(state=state) for state in Match.State.values}
    # when
    found = set(_ids(world.client("advisor").get(QUEUE, query)))
    # then
    assert {state for state, m in made.items() if m.pk in found} == expected


def test_the_queue_sorts_by_newest_and_by_the_needs_deadline(world: World) -> None:
    # given
    world.match.delete()
    soon = MatchFactory(need=NeedFactory(response_deadline=timezone.now() + timedelta(days=3)))
    later = MatchFactory(need=NeedFactory(response_deadline=timezone.now() + timedelta(days=40)))
    none = MatchFactory(need=NeedFactory(response_deadline=None))
    for match, days in ((soon, 20), (later, 1), (none, 10)):
        _age(match, days)
    client = world.client("advisor")
    # when
    newest = _ids(client.get(QUEUE, {"sort": "newest"}))
    deadline = _ids(client.get(QUEUE, {"sort": "deadline"}))
    # then
    assert newest == [later.pk, none.pk, soon.pk]
    assert deadline == [soon.pk, later.pk, none.pk]


def test_a_row_carries_what_the_desk_shows(world: World) -> None:
    # when
    row = world.client("advisor").get(QUEUE).json()["results"][0]
    # then
    assert row["need"]["county"] == {"code": "46", "label": "Vestland"}
    assert row["need"]["stage"]["code"] == "markedsdialog"
    assert row["need"]["organization"]["name"] == "Bergen kommune"
    assert row["solution"]["organization"]["name"] == "Helsetek AS"
    assert set(row) >= {"score", "state", "created_at", "kind"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"sector": "romfart"}, "sector"),
        ({"county": "99"}, "county"),
        ({"stage": "ferdig"}, "stage"),
        ({"kind": "solution_solution"}, "kind"),
        ({"state": "parked"}, "state"),
        ({"score_min": "1.5"}, "score_min"),
        ({"score_min": "høy"}, "score_min"),
        ({"score_min": "0.8", "score_max": "0.2"}, "score_max"),
        ({"max_age_days": "0"}, "max_age_days"),
        ({"max_age_days": "7", "min_age_days": "30"}, "min_age_days"),
        ({"sort": "price"}, "sort"),
    ],
    ids=lambda v: str(v),
)
def test_a_bad_filter_is_refused_with_a_message_on_its_field(
    world: World, query: dict[str, str], field: str
) -> None:
    # when
    response = world.client("advisor").get(QUEUE, query, HTTP_ACCEPT_LANGUAGE="nb")
    counts = world.client("advisor").get(COUNTS, query)
    # then
    assert (response.status_code, counts.status_code) == (400, 400)
    assert list(response.json()) == [field]
    assert all(isinstance(m, str) and m for m in response.json()[field])


def test_the_queue_costs_the_same_queries_whatever_the_page_size_and_filters(world: World) -> None:
    # given: more rows than the larger page, of both kinds and several needs
    for n in range(12):
        MatchFactory(need=NeedFactory(county="18"), score=0.5 + n / 100)
        _joint()
    client = world.client("advisor")
    filters = {"county": "18", "score_min": "0.4", "max_age_days": "30", "sort": "deadline"}
    queries = []
    # when
    for query in ({"page_size": 2}, {"page_size": 10}, {"page_size": 10, **filters}):
        client.get(QUEUE, query)  # one-off work of a first request
        with CaptureQueriesContext(connection) as captured:
            rows = _ids(client.get(QUEUE, query))
        queries.append(len(captured))
        assert len(rows) == query["page_size"]
    with CaptureQueriesContext(connection) as counted:
        client.get(COUNTS, filters)
    # then
    assert len(set(queries)) == 1, queries
    assert len(counted) <= queries[0] - 1


# --- bulk decisions --------------------------------------------------------------------------


def test_bulk_shortlist_decides_every_item_in_one_request(world: World) -> None:
    # given
    picked = [world.match, _suggestion(), _suggestion()]
    # when
    response = world.client("advisor").post(
        BULK, {"action": "shortlist", "ids": [m.pk for m in picked]}, format="json"
    )
    # then: an answer per item, each decided by the advisor and audited
    assert response.status_code == 200, response.content
    assert response.json()["results"] == [
        {"id": m.pk, "state": "shortlisted", "also_rejected": []} for m in picked
    ]
    assert _states(picked) == ["shortlisted"] * 3
    decided = Match.objects.filter(pk__in=[m.pk for m in picked])
    assert {m.decided_by.email for m in decided if m.decided_by} == {"radgiver@lup.no"}
    audited = AuditEvent.objects.filter(action=AuditEvent.Action.SHORTLISTED)
    assert sorted(int(e.object_id) for e in audited) == sorted(m.pk for m in picked)


def test_bulk_reject_asks_one_reason_for_all_and_rejects_both_sides_of_two_needs(
    world: World,
) -> None:
    # given: a solution pair, a shortlisted one, and a pair of needs seen from both sides
    joint = _joint()
    mirror = MatchFactory(
        need=joint.other_need, other_need=joint.need, solution=None, kind=Match.Kind.NEED_NEED
    )
    shortlisted = _suggestion()
    Match.objects.filter(pk=shortlisted.pk).update(state=Match.State.SHORTLISTED)
    picked = [world.match, shortlisted, joint]
    reason = "Dekker ikke behovet for døgnbemanning."
    # when
    response = world.client("advisor").post(
        BULK, {"action": "reject", "ids": [m.pk for m in picked], "reason": reason}, format="json"
    )
    # then
    assert response.status_code == 200, response.content
    assert response.json()["results"][2] == {
        "id": joint.pk,
        "state": "rejected",
        "also_rejected": [mirror.pk],
    }
    assert _states([*picked, mirror]) == ["rejected"] * 4
    assert set(
        Match.objects.filter(state="rejected").values_list("rejection_reason", flat=True)
    ) == {reason}


def test_bulk_reject_without_a_reason_changes_nothing(world: World) -> None:
    # when
    response = world.client("advisor").post(
        BULK, {"action": "reject", "ids": [world.match.pk], "reason": "  "}, format="json"
    )
    # then
    assert response.status_code == 400
    assert "reason" in response.json()
    assert _states([world.match]) == ["suggested"]


def _set_state(match: Match, state: str) -> int:
    Match.objects.filter(pk=match.pk).update(state=state)
    return match.pk


def _hide(match: Match) -> int:
    """Its need went back to draft: the pair is off every list."""
    Need.objects.filter(pk=match.need_id).update(status=Need.Status.DRAFT)
    return match.pk


#: name -> (makes the item bad and returns the id to send, a word its message must hold)
BAD_ITEMS: dict[str, tuple[Callable[[Match], int], str]] = {
    "missing": (lambda m: 987654321, "987654321"),
    "rejected": (lambda m: _set_state(m, "rejected"), "Nordland"),
    "introduced": (lambda m: _set_state(m, "introduced"), "Nordland"),
    "shortlisted-again": (lambda m: _set_state(m, "shortlisted"), "Nordland"),
    "hidden": (_hide, "does not exist"),
}


@pytest.mark.parametrize("bad", sorted(BAD_ITEMS))
def test_bulk_with_one_bad_item_changes_nothing_and_names_it(world: World, bad: str) -> None:
    # given: two good suggestions and one that cannot be shortlisted
    good = [world.match, _suggestion()]
    make_bad, named = BAD_ITEMS[bad]
    bad_id = make_bad(_suggestion(title="Digital vannmåleravlesning i Nordland"))
    # when
    response = world.client("advisor").post(
        BULK,
        {"action": "shortlist", "ids": [good[0].pk, bad_id, good[1].pk]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # then: one message, for the bad item; the good ones stay as they were
    assert response.status_code == 400
    messages = response.json()["ids"]
    assert len(messages) == 1
    assert named in messages[0]
    assert _states(good) == ["suggested", "suggested"]
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SHORTLISTED).exists()


def test_bulk_refusals_speak_norwegian(world: World) -> None:
    # given
    _set_state(world.match, "rejected")
    # when
    response = world.client("advisor").post(
        BULK,
        {"action": "shortlist", "ids": [world.match.pk, 987654321]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )
    # then
    assert response.json()["ids"] == [
        f"«{world.match.need.title}» ↔ «{world.match.solution.title}» er avvist: "
        "bare foreslåtte par kan settes på kortlisten.",
        "Forslag 987654321 finnes ikke (matchemotoren kan ha erstattet det): "
        "last inn køen på nytt og velg igjen.",
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "shortlist", "ids": []}, "ids"),
        ({"action": "shortlist"}, "ids"),
        ({"action": "shortlist", "ids": ["tre"]}, "ids"),
        ({"action": "shortlist", "ids": [0]}, "ids"),
        ({"action": "introduce", "ids": [1]}, "action"),
        ({"action": "shortlist", "ids": list(range(1, 102))}, "ids"),
    ],
    ids=["empty", "no-ids", "not-numbers", "zero", "unknown-action", "too-many"],
)
def test_bulk_bad_input_is_refused_with_a_message(
    world: World, body: dict[str, Any], field: str
) -> None:
    # when
    response = world.client("advisor").post(BULK, body, format="json")
    # then
    assert response.status_code == 400
    assert field in response.json()
    assert _states([world.match]) == ["suggested"]


def test_bulk_names_an_item_given_twice(world: World) -> None:
    # when
    response = world.client("advisor").post(
        BULK, {"action": "shortlist", "ids": [world.match.pk, world.match.pk]}, format="json"
    )
    # then
    assert response.status_code == 400
    assert str(world.match.pk) in response.json()["ids"][0]
    assert _states([world.match]) == ["suggested"]


# --- only advisors ---------------------------------------------------------------------------


def _request(world: World, role: str, what: str, own: Match) -> Any:
    """One of the desk's paths, asked by `role` (with the role's own pair among the ids)."""
    client, ids = world.client(role), [own.pk, world.match.pk]
    paths = {
        "queue": lambda: client.get(QUEUE),
        "queue-filtered": lambda: client.get(QUEUE, {"kind": "need_need", "county": "46"}),
        "queue-bad-filter": lambda: client.get(QUEUE, {"sector": "romfart"}),
        "counts": lambda: client.get(COUNTS),
        "shortlist": lambda: client.post(BULK, {"action": "shortlist", "ids": ids}, format="json"),
        "reject": lambda: client.post(
            BULK, {"action": "reject", "ids": ids, "reason": "Passer ikke."}, format="json"
        ),
        "bulk-bad-input": lambda: client.post(BULK, {"action": "x", "ids": ["x"]}, format="json"),
    }
    return paths[what]()


@pytest.mark.parametrize("role", ["visitor", "buyer", "other_buyer", "supplier"])
@pytest.mark.parametrize(
    "what",
    [
        "queue",
        "queue-filtered",
        "queue-bad-filter",
        "counts",
        "shortlist",
        "reject",
        "bulk-bad-input",
    ],
)
def test_only_advisors_use_the_desk(world: World, role: str, what: str) -> None:
    # given: the role's own need and solution are paired too
    own = MatchFactory(need=world.need, solution=world.solution)
    # when
    response = _request(world, role, what, own)
    # then
    assert response.status_code == 403
    assert _states([own, world.match]) == ["suggested", "suggested"]
    assert not AuditEvent.objects.filter(object_type="matches.match").exists()
