"""The relevance floor: an engine suggestion below MATCHING_RELEVANCE_FLOOR is no suggestion
for buyers and suppliers on any path that lists or shows one; advisors still see it, marked
weak. A pair an advisor shortlisted or added by hand shows whatever its relevance."""

from dataclasses import dataclass

import pytest
from django.test import override_settings

from backend.matches.models import Match
from tests.backend.conftest import World
from tests.factories import MatchFactory, NeedFactory, OrganizationFactory, SolutionFactory


def _signals(dense: float) -> list[dict[str, object]]:
    return [{"name": "dense", "value": dense, "weight": 1.0, "contribution": dense}]


@dataclass
class Pairs:
    good: Match
    weak: Match
    weak_shortlisted: Match
    weak_manual: Match
    good_need: Match
    weak_need: Match


@pytest.fixture
def pairs(world: World) -> Pairs:
    """On the world's need: solutions of the world's supplier at each relevance, and two
    other buyers' needs, one similar enough and one not."""

    def solution_pair(relevance: float, **fields: object) -> Match:
        solution = SolutionFactory(organization=world.supplier_org)
        return MatchFactory(
            need=world.need, solution=solution, relevance=relevance, score=relevance, **fields
        )

    def need_pair(relevance: float) -> Match:
        other = NeedFactory(organization=OrganizationFactory(name=f"Kommune {relevance}"))
        return MatchFactory(
            need=world.need,
            solution=None,
            other_need=other,
            kind=Match.Kind.NEED_NEED,
            relevance=relevance,
            signals=_signals(relevance),
        )

    return Pairs(
        good=solution_pair(0.36, signals=_signals(0.36)),
        weak=solution_pair(0.34, signals=_signals(0.34)),
        weak_shortlisted=solution_pair(0.1, state=Match.State.SHORTLISTED),
        weak_manual=solution_pair(0.0, source=Match.Source.MANUAL, signals=[]),
        good_need=need_pair(0.5),
        weak_need=need_pair(0.2),
    )


def _ids(world: World, role: str, url: str) -> set[int]:
    response = world.client(role).get(url)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _paths(world: World) -> dict[str, str]:
    return {
        "need matches": f"/api/needs/{world.need.pk}/matches/",
        "similar needs": f"/api/needs/{world.need.pk}/similar/",
        "all matches": "/api/matches/?page_size=100",
        "matches of the need": f"/api/matches/?need={world.need.pk}&page_size=100",
    }


@override_settings(MATCHING_RELEVANCE_FLOOR=0.35)
@pytest.mark.parametrize(
    "path", ["need matches", "similar needs", "all matches", "matches of the need"]
)
def test_the_buyer_sees_no_weak_suggestion_on_any_list(
    world: World, pairs: Pairs, path: str
) -> None:
    # when the need's buyer reads a list of suggestions
    seen = _ids(world, "buyer", _paths(world)[path])
    # then no engine suggestion below the floor is on it, and the advisors' decisions are
    assert pairs.weak.pk not in seen and pairs.weak_need.pk not in seen
    expected = {
        "need matches": {pairs.good, pairs.weak_shortlisted, pairs.weak_manual},
        "similar needs": {pairs.good_need},
    }.get(path, {pairs.good, pairs.weak_shortlisted, pairs.weak_manual, pairs.good_need})
    assert {m.pk for m in expected} <= seen


@override_settings(MATCHING_RELEVANCE_FLOOR=0.35)
def test_the_supplier_sees_no_weak_suggestion_for_its_solutions(world: World, pairs: Pairs) -> None:
    # when the supplier reads each of its solutions' recommended needs, and all its matches
    seen = set().union(
        *(
            _ids(world, "supplier", f"/api/solutions/{m.solution_id}/matches/")
            for m in (pairs.good, pairs.weak, pairs.weak_shortlisted)
        ),
        _ids(world, "supplier", "/api/matches/?page_size=100"),
    )
    # then the weak suggestion is on none of them
    assert pairs.weak.pk not in seen
    assert {pairs.good.pk, pairs.weak_shortlisted.pk} <= seen


@override_settings(MATCHING_RELEVANCE_FLOOR=0.35)
def test_a_weak_suggestion_cannot_be_opened_by_buyer_or_supplier(
    world: World, pairs: Pairs
) -> None:
    # when each role opens the weak suggestion and the good one
    url = "/api/matches/{}/"
    codes = {
        role: (
            world.client(role).get(url.format(pairs.weak.pk)).status_code,
            world.client(role).get(url.format(pairs.good.pk)).status_code,
        )
        for role in ("buyer", "supplier", "advisor")
    }
    # then only the advisor finds the weak one
    assert codes == {"buyer": (404, 200), "supplier": (404, 200), "advisor": (200, 200)}


@override_settings(MATCHING_RELEVANCE_FLOOR=0.35, MATCHING_STRONG_RELEVANCE=0.45)
def test_advisors_see_weak_suggestions_marked_weak_on_every_list(
    world: World, pairs: Pairs
) -> None:
    # when an advisor reads the need's suggestions, its similar needs and the supplier's list
    fits: dict[int, str] = {}
    for url in [
        *_paths(world).values(),
        f"/api/solutions/{pairs.weak.solution_id}/matches/",
    ]:
        response = world.client("advisor").get(url)
        fits |= {row["id"]: row["fit"] for row in response.json()["results"]}
    # then every pair is there, each with its fit in words
    assert fits[pairs.weak.pk] == "weak" and fits[pairs.weak_need.pk] == "weak"
    assert fits[pairs.good.pk] == "good" and fits[pairs.good_need.pk] == "very_good"
    assert fits[pairs.weak_shortlisted.pk] == "weak"


def test_the_floor_is_a_setting(world: World, pairs: Pairs) -> None:
    # when the floor is lowered below the weak pair, and raised above the good one
    with override_settings(MATCHING_RELEVANCE_FLOOR=0.3):
        lowered = _ids(world, "buyer", f"/api/needs/{world.need.pk}/matches/")
    with override_settings(MATCHING_RELEVANCE_FLOOR=0.4):
        raised = _ids(world, "buyer", f"/api/needs/{world.need.pk}/matches/")
    # then the weak pair shows under the lower floor, and the good one goes under the higher
    assert pairs.weak.pk in lowered and pairs.good.pk in lowered
    assert pairs.good.pk not in raised and pairs.weak_shortlisted.pk in raised
