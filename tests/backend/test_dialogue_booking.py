"""Booking limits: what a supplier may still book at a conference (the booking allowance),
and booking refused, for the same reason, through every path."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.dialogue.models import DialogueConference, MeetingSlot
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, competitor, local_when
from tests.backend.state import db_state
from tests.factories import NeedFactory, OrganizationFactory, RegistrationFactory, SlotFactory


def _allowance(world: World, role: str = "supplier", org: int | None = None) -> Any:
    return world.client(role).get(
        f"/api/conferences/{world.conference.pk}/booking-allowance/",
        {"organization": world.supplier_org.pk if org is None else org},
    )


def _book(world: World, slot: MeetingSlot, role: str = "supplier") -> Any:
    return world.client(role).post(
        f"/api/slots/{slot.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
    )


def test_the_allowance_counts_down_as_the_supplier_registers_and_books(world: World) -> None:
    # when
    unregistered = _allowance(world).json()
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    registered = _allowance(world).json()
    _book(world, world.slot)
    booked = _allowance(world).json()
    # then
    assert (unregistered["registered"], unregistered["can_book"]) == (False, False)
    assert unregistered["reason"] == "Meld dere på konferansen før dere booker et 1:1-møte."
    assert registered | {"organization": None} == {
        "organization": None,
        "registered": True,
        "max_meetings": 1,
        "booked": 0,
        "remaining": 1,
        "can_book": True,
        "reason": "",
        "booking_deadline": registered["booking_deadline"],
    }
    assert (booked["booked"], booked["remaining"], booked["can_book"]) == (1, 0, False)
    assert booked["reason"] == "Du har booket 1 av 1 mulige møter."
    assert registered["organization"]["name"] == "Helsetek AS"


def test_the_allowance_follows_the_limit_the_host_sets(world: World) -> None:
    # given: three meetings per supplier, one booked
    world.conference.max_slots_per_supplier = 3
    world.conference.save()
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    _book(world, world.slot)
    # when
    allowance = _allowance(world).json()
    # then
    assert (allowance["booked"], allowance["remaining"], allowance["can_book"]) == (1, 2, True)


def test_the_allowance_speaks_english_when_asked(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    _book(world, world.slot)
    # when
    response = world.client("supplier").get(
        f"/api/conferences/{world.conference.pk}/booking-allowance/",
        {"organization": world.supplier_org.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # then
    assert response.json()["reason"] == "You have booked 1 of 1 possible meetings."


@pytest.mark.parametrize(
    ("role", "org", "status"),
    [
        ("visitor", "supplier_org", 403),
        ("buyer", "supplier_org", 403),
        ("other_buyer", "supplier_org", 403),
        ("competitor", "supplier_org", 403),
        ("buyer", "buyer_org", 403),
        ("advisor", "supplier_org", 403),
    ],
)
def test_only_a_supplier_reads_its_own_allowance(
    world: World, role: str, org: str, status: int
) -> None:
    # given: a competitor registered at the conference
    users = world.users | {"competitor": competitor(world.conference)}
    # when
    response = client_of(users[role]).get(
        f"/api/conferences/{world.conference.pk}/booking-allowance/",
        {"organization": getattr(world, org).pk},
    )
    # then
    assert response.status_code == status, response.content


def test_the_allowance_needs_an_organisation(world: World) -> None:
    # when
    missing = world.client("supplier").get(
        f"/api/conferences/{world.conference.pk}/booking-allowance/"
    )
    unknown = _allowance(world, org=999_999)
    # then
    assert (missing.status_code, unknown.status_code) == (400, 400)
    assert missing.json() == {"organization": ["Dette feltet er påkrevd."]}


def test_the_allowance_of_a_draft_conference_is_not_found(world: World) -> None:
    # given
    draft = world.conference
    draft.status = DialogueConference.Status.DRAFT
    draft.save()
    # when
    response = _allowance(world)
    # then
    assert response.status_code == 404


# ---------------------------------------------------------- booking refused, and why


@dataclass(frozen=True)
class Refusal:
    name: str
    given: Callable[[World], None]
    says: Callable[[World], str]


def _register(world: World) -> None:
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)


def _at_the_limit(world: World) -> None:
    _register(world)
    SlotFactory(
        conference=world.conference,
        starts_at=world.slot.starts_at + timedelta(hours=2),
        booked_by=world.supplier_org,
        booked_by_user=world.users["supplier"],
        booked_at=timezone.now(),
    )


def _after_the_deadline(world: World) -> None:
    _register(world)
    world.conference.registration_deadline = timezone.now() - timedelta(minutes=1)
    world.conference.save()


def _cancelled(world: World) -> None:
    _register(world)
    world.conference.status = DialogueConference.Status.CANCELLED
    world.conference.save()


def _competition_announced(world: World) -> None:
    _register(world)
    world.conference.needs.add(NeedFactory(organization=world.buyer_org, stage="konkurranse"))


def _taken(world: World) -> None:
    _register(world)
    rival = OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier")
    RegistrationFactory(conference=world.conference, organization=rival)
    world.slot.booked_by = rival
    world.slot.booked_at = timezone.now()
    world.slot.save()


REFUSALS = (
    Refusal(
        "not registered",
        lambda w: None,
        lambda w: "Meld dere på konferansen før dere booker et 1:1-møte.",
    ),
    Refusal("at the limit", _at_the_limit, lambda w: "Du har booket 1 av 1 mulige møter."),
    Refusal(
        "after the deadline",
        _after_the_deadline,
        lambda w: "Bookingen stengte ved påmeldingsfristen, ",
    ),
    Refusal("cancelled", _cancelled, lambda w: "Konferansen er avlyst."),
    Refusal(
        "competition announced",
        _competition_announced,
        lambda w: "Konkurransen er kunngjort",
    ),
    Refusal(
        "taken by a competitor",
        _taken,
        lambda w: f"1:1-møtet {local_when(w.slot.starts_at, w.slot.ends_at)} er allerede booket.",
    ),
)


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda r: r.name)
def test_a_booking_that_breaks_a_rule_is_refused_saying_why_and_nothing_changes(
    world: World, refusal: Refusal
) -> None:
    # given
    refusal.given(world)
    before = db_state()
    # when
    response = _book(world, world.slot)
    # then
    assert response.status_code == 400, response.content
    assert response.json()["non_field_errors"][0].startswith(refusal.says(world))
    assert db_state() == before


@pytest.mark.parametrize("refusal", REFUSALS[:5], ids=lambda r: r.name)
def test_the_allowance_gives_the_reason_the_booking_would_be_refused_for(
    world: World, refusal: Refusal
) -> None:
    # given
    refusal.given(world)
    # when
    allowance = _allowance(world).json()
    # then
    assert (allowance["can_book"], allowance["remaining"]) == (False, 0)
    assert allowance["reason"].startswith(refusal.says(world))


@pytest.mark.parametrize(("role", "status"), [("buyer", 403), ("other_buyer", 403)])
def test_a_buyer_cannot_book_for_a_supplier(world: World, role: str, status: int) -> None:
    # given
    _register(world)
    before = db_state()
    # when
    response = _book(world, world.slot, role=role)
    # then
    assert response.status_code == status
    assert db_state() == before


def test_a_competitor_cannot_book_in_the_suppliers_name(world: World) -> None:
    # given
    _register(world)
    rival = competitor(world.conference)
    before = db_state()
    # when
    response = client_of(rival).post(
        f"/api/slots/{world.slot.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
    )
    # then
    assert response.status_code == 403
    assert db_state() == before
