"""An organisation's administrators keep its public profile and contact up to date (website,
description, telephone, e-mail, postcode); its checked facts (name, number, kind, place,
verification) stay the advisors'. The contact is public, and a notice gives it."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import Membership, Organization
from backend.audit.models import AuditEvent
from tests.backend.conftest import World
from tests.backend.state import db_state
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

CONTACT = {
    "phone": "+47 55 56 55 56",
    "email": "postmottak@bergen.kommune.no",
    "postcode": "5020",
    "website": "https://www.bergen.kommune.no",
    "description": "Norges nest største kommune, med 290 000 innbyggere.",
}


def _patch(client: APIClient, org: Organization, body: dict[str, Any]) -> Any:
    return client.patch(f"/api/organizations/{org.pk}/", body, format="json")


def test_an_administrator_updates_the_profile_and_everyone_sees_it(world: World) -> None:
    # when the buyer organisation's administrator gives its contact
    answer = _patch(world.client("buyer"), world.buyer_org, CONTACT)
    # then it is saved and shown to every reader, a visitor too
    assert answer.status_code == 200, answer.content
    seen = world.client("visitor").get(f"/api/organizations/{world.buyer_org.pk}/").json()
    assert {key: seen[key] for key in CONTACT} == CONTACT
    # and the change is audited with the fields it touched
    event = AuditEvent.objects.get(object_type="accounts.organization", action="changed")
    assert event.data["fields"] == sorted(CONTACT)


def test_an_advisor_may_update_it_too(world: World) -> None:
    answer = _patch(world.client("advisor"), world.supplier_org, {"postcode": "0150"})
    assert answer.status_code == 200, answer.content
    assert Organization.objects.get(pk=world.supplier_org.pk).postcode == "0150"


def test_a_partial_update_keeps_the_rest(world: World) -> None:
    _patch(world.client("buyer"), world.buyer_org, CONTACT)
    answer = _patch(world.client("buyer"), world.buyer_org, {"phone": "55 56 00 00"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["email"] == CONTACT["email"]
    assert answer.json()["phone"] == "55 56 00 00"


@pytest.mark.parametrize("role", ["other_buyer", "supplier", "plain member"])
def test_no_one_else_changes_it_and_nothing_changes(world: World, role: str) -> None:
    # given a member who is no administrator, or another organisation's administrator
    if role == "plain member":
        member = UserFactory(email="saksbehandler@bergen.kommune.no")
        MembershipFactory(user=member, organization=world.buyer_org, role=Membership.Role.MEMBER)
        client = APIClient()
        client.force_authenticate(member)
    else:
        client = world.client(role)
    before = db_state()
    # when they try
    answer = _patch(client, world.buyer_org, CONTACT)
    # then they are refused, with a reason, and nothing changed
    assert answer.status_code == 403, answer.content
    assert "administrat" in answer.json()["detail"]
    assert db_state() == before


def test_a_visitor_is_asked_to_log_in_and_nothing_changes(world: World) -> None:
    before = db_state()
    answer = _patch(world.client("visitor"), world.buyer_org, CONTACT)
    assert answer.status_code in (401, 403)
    assert db_state() == before


def test_the_checked_facts_are_not_the_administrators_to_change(world: World) -> None:
    # given an administrator who sends the name, the number, the kind and the verification
    body = {
        "name": "Bergen kommune og omegn",
        "org_number": "974600951",
        "kind": "advisory",
        "verified": False,
        "county": "03",
        "phone": "55 56 55 56",
    }
    answer = _patch(world.client("buyer"), world.buyer_org, body)
    # then only the profile's field is taken: the checked facts are as they were
    assert answer.status_code == 200, answer.content
    org = Organization.objects.get(pk=world.buyer_org.pk)
    assert (org.name, org.kind, org.verified, org.county, org.phone) == (
        world.buyer_org.name,
        world.buyer_org.kind,
        world.buyer_org.verified,
        world.buyer_org.county,
        "55 56 55 56",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "50200", "4 sifre"),
        ("postcode", "50a0", "4 sifre"),
        ("phone", "ring oss", "8 til 15 sifre"),
        ("phone", "55 56", "8 til 15 sifre"),
        ("phone", "+47 55 56 55 56 55 56 55 56", "8 til 15 sifre"),
        ("email", "postmottak.bergen.kommune.no", "epost"),
        ("website", "bergen kommune", "adresse"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    world: World, field: str, value: str, message: str
) -> None:
    before = db_state()
    client = world.client("buyer")
    client.credentials(HTTP_ACCEPT_LANGUAGE="nb")
    answer = _patch(client, world.buyer_org, {**CONTACT, field: value})
    assert answer.status_code == 400, answer.content
    errors = answer.json()[field]
    assert any(message in error for error in errors), errors
    assert db_state() == before
