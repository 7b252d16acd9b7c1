"""Incremental matching in the backend: a change rewrites the changed item's pairs and the
lists of the items it ranked, nothing else; an item that leaves matching leaves every list
at once; the centring means are stored and refreshed when the corpus has drifted."""

from typing import Any

from django.test import override_settings

from backend.discovery.services import search_sync
from backend.matches.centring import centring_load
from backend.matches.models import CentringMean, Match
from backend.matches.services import matches_recompute
from backend.needs.models import Need
from backend.solutions.models import Solution
from tests.backend.conftest import World, reindex
from tests.factories import NeedFactory, OrganizationFactory, SolutionFactory


def _suggested(user_client: Any, need: Need) -> list[int]:
    page = user_client.get(f"/api/needs/{need.pk}/matches/").json()
    return [m["solution"]["id"] for m in page["results"]]


def _published_solution(world: World, title: str, description: str) -> Solution:
    solution = SolutionFactory(
        organization=world.supplier_org, title=title, description=description
    )
    search_sync(entity="solution", ids=[solution.pk])
    return solution


def test_a_new_solution_enters_the_lists_of_the_needs_it_ranks(world: World) -> None:
    # given: the need's suggestions are computed
    reindex()
    matches_recompute(entity="need", ids=[world.need.pk])
    # when: a solution that answers the need is published (indexed, then matched)
    answer = _published_solution(
        world,
        "Trygghetsalarm for hjemmeboende eldre med fallvarsling",
        "Kommunen følger opp hjemmeboende eldre med trygghetsalarmer som varsler ved fall.",
    )
    matches_recompute(entity="solution", ids=[answer.pk])
    # then: the need's own list (ranked again as the solution's candidate) holds it
    pair = Match.objects.get(need=world.need, solution=answer)
    assert (pair.by_need, pair.by_target) == (True, True)
    assert answer.pk in _suggested(world.client("buyer"), world.need)


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_change_rewrites_only_the_pairs_of_the_item_and_its_top_ranked(world: World) -> None:
    # given: five needs of other buyers, each with its suggestions
    needs = [NeedFactory(organization=OrganizationFactory(name=f"Kommune {n}")) for n in range(5)]
    reindex()
    matches_recompute(entity="need", ids=[n.pk for n in needs])
    before = dict(Match.objects.values_list("pk", "updated_at"))
    # when: one solution is published and matched
    fresh = _published_solution(
        world,
        "Fallalarm for eldre",
        "Trygghetsalarmer for hjemmeboende eldre som varsler ved fall.",
    )
    matches_recompute(entity="solution", ids=[fresh.pk])
    # then: only the solution's two needs were ranked again; every row that changed is
    # theirs (their own lists, or their place on similar needs' lists); the rest is untouched
    ranked = set(Match.objects.filter(solution=fresh).values_list("need_id", flat=True))
    assert len(ranked) == 2
    rows = Match.objects.values_list("pk", "need_id", "other_need_id", "solution_id", "updated_at")
    changed = [r for r in rows if before.get(r[0]) != r[4]]
    assert changed and all(r[1] in ranked or r[2] in ranked for r in changed)
    untouched = [n.pk for n in needs if n.pk not in ranked]
    assert len(untouched) == 3
    assert not [r for r in changed if r[1] in untouched and r[3] is not None]


def test_an_archived_solution_leaves_every_list_at_once_and_the_gap_fills(world: World) -> None:
    # given: the need's suggestions hold the world's solution (and room for more)
    reindex()
    matches_recompute(entity="need", ids=[world.need.pk])
    buyer, supplier, advisor = (world.client(r) for r in ("buyer", "supplier", "advisor"))
    assert world.solution.pk in _suggested(buyer, world.need)
    # when: the supplier archives it (the recompute has not run yet)
    assert supplier.post(f"/api/solutions/{world.solution.pk}/archive/").status_code == 200
    # then: no list shows the open pair any more: buyer, supplier, advisor's queue
    assert world.solution.pk not in _suggested(buyer, world.need)
    recommended = supplier.get(f"/api/solutions/{world.solution.pk}/matches/")
    assert recommended.status_code in (200, 403, 404)
    if recommended.status_code == 200:
        assert recommended.json()["results"] == []
    queue = advisor.get("/api/matches/queue/").json()["results"]
    assert world.solution.pk not in [(m.get("solution") or {}).get("id") for m in queue]
    # and when the recompute runs: its engine suggestions are gone, the rest stay
    matches_recompute(entity="solution", ids=[world.solution.pk])
    assert not Match.objects.filter(solution=world.solution, state="suggested").exists()
    assert Match.objects.filter(need=world.need, kind="need_solution").exists()


def test_a_closed_need_leaves_the_similar_needs_of_others(world: World) -> None:
    # given: Trondheim's need and Bergen's find each other
    trondheim = NeedFactory(organization=world.other_buyer_org)
    reindex()
    matches_recompute(entity="need", ids=[world.need.pk, trondheim.pk])
    assert Match.objects.filter(need=world.need, other_need=trondheim).exists()
    # when: Trondheim closes its need
    answer = world.client("other_buyer").post(f"/api/needs/{trondheim.pk}/close/")
    # then: Bergen no longer sees it, at once; the recompute removes the pairs
    assert answer.status_code == 200, answer.content
    similar = world.client("buyer").get(f"/api/needs/{world.need.pk}/similar/")
    assert trondheim.pk not in [m["other_need"]["id"] for m in similar.json()["results"]]
    matches_recompute(entity="need", ids=[trondheim.pk])
    assert not Match.objects.filter(other_need=trondheim).exists()
    assert not Match.objects.filter(need=trondheim).exists()


def test_centring_means_are_stored_and_refreshed_when_the_corpus_drifts(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # given: no stored means / when loaded: computed from the matched corpus and stored
    CentringMean.objects.all().delete()
    _, stale = centring_load()
    stored = dict(CentringMean.objects.values_list("language", "items"))
    published = (
        Need.objects.filter(status="published").count()
        + Solution.objects.filter(status="published").count()
    )
    assert not stale and stored[""] == published
    # when: the corpus grows by far more than the drift allowance
    for n in range(4):
        SolutionFactory(organization=world.supplier_org, title=f"Sensorløsning {n}")
    assert centring_load()[1]
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        matches_recompute(entity="need", ids=[world.need.pk])
    # then: the refresh task ran after the recompute and stored means over the larger corpus
    assert CentringMean.objects.get(language="").items == published + 4
    assert not centring_load()[1]
