"""Incremental matching in the backend: a change rewrites the changed item's pairs and the
lists of the items it ranked, nothing else; an item that leaves matching leaves every list
at once; the centring means are stored and refreshed when the corpus has drifted."""

import threading
import time
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import override_settings

from backend.discovery.services import search_sync
from backend.matches.centring import centring_load
from backend.matches.models import CentringMean, Match
from backend.matches.services import matches_recompute
from backend.needs.models import Need
from backend.notifications.models import Notification, NotificationKind
from backend.solutions.models import Solution
from tests.backend.concurrency import in_thread
from tests.backend.conftest import World, reindex
from tests.factories import MatchFactory, NeedFactory, OrganizationFactory, SolutionFactory


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
    # (the world's need is as close to the solution as the five: it may be one of the two)
    untouched = [n.pk for n in (*needs, world.need) if n.pk not in ranked]
    assert len(untouched) == 4
    assert not [r for r in changed if r[1] in untouched and r[3] is not None]


@override_settings(MATCHING_RELEVANCE_FLOOR=float("-inf"))
def test_an_archived_solution_leaves_every_list_at_once_and_the_gap_fills(world: World) -> None:
    # given: the need's suggestions hold the world's solution (and room for more; every pair
    # is shown: the suite's hashing encoder is no judge of relevance)
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


# --- the reverse direction: insert if better ------------------------------------------------

ALARM = (
    "Trygghetsalarm med fallvarsling for hjemmeboende eldre",
    "Trygghetsalarmen varsler hjemmetjenesten automatisk ved fall, slik at hjemmeboende "
    "eldre får rask hjelp og kan bo trygt hjemme lenger.",
)
NURSING = (
    "Sensorer i sykehjem som varsler ved fall",
    "Sykehjemmet trenger sensorer som varsler personalet når beboere faller om natten.",
)
SNOW = (
    "Snøbrøyting av kommunale veier",
    "Kommunen vil planlegge brøyting og strøing av veiene etter værvarselet.",
)


def _need(title_text: tuple[str, str], buyer: str, **fields: Any) -> Need:
    title, description = title_text
    return NeedFactory(
        organization=OrganizationFactory(name=buyer),
        title=title,
        description=description,
        desired_effect="",
        **fields,
    )


def _solution(title_text: tuple[str, str], **fields: Any) -> Solution:
    title, description = title_text
    supplier = OrganizationFactory(name="Leverandør AS", kind="supplier")
    return SolutionFactory(
        organization=supplier, title=title, description=description, language="nb", **fields
    )


def _on_list(solution: Solution, need: Need, **fields: Any) -> Match:
    """The pair on the solution's list only (its top needs), as an engine suggestion."""
    return MatchFactory(need=need, solution=solution, by_need=False, by_target=True, **fields)


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_strong_new_need_enters_a_full_list_and_evicts_its_weakest_suggestion(
    db: None,
) -> None:
    # given: a solution whose list of needs is full: a related need and an unrelated one
    alarm = _solution(ALARM)
    nursing = _need(NURSING, "Stavanger kommune")
    snow = _need(SNOW, "Tromsø kommune", sector="mobilitet-og-transport", cpv_codes=[])
    kept, weakest = _on_list(alarm, nursing), _on_list(alarm, snow)
    # when: a need that asks for just that solution is published and matched
    new = _need(ALARM, "Bergen kommune")
    reindex()
    matches_recompute(entity="need", ids=[new.pk])
    # then: the new need is on the solution's list (and the solution on its own), the
    # related need stays, the unrelated engine suggestion left and was removed
    pair = Match.objects.get(need=new, solution=alarm)
    assert (pair.by_need, pair.by_target) == (True, True)
    assert Match.objects.get(pk=kept.pk).by_target
    assert not Match.objects.filter(pk=weakest.pk).exists()
    assert set(
        Match.objects.filter(solution=alarm, by_target=True).values_list("need", flat=True)
    ) == {new.pk, nursing.pk}


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_an_advisors_decision_is_never_evicted_the_weakest_engine_suggestion_is(
    db: None,
) -> None:
    # given: the solution's list holds a related suggestion and an unrelated pair an advisor
    # has shortlisted
    alarm = _solution(ALARM)
    nursing = _need(NURSING, "Stavanger kommune")
    snow = _need(SNOW, "Tromsø kommune", sector="mobilitet-og-transport", cpv_codes=[])
    suggested = _on_list(alarm, nursing)
    shortlisted = _on_list(alarm, snow, state=Match.State.SHORTLISTED)
    # when: a strong new need enters the list
    new = _need(ALARM, "Bergen kommune")
    reindex()
    matches_recompute(entity="need", ids=[new.pk])
    # then: the advisor's decision keeps its place; the engine suggestion made room
    assert Match.objects.get(need=new, solution=alarm).by_target
    decided = Match.objects.get(pk=shortlisted.pk)
    assert (decided.state, decided.by_target) == (Match.State.SHORTLISTED, True)
    assert not Match.objects.filter(pk=suggested.pk).exists()


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_weak_newcomer_leaves_a_full_list_of_stronger_items_alone(db: None) -> None:
    # given: a solution whose list holds two needs that ask for it
    alarm = _solution(ALARM)
    first = _need(ALARM, "Stavanger kommune")
    second = _need(NURSING, "Tromsø kommune")
    rows = [_on_list(alarm, first), _on_list(alarm, second)]
    # when: an unrelated need is published (the solution is among its few candidates)
    snow = _need(SNOW, "Bergen kommune", sector="mobilitet-og-transport", cpv_codes=[])
    reindex()
    matches_recompute(entity="need", ids=[snow.pk])
    # then: the solution's list is unchanged; the new need's own list may hold the solution
    listed = Match.objects.filter(solution=alarm, by_target=True)
    assert set(listed.values_list("pk", flat=True)) == {r.pk for r in rows}
    assert not Match.objects.filter(need=snow, solution=alarm, by_target=True).exists()


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_new_need_enters_a_similar_needs_list_with_both_flags_and_the_mirror(
    db: None,
) -> None:
    # given: Stavanger's need whose similar needs are a related need and an unrelated one
    # (each pair also on the other need's rows, flagged by_target)
    stavanger = _need(ALARM, "Stavanger kommune")
    nursing = _need(NURSING, "Tromsø kommune")
    snow = _need(SNOW, "Bodø kommune", sector="mobilitet-og-transport", cpv_codes=[])
    for other in (nursing, snow):
        MatchFactory(need=stavanger, other_need=other, solution=None, kind="need_need")
        MatchFactory(
            need=other,
            other_need=stavanger,
            solution=None,
            kind="need_need",
            by_need=False,
            by_target=True,
        )
    own_solution = MatchFactory(need=stavanger, solution=_solution(NURSING))  # another list
    # when: Bergen publishes a need like Stavanger's
    bergen = _need(ALARM, "Bergen kommune")
    reindex()
    matches_recompute(entity="need", ids=[bergen.pk])
    # then: Bergen is on Stavanger's list (and Stavanger on Bergen's, both ways flagged);
    # the unrelated need left Stavanger's list, and its mirror row went with it
    theirs = Match.objects.get(need=stavanger, other_need=bergen)
    ours = Match.objects.get(need=bergen, other_need=stavanger)
    assert (theirs.by_need, theirs.by_target) == (True, True)
    assert (ours.by_need, ours.by_target) == (True, True)
    assert Match.objects.get(need=stavanger, other_need=nursing).by_need
    assert not Match.objects.filter(need=stavanger, other_need=snow).exists()
    assert not Match.objects.filter(need=snow, other_need=stavanger).exists()
    assert Match.objects.get(pk=own_solution.pk).by_need


def _sessions_waiting_to_lock(table: str, count: int) -> None:
    """Until `count` sessions of this database wait for a row lock taken on `table`."""
    with connection.cursor() as cursor:
        for _ in range(2400):  # two minutes: ranking on a loaded machine
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query LIKE %s",
                [f"%{table}%FOR NO KEY UPDATE%"],
            )
            if cursor.fetchone()[0] >= count:
                return
            time.sleep(0.05)
    raise AssertionError(f"not {count} sessions waiting to lock a row of {table}")


@pytest.mark.django_db(transaction=True)
@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_two_needs_published_at_the_same_moment_never_overfill_a_list() -> None:
    # given: a solution whose list of needs is full (k = 2: a related need, an unrelated one)
    alarm = _solution(ALARM)
    nursing = _need(NURSING, "Stavanger kommune")
    snow = _need(SNOW, "Tromsø kommune", sector="mobilitet-og-transport", cpv_codes=[])
    _on_list(alarm, nursing), _on_list(alarm, snow)
    # and two needs that ask for just that solution, published at the same moment
    bergen, oslo = _need(ALARM, "Bergen kommune"), _need(ALARM, "Oslo kommune")
    reindex()
    # when: both are matched in their own sessions, and each has scored the solution's list
    # (both saw it full with the two old needs) before either may write it: another session
    # holds the solution's list until both wait for it
    held, release = threading.Event(), threading.Event()

    def hold_the_list() -> None:
        with transaction.atomic():
            list(Solution.objects.select_for_update(no_key=True).filter(pk=alarm.pk))
            held.set()
            release.wait(60)

    holder = in_thread(hold_the_list)
    assert held.wait(60)
    runs = [
        in_thread(lambda pk=need.pk: matches_recompute(entity="need", ids=[pk]))
        for need in (bergen, oslo)
    ]
    try:
        _sessions_waiting_to_lock("solutions_solution", 2)
    finally:
        release.set()
        holder.join(30)
        for run in runs:
            run.join(120)
    # then: the list holds k needs, not k + 1: the second writer read the list again under
    # its lock, saw the first newcomer and scored the list again; both new needs beat the
    # old ones, which left
    listed = Match.objects.filter(solution=alarm, by_target=True)
    assert set(listed.values_list("need_id", flat=True)) == {bergen.pk, oslo.pk}


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_new_solution_enters_a_needs_full_list_and_evicts_its_weakest(db: None) -> None:
    # given: a need whose solution list holds a related solution and an unrelated one
    need = _need(ALARM, "Bergen kommune")
    related = _solution(NURSING)
    unrelated = _solution(SNOW, sector="mobilitet-og-transport", cpv_codes=[])
    kept = MatchFactory(need=need, solution=related)
    weakest = MatchFactory(need=need, solution=unrelated)
    # when: a solution made for that need is published and matched
    fresh = _solution(ALARM)
    reindex()
    matches_recompute(entity="solution", ids=[fresh.pk])
    # then: it is on the need's list (ranked by both sides), the unrelated one was removed
    pair = Match.objects.get(need=need, solution=fresh)
    assert (pair.by_need, pair.by_target) == (True, True)
    assert Match.objects.get(pk=kept.pk).by_need
    assert not Match.objects.filter(pk=weakest.pk).exists()


@override_settings(MATCHING_TOP_K=2, MATCHING_REVERSE_K=2)
def test_a_rejected_pair_holds_no_place_on_a_list(db: None) -> None:
    # given: a solution's list with a related suggestion and a pair an advisor rejected
    alarm = _solution(ALARM)
    nursing = _need(NURSING, "Stavanger kommune")
    snow = _need(SNOW, "Tromsø kommune", sector="mobilitet-og-transport", cpv_codes=[])
    suggested = _on_list(alarm, nursing)
    rejected = _on_list(alarm, snow, state=Match.State.REJECTED, rejection_reason="Feil sektor")
    # when: a strong new need enters the list
    new = _need(ALARM, "Bergen kommune")
    reindex()
    matches_recompute(entity="need", ids=[new.pk])
    # then: there was room for it: the suggestion stays, the rejection stays as it was
    assert Match.objects.get(need=new, solution=alarm).by_target
    assert Match.objects.get(pk=suggested.pk).by_target
    assert Match.objects.get(pk=rejected.pk).state == Match.State.REJECTED


def _kinds_of(org_members: Any) -> list[str]:
    return list(Notification.objects.filter(user__in=org_members).values_list("kind", flat=True))


@override_settings(MATCHING_ANNOUNCE_MIN_RELEVANCE=float("-inf"))
def test_a_published_need_is_announced_to_the_suppliers_and_buyers_it_newly_matches(
    world: World,
) -> None:
    # given: the world's need already has its suggestions (the world's solution among them),
    # and every pair is worth announcing (the test suite's hashing encoder is no judge of
    # relevance: its centred vectors of related texts may point apart)
    reindex()
    matches_recompute(entity="need", ids=[world.need.pk])
    supplier, other_buyer = world.users["supplier"], world.users["other_buyer"]
    similar = NeedFactory(
        organization=world.other_buyer_org,
        title="Fallalarm og trygghetsalarm for hjemmeboende eldre",
        description="Vi trenger trygghetsalarmer som varsler ved fall hos hjemmeboende eldre.",
    )
    search_sync(entity="need", ids=[similar.pk])
    Notification.objects.all().delete()
    # when: another buyer publishes a need about the same thing
    fresh = NeedFactory(
        organization=world.buyer_org,
        title="Trygghetsalarm med fallvarsling for eldre som bor hjemme",
        description="Kommunen vil gi hjemmeboende eldre trygghetsalarmer som varsler ved fall.",
    )
    search_sync(entity="need", ids=[fresh.pk])
    matches_recompute(entity="need", ids=[fresh.pk])
    # then: the supplier of a solution it newly matches hears of it, with the need's link
    assert Match.objects.filter(need=fresh, solution=world.solution).exists()
    told = Notification.objects.filter(
        user=supplier,
        kind=NotificationKind.NEED_MATCHES_SOLUTION,
        body__contains=world.solution.title,
    )
    assert told.count() == 1 and told.get().link == f"/needs/{fresh.pk}"
    # and the other buyer hears of a need like its own; the need's own buyer does not
    assert NotificationKind.SIMILAR_NEED_PUBLISHED in _kinds_of([other_buyer])
    assert NotificationKind.SIMILAR_NEED_PUBLISHED not in _kinds_of([world.users["buyer"]])
    # when: the need is edited and ranked again, finding the same pairs
    Notification.objects.all().delete()
    fresh.description += " Alarmen skal også varsle pårørende."
    fresh.save()
    search_sync(entity="need", ids=[fresh.pk])
    matches_recompute(entity="need", ids=[fresh.pk])
    # then: nobody is told twice of a pair they already knew of
    known = Match.objects.filter(need=fresh).values_list("solution_id", flat=True)
    assert world.solution.pk in set(known)
    assert not Notification.objects.filter(
        kind=NotificationKind.NEED_MATCHES_SOLUTION, body__contains=world.solution.title
    ).exists()


def _publish_similar_pair(world: World) -> Need:
    """A need like the world's, by another buyer, ranked as a publish ranks it."""
    reindex()
    matches_recompute(entity="need", ids=[world.need.pk])
    Notification.objects.all().delete()
    fresh = NeedFactory(
        organization=world.other_buyer_org,
        title="Trygghetsalarm med fallvarsling for eldre som bor hjemme",
        description="Kommunen vil gi hjemmeboende eldre trygghetsalarmer som varsler ved fall.",
    )
    search_sync(entity="need", ids=[fresh.pk])
    matches_recompute(entity="need", ids=[fresh.pk])
    return fresh


@override_settings(MATCHING_ANNOUNCE_MIN_RELEVANCE=2.0)
def test_pairs_below_the_announcement_floor_stay_suggestions_nobody_is_told_of(
    world: World,
) -> None:
    # given: a floor no pair reaches (relevance is at most the sum of the topical weights)
    # when: another buyer publishes a need like the world's
    fresh = _publish_similar_pair(world)
    # then: the pairs are suggestions advisors see, but neither supplier nor buyer is told
    suggested = Match.objects.filter(need=fresh, state=Match.State.SUGGESTED)
    assert suggested.filter(solution=world.solution).exists()
    assert suggested.filter(other_need=world.need).exists()
    board = world.client("advisor").get(f"/api/needs/{fresh.pk}/matches/").json()["results"]
    assert world.solution.pk in [m["solution"]["id"] for m in board]
    assert not Notification.objects.filter(
        kind__in=[NotificationKind.NEED_MATCHES_SOLUTION, NotificationKind.SIMILAR_NEED_PUBLISHED]
    ).exists()


def test_the_default_announcement_floor_is_the_measured_one() -> None:
    # the dev-set measurement behind it: backend/config/settings/base.py, matching/README.md
    from django.conf import settings

    assert settings.MATCHING_ANNOUNCE_MIN_RELEVANCE == 0.40
