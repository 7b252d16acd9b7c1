"""Matching in the backend: recompute after a change, curation by advisors."""

from django.core import mail

from backend.audit.models import AuditEvent
from backend.matches.models import Match
from backend.matches.services import matches_recompute, matches_recompute_for_needs
from backend.notifications.models import Notification
from tests.backend.conftest import World, reindex
from tests.factories import NeedFactory, OrganizationFactory, SolutionFactory


def test_recompute_suggests_solutions_and_similar_needs_of_other_buyers(world: World) -> None:
    # given
    other = NeedFactory(organization=OrganizationFactory(name="Skien kommune"))
    reindex()
    # when
    matches_recompute(entity="need", ids=[world.need.pk])
    # then
    rows = Match.objects.filter(need=world.need)
    assert rows.filter(kind="need_solution", solution=world.solution).exists()
    assert rows.filter(kind="need_need", other_need=other).exists()
    first = rows.filter(solution=world.solution).get()
    assert {s["name"] for s in first.signals} >= {"dense", "lexical", "sector"}


def test_recompute_twice_creates_no_duplicates(world: World) -> None:
    # when
    matches_recompute_for_needs(need_ids=[world.need.pk])
    before = Match.objects.count()
    matches_recompute_for_needs(need_ids=[world.need.pk])
    # then
    assert Match.objects.count() == before


def test_a_rejected_pair_never_comes_back(world: World) -> None:
    # given
    reindex()
    matches_recompute_for_needs(need_ids=[world.need.pk])
    pair = Match.objects.get(need=world.need, solution=world.solution)
    world.client("advisor").post(
        f"/api/matches/{pair.pk}/reject/", {"reason": "Dekker ikke behovet"}, format="json"
    )
    # when
    matches_recompute_for_needs(need_ids=[world.need.pk])
    seen_by_buyer = world.client("buyer").get(f"/api/needs/{world.need.pk}/matches/").json()
    # then
    assert Match.objects.get(pk=pair.pk).state == Match.State.REJECTED
    assert world.solution.pk not in {m["solution"]["id"] for m in seen_by_buyer["results"]}


def test_introducing_notifies_both_parties_and_is_audited(world: World) -> None:
    # given
    client = world.client("advisor")
    # when
    shortlisted = client.post(f"/api/matches/{world.match.pk}/shortlist/")
    introduced = client.post(f"/api/matches/{world.match.pk}/introduce/")
    # then
    assert (shortlisted.status_code, introduced.status_code) == (200, 200)
    notified = set(Notification.objects.values_list("user__email", flat=True))
    assert notified == {"innkjoper@bergen.kommune.no", "grunder@helsetek.no"}
    actions = AuditEvent.objects.filter(object_type="matches.match").values_list(
        "action", flat=True
    )
    assert set(actions) == {"shortlisted", "introduced"}


def test_introduction_mail_is_sent_after_commit(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    # when
    with django_capture_on_commit_callbacks(execute=True):
        world.client("advisor").post(f"/api/matches/{world.match.pk}/introduce/")
    # then
    assert sorted(m.to[0] for m in mail.outbox) == [
        "grunder@helsetek.no",
        "innkjoper@bergen.kommune.no",
    ]


def test_advisor_notes_and_manual_matches(world: World) -> None:
    # given
    client = world.client("advisor")
    extra = SolutionFactory(organization=world.supplier_org, title="Digital tilsynsløsning")
    # when
    note = client.post(
        f"/api/matches/{world.match.pk}/notes/",
        {"text": "Ring leverandøren før introduksjon."},
        format="json",
    )
    manual = client.post(
        "/api/matches/",
        {"need": world.need.pk, "solution": extra.pk, "note": "Kjent fra LUP-nettverket"},
        format="json",
    )
    again = client.post(
        "/api/matches/", {"need": world.need.pk, "solution": extra.pk}, format="json"
    )
    # then
    assert (note.status_code, manual.status_code, again.status_code) == (201, 201, 400)
    assert manual.json()["state"] == "shortlisted"
    assert manual.json()["source"] == "manual"


def test_curation_decisions_export_as_csv(world: World) -> None:
    # given
    client = world.client("advisor")
    client.post(
        f"/api/matches/{world.match.pk}/reject/", {"reason": "For tidlig fase"}, format="json"
    )
    # when
    response = client.get("/api/matches/export/")
    # then
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id,behov,kjøper")
    assert "For tidlig fase" in text and "Avvist" in text
