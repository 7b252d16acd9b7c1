"""The OCDS release package: zero errors from libcoveocds (offline, with the vendored OCDS
1.1.5 schema), the planning stage, the buyer, CPV items and the dialogue's milestones."""

from typing import Any

import pytest

from backend.notices.models import NoticeText
from tests.backend.conftest import World
from tests.backend.notices.validators import ocds_report

pytestmark = pytest.mark.django_db


def _package(world: World, need_id: int, role: str = "visitor") -> dict[str, Any]:
    answer = world.client(role).get(f"/api/needs/{need_id}/ocds.json")
    assert answer.status_code == 200, answer.content[:300]
    assert answer["Content-Type"] == "application/json"
    package: dict[str, Any] = answer.json()
    return package


def _assert_valid(package: dict[str, Any], *, variants: frozenset[str] = frozenset()) -> None:
    """No error; no field outside the schema but OCDS's language variants (title_en …), which
    the schema allows by pattern and libcoveocds lists among the additional fields."""
    report = ocds_report(package)
    assert report["validation_errors"] == []
    assert {f["field"] for f in report["additional_fields"]} == variants
    assert report["additional_closed_codelist_values"] == {}
    assert report["additional_checks"] == {}


def test_a_published_need_is_a_valid_planning_release_for_anyone(world: World) -> None:
    # given a published need with a budget, a deadline for input and a conference
    need = world.need
    need.budget_min, need.budget_max = 800_000, 1_200_000
    need.municipality = "Bergen"
    need.save()
    # when a visitor downloads its OCDS
    package = _package(world, need.pk)
    # then libcoveocds finds no error, no unknown field and no wrong code
    _assert_valid(package)
    release = package["releases"][0]
    assert release["ocid"] == f"ocds-lupnor-need-{need.pk}"
    assert release["tag"] == ["planning"]
    assert release["language"] == "nb"
    assert release["parties"][0]["roles"] == ["buyer"]
    assert release["parties"][0]["identifier"] == {
        "scheme": "NO-BRC",
        "id": world.buyer_org.org_number,
        "legalName": "Bergen kommune",
    }
    assert release["buyer"] == {"id": release["parties"][0]["id"], "name": "Bergen kommune"}
    tender = release["tender"]
    assert tender["status"] == "planning"
    assert tender["title"] == need.title
    assert tender["items"][0]["classification"]["scheme"] == "CPV"
    assert tender["items"][0]["classification"]["id"] == "85311100"
    assert tender["mainProcurementCategory"] == "services"
    assert tender["value"] == {"amount": 1_200_000, "currency": "NOK"}
    assert release["planning"]["budget"]["amount"] == {"amount": 1_200_000, "currency": "NOK"}
    milestones = release["planning"]["milestones"]
    assert [m["type"] for m in milestones] == ["engagement"]
    assert milestones[0]["title"] == world.conference.title


def test_the_ocid_prefix_is_a_setting(world: World, settings: Any) -> None:
    settings.OCDS_OCID_PREFIX = "ocds-abc123"
    release = _package(world, world.need.pk)["releases"][0]
    assert release["ocid"] == f"ocds-abc123-need-{world.need.pk}"


def test_a_second_language_is_an_ocds_language_variant(world: World) -> None:
    # given an English text of the need and a deadline for input
    NoticeText.objects.create(
        need=world.need, language="en", title="Safety alarms", description="Better follow-up."
    )
    world.need.response_deadline = world.conference.starts_at
    world.need.save()
    package = _package(world, world.need.pk)
    _assert_valid(package, variants=frozenset({"title_en", "description_en"}))
    tender = package["releases"][0]["tender"]
    assert tender["title_en"] == "Safety alarms"
    assert tender["description_en"] == "Better follow-up."
    milestones = package["releases"][0]["planning"]["milestones"]
    assert [m["type"] for m in milestones] == ["preProcurement", "engagement"]


def test_a_closed_need_is_still_public(world: World) -> None:
    world.need.status = "closed"
    world.need.save()
    _assert_valid(_package(world, world.need.pk))


def test_the_validator_judges() -> None:
    # A release without its required fields and with a made-up tag is refused: the check
    # above could fail.
    report = ocds_report(
        {
            "uri": "https://example.no/1",
            "version": "1.1",
            "publishedDate": "2026-12-05T10:00:00Z",
            "publisher": {"name": "X"},
            "releases": [{"ocid": "ocds-lupnor-need-1", "tag": ["made-up"]}],
        }
    )
    assert len(report["validation_errors"]) >= 3


def test_a_joint_procurements_co_buyers_are_parties_with_the_buyer_role(world: World) -> None:
    # given a need bought jointly with another municipality (public on the need's page)
    world.need.co_buyers.add(world.other_buyer_org)
    # when a visitor downloads its OCDS
    package = _package(world, world.need.pk)
    # then the co-buyer is a party of its own with the role buyer; the buyer stays the owner
    _assert_valid(package)
    release = package["releases"][0]
    co_buyer = release["parties"][1]
    assert co_buyer["roles"] == ["buyer"]
    assert co_buyer["identifier"]["id"] == world.other_buyer_org.org_number
    assert release["buyer"]["id"] == release["parties"][0]["id"] != co_buyer["id"]


def test_the_buyers_public_contact_is_its_contact_point(world: World) -> None:
    # given a buyer whose administrator gave its public contact
    world.buyer_org.phone, world.buyer_org.email = "+47 55 56 55 56", "postmottak@bergen.kommune.no"
    world.buyer_org.postcode, world.buyer_org.website = "5020", "https://www.bergen.kommune.no"
    world.buyer_org.save()
    # when a visitor downloads the OCDS of its need
    package = _package(world, world.need.pk)
    # then the buyer's party carries it, and the package is still valid
    _assert_valid(package)
    party = package["releases"][0]["parties"][0]
    assert party["contactPoint"] == {
        "email": "postmottak@bergen.kommune.no",
        "telephone": "+47 55 56 55 56",
        "url": "https://www.bergen.kommune.no",
    }
    assert party["address"]["postalCode"] == "5020"
