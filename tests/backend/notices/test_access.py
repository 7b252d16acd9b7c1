"""Who gets which notice: the PIN for the need's buyer and advisors, the OCDS for anyone who
sees the need; a draft is announced to nobody; bad ids answer 404; clear messages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.needs.models import Need
from tests.backend.conftest import World
from tests.factories import ConferenceFactory, NeedFactory

pytestmark = pytest.mark.django_db

MISSING = 987_654_321


@pytest.mark.parametrize(
    ("role", "expected"),
    [("buyer", 200), ("advisor", 200), ("supplier", 403), ("other_buyer", 403), ("visitor", 403)],
)
def test_the_pin_is_for_the_buyer_and_advisors(world: World, role: str, expected: int) -> None:
    answer = world.client(role).get(f"/api/needs/{world.need.pk}/notice.xml")
    assert answer.status_code == expected
    if expected == 403 and role != "visitor":
        assert "oppdragsgiver og rådgivere" in answer.json()["detail"]


@pytest.mark.parametrize("role", ["buyer", "advisor", "supplier", "other_buyer", "visitor"])
def test_the_ocds_of_a_published_need_is_public(world: World, role: str) -> None:
    assert world.client(role).get(f"/api/needs/{world.need.pk}/ocds.json").status_code == 200


@pytest.mark.parametrize("path", ["notice.xml", "ocds.json"])
def test_a_draft_is_refused_to_who_sees_it(world: World, path: str) -> None:
    answer = world.client("buyer").get(f"/api/needs/{world.draft_need.pk}/{path}")
    assert answer.status_code == 409
    assert "publiser behovet først" in answer.json()["detail"]


@pytest.mark.parametrize("path", ["notice.xml", "ocds.json"])
@pytest.mark.parametrize("role", ["supplier", "other_buyer", "visitor"])
def test_a_draft_is_answered_like_a_missing_need(world: World, path: str, role: str) -> None:
    client = world.client(role)
    hidden = client.get(f"/api/needs/{world.draft_need.pk}/{path}")
    missing = client.get(f"/api/needs/{MISSING}/{path}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5", "%00", "99999999999999999999"])
@pytest.mark.parametrize("path", ["notice.xml", "ocds.json"])
def test_bad_ids_are_a_json_404(world: World, bad: str, path: str) -> None:
    answer = world.client("advisor").get(f"/api/needs/{bad}/{path}")
    assert answer.status_code == 404
    assert answer["Content-Type"].startswith("application/json")


def test_a_need_without_cpv_codes_has_no_pin(world: World) -> None:
    need = NeedFactory(organization=world.buyer_org, cpv_codes=[])
    answer = world.client("buyer").get(f"/api/needs/{need.pk}/notice.xml")
    assert answer.status_code == 409
    assert "CPV" in answer.json()["detail"]
    # the OCDS release simply has no items then
    package = world.client("visitor").get(f"/api/needs/{need.pk}/ocds.json").json()
    assert package["releases"][0]["tender"]["items"] == []


def test_a_closed_need_keeps_its_pin(world: World) -> None:
    world.need.status = Need.Status.CLOSED
    world.need.save()
    assert world.client("buyer").get(f"/api/needs/{world.need.pk}/notice.xml").status_code == 200


def test_the_refusal_speaks_english_when_asked(world: World) -> None:
    answer = world.client("supplier").get(
        f"/api/needs/{world.need.pk}/notice.xml", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 403
    assert answer.json()["detail"] == (
        "Only the need's buyer and advisors download its prior information notice."
    )


@pytest.mark.parametrize("path", ["notice.xml", "ocds.json"])
def test_an_export_costs_the_same_queries_whatever_the_conferences(world: World, path: str) -> None:
    client = world.client("buyer")
    url = f"/api/needs/{world.need.pk}/{path}"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    ConferenceFactory.create_batch(4, organization=world.buyer_org, needs=[world.need])
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    assert len(five) == len(one)
