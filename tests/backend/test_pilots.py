"""Pilots (issue 14): a buyer asks for a pilot on a need, says what will be measured and
records the results; the public sees the pilot with its need, the results only once public;
suppliers filter for needs that seek a pilot (needs list and search)."""

from decimal import Decimal
from typing import Any

import pytest

from backend.audit.models import AuditEvent
from backend.needs.models import Need
from backend.outbox.models import OutboxEntry
from backend.pilots.models import Pilot
from backend.pilots.selectors import pilot_results_for_need
from tests.backend.conftest import World
from tests.factories import NeedFactory
from tests.factories.pilots import MeasureFactory, PilotFactory

pytestmark = pytest.mark.django_db


def _body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "scope": "To hjemmetjenestesoner prøver digitale trygghetsalarmer med GPS i seks måneder.",
        "starts_on": "2027-03-01",
        "ends_on": "2027-08-31",
        "users": 40,
        "measures": [
            {"name": "Utrykninger per måned", "unit": "count", "baseline": "22"},
            {"name": "Tid til hjelp er fremme", "unit": "minutes", "baseline": "31.5"},
        ],
    }
    body.update(changes)
    return body


def _put(w: World, role: str, need: Need, **changes: Any) -> Any:
    return w.client(role).put(f"/api/needs/{need.pk}/pilot/", _body(**changes), format="json")


def test_the_buyer_asks_for_a_pilot_and_the_need_seeks_one(world: World) -> None:
    # given a published need / when its buyer asks for a pilot
    response = _put(world, "buyer", world.need)
    # then the pilot is wanted, with its measures in order
    assert response.status_code == 200, response.content
    pilot = response.json()
    assert pilot["status"] == "wanted"
    assert [(m["name"], m["unit"], m["baseline"]) for m in pilot["measures"]] == [
        ("Utrykninger per måned", "count", 22),
        ("Tid til hjelp er fremme", "minutes", 31.5),
    ]
    # and the need says it seeks a pilot, in the list filtered for it and on its page
    listed = world.client("supplier").get("/api/needs/", {"seeks_pilot": "true"}).json()
    assert [n["id"] for n in listed["results"]] == [world.need.pk]
    assert listed["results"][0]["seeks_pilot"] is True
    others = world.client("supplier").get("/api/needs/", {"seeks_pilot": "false"}).json()
    assert world.need.pk not in [n["id"] for n in others["results"]]
    # and the change is audited and queues the need's search document
    assert AuditEvent.objects.filter(object_type="pilots.pilot", action="created").count() == 1
    queued = OutboxEntry.objects.filter(
        entity="need", entity_id=world.need.pk, topic=OutboxEntry.Topic.SEARCH_INDEX
    )
    assert queued.exists()


def test_a_running_pilot_no_longer_seeks_one(world: World) -> None:
    # given a wanted pilot
    PilotFactory(need=world.need)
    # when it starts
    response = _put(world, "buyer", world.need, status="running")
    # then the need no longer shows under "Søker pilot"
    assert response.status_code == 200, response.content
    listed = world.client("visitor").get("/api/needs/", {"seeks_pilot": "true"}).json()
    assert world.need.pk not in [n["id"] for n in listed["results"]]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_on": "2027-03-01"}, "ends_on", "Piloten må slutte etter at den starter."),
        ({"ends_on": "2027-01-01"}, "ends_on", "Piloten må slutte etter at den starter."),
        ({"users": 0}, "users", "En pilot må ha minst én bruker."),
        ({"users": "mange"}, "users", "Skriv antall brukere som et helt tall."),
        ({"scope": ""}, "scope", "Beskriv pilotens omfang"),
        ({"measures": []}, "measures", "legg til minst ett måleområde"),
        (
            {"measures": [{"name": "Fall", "unit": "stk"}]},
            "measures",
            "«stk» er ikke et av valgene",
        ),
        (
            {"measures": [{"name": "Fall", "unit": "count"}, {"name": "fall", "unit": "count"}]},
            "measures",
            "Hvert måleområde må ha sitt eget navn.",
        ),
        (
            {"measures": [{"name": "Fall", "unit": "count", "baseline": "tjue"}]},
            "measures",
            "Skriv et tall",
        ),
        ({"status": "completed"}, "status", "En pilot kan ikke gå fra Ønsket til Fullført."),
    ],
)
def test_bad_input_is_refused_clearly_and_changes_nothing(
    world: World, changes: dict[str, Any], field: str, message: str
) -> None:
    # given / when
    response = _put(world, "buyer", world.need, **changes)
    # then
    assert response.status_code == 400
    assert field in response.json()
    assert message in str(response.json()[field])
    assert not Pilot.objects.filter(need=world.need).exists()


@pytest.mark.parametrize(("role", "status"), [("visitor", 403), ("supplier", 403)])
def test_only_the_buyer_edits_the_pilot(world: World, role: str, status: int) -> None:
    # given / when / then
    assert _put(world, role, world.need).status_code == status
    assert _put(world, "other_buyer", world.need).status_code == 403
    assert not Pilot.objects.exists()


def test_a_draft_needs_pilot_is_hidden_like_the_draft(world: World) -> None:
    # given a pilot on a draft need
    PilotFactory(need=world.draft_need)
    # when / then: 404 for everyone outside the buyer's organisation
    for role in ("visitor", "supplier", "other_buyer"):
        response = world.client(role).get(f"/api/needs/{world.draft_need.pk}/pilot/")
        assert response.status_code == 404, role
    assert world.client("buyer").get(f"/api/needs/{world.draft_need.pk}/pilot/").status_code == 200
    listed = world.client("visitor").get("/api/needs/", {"seeks_pilot": "true"}).json()
    assert world.draft_need.pk not in [n["id"] for n in listed["results"]]


def test_measures_are_kept_by_id_and_their_results_with_them(world: World) -> None:
    # given a running pilot with a recorded result
    pilot = PilotFactory(need=world.need, status=Pilot.Status.RUNNING)
    kept = MeasureFactory(pilot=pilot, name="Fall per måned", result_value=Decimal("9"))
    MeasureFactory(pilot=pilot, name="Dropped")
    measures = [
        {"id": kept.pk, "name": "Fall om natten per måned", "unit": "count", "baseline": "14"},
        {"name": "Nattevaktens gangtid", "unit": "hours"},
    ]
    # when the buyer renames one, drops one and adds one
    response = _put(world, "buyer", world.need, status="running", measures=measures)
    # then
    assert response.status_code == 200, response.content
    body = response.json()
    assert [m["name"] for m in body["measures"]] == [
        "Fall om natten per måned",
        "Nattevaktens gangtid",
    ]
    assert [(r["measure_id"], r["value"]) for r in body["results"]] == [(kept.pk, 9)]


def test_results_are_recorded_once_the_pilot_runs(world: World) -> None:
    # given a wanted pilot
    pilot = PilotFactory(need=world.need)
    measure = MeasureFactory(pilot=pilot)
    url = f"/api/needs/{world.need.pk}/pilot/results/"
    body = {"results": [{"measure_id": measure.pk, "value": "6", "note": "Seks måneder"}]}
    # when results come before it runs / then refused
    early = world.client("buyer").post(url, body, format="json")
    assert early.status_code == 400
    assert "når piloten pågår" in str(early.json())
    # when it runs and the buyer records them / then kept
    pilot.status = Pilot.Status.RUNNING
    pilot.save()
    recorded = world.client("buyer").post(url, body, format="json")
    assert recorded.status_code == 200, recorded.content
    assert recorded.json()["results"][0]["value"] == 6
    # and a measure of another pilot is refused
    other = MeasureFactory()
    wrong = {"results": [{"measure_id": other.pk, "value": "1"}]}
    refused = world.client("buyer").post(url, wrong, format="json")
    assert refused.status_code == 400
    assert "hører ikke til denne piloten" in str(refused.json())
    # and a supplier may not record any
    assert world.client("supplier").post(url, body, format="json").status_code == 403


def test_results_stay_private_until_the_buyer_marks_them_public(world: World) -> None:
    # given a completed pilot with results, not public
    pilot = PilotFactory(need=world.need, status=Pilot.Status.COMPLETED)
    measure = MeasureFactory(pilot=pilot, name="Fall per måned", result_value=Decimal("8"))
    url = f"/api/needs/{world.need.pk}/pilot/"
    # when / then: the pilot is public, its results are not
    seen = world.client("visitor").get(url).json()
    assert seen["measures"] and seen["results"] == []
    assert world.client("supplier").get(url).json()["results"] == []
    assert len(world.client("buyer").get(url).json()["results"]) == 1
    assert pilot_results_for_need(world.need.pk) == ()
    # when the buyer marks them public
    kept = [{"id": measure.pk, "name": "Fall per måned", "unit": "count", "baseline": "14"}]
    response = _put(
        world, "buyer", world.need, status="completed", results_public=True, measures=kept
    )
    assert response.status_code == 200, response.content
    # then everyone reads them, and the case library gets them
    assert [r["value"] for r in world.client("visitor").get(url).json()["results"]] == [8]
    results = pilot_results_for_need(world.need.pk)
    assert [(r.measure, r.unit, r.baseline, r.value) for r in results] == [
        ("Fall per måned", "count", Decimal("14"), Decimal("8"))
    ]


def test_pilot_results_for_a_draft_need_are_never_given_out(world: World) -> None:
    # given public results on a pilot of a draft need
    pilot = PilotFactory(
        need=NeedFactory(organization=world.buyer_org, status=Need.Status.DRAFT),
        status=Pilot.Status.COMPLETED,
        results_public=True,
    )
    MeasureFactory(pilot=pilot, result_value=Decimal("3"))
    # when / then
    assert pilot_results_for_need(pilot.need_id) == ()


def test_a_completed_pilot_is_final(world: World) -> None:
    # given / when
    PilotFactory(need=world.need, status=Pilot.Status.COMPLETED)
    response = _put(world, "buyer", world.need, status="running")
    # then
    assert response.status_code == 400
    assert "kan ikke gå fra Fullført til Pågår" in str(response.json())


def test_the_need_says_whether_it_has_a_pilot_as_the_pilot_endpoint_answers(
    world: World,
) -> None:
    # given a published need without a pilot / then its page says so, as the pilot's 404 does
    visitor = world.client("visitor")
    assert visitor.get(f"/api/needs/{world.need.pk}/").json()["has_pilot"] is False
    assert visitor.get(f"/api/needs/{world.need.pk}/pilot/").status_code == 404
    # when its buyer asks for one / then the need says it has one, to every reader
    assert _put(world, "buyer", world.need).status_code == 200
    for role in ("visitor", "supplier", "buyer"):
        need = world.client(role).get(f"/api/needs/{world.need.pk}/").json()
        assert need["has_pilot"] is True
        assert world.client(role).get(f"/api/needs/{world.need.pk}/pilot/").status_code == 200
