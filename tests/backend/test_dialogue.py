"""Market dialogue: registrations, 1:1 slots, equal treatment, deadlines."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import Organization
from backend.dialogue.models import MeetingSlot
from backend.dialogue.services import registration_create, slot_book
from tests.backend.conftest import World
from tests.factories import (
    ConferenceFactory,
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SlotFactory,
)

PEOPLE = [{"name": "Sara Nilsen", "email": "sara@helsetek.no", "role": "Daglig leder"}]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_bookings_of_the_last_slot_exactly_one_wins() -> None:
    # given: one free slot and two registered suppliers
    conference = ConferenceFactory()
    slot = SlotFactory(conference=conference)
    bookers = []
    for _ in range(2):
        org = OrganizationFactory(kind=Organization.Kind.SUPPLIER)
        RegistrationFactory(conference=conference, organization=org)
        bookers.append((MembershipFactory(organization=org).user, org))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def book(user: object, org: Organization) -> None:
        barrier.wait()
        try:
            slot_book(user=user, slot=slot, organization=org)  # type: ignore[arg-type]
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    # when: both book at the same moment, each on its own database connection
    threads = [threading.Thread(target=book, args=b) for b in bookers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # then
    assert sorted(outcomes) == ["booked", "refused"]
    assert MeetingSlot.objects.get(pk=slot.pk).booked_by_id in {org.pk for _, org in bookers}


def test_a_supplier_gets_one_slot_per_conference_unless_the_buyer_allows_more(
    world: World,
) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    second = SlotFactory(conference=world.conference)
    client = world.client("supplier")
    body = {"organization": world.supplier_org.pk}
    # when
    first = client.post(f"/api/slots/{world.slot.pk}/book/", body, format="json")
    refused = client.post(f"/api/slots/{second.pk}/book/", body, format="json")
    world.conference.max_slots_per_supplier = 2
    world.conference.save()
    allowed = client.post(f"/api/slots/{second.pk}/book/", body, format="json")
    # then
    assert (first.status_code, refused.status_code, allowed.status_code) == (200, 400, 200)


def test_booking_requires_a_registration(world: World) -> None:
    # when
    response = world.client("supplier").post(
        f"/api/slots/{world.slot.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
    )
    # then
    assert response.status_code == 400
    assert MeetingSlot.objects.get(pk=world.slot.pk).booked_by_id is None


def test_other_suppliers_see_that_a_slot_is_taken_but_not_by_whom(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    world.client("supplier").post(
        f"/api/slots/{world.slot.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
    )
    # when
    seen_by_visitor = world.client("visitor").get(f"/api/conferences/{world.conference.pk}/slots/")
    seen_by_host = world.client("buyer").get(f"/api/conferences/{world.conference.pk}/slots/")
    # then
    assert seen_by_visitor.json()["results"][0] == {
        "id": world.slot.pk,
        "starts_at": seen_by_visitor.json()["results"][0]["starts_at"],
        "ends_at": seen_by_visitor.json()["results"][0]["ends_at"],
        "is_booked": True,
    }
    assert seen_by_host.json()["results"][0]["booked_by"]["name"] == "Helsetek AS"


def test_registration_closes_at_the_deadline_and_at_capacity(world: World) -> None:
    # given
    full = ConferenceFactory(organization=world.buyer_org, capacity=1)
    RegistrationFactory(conference=full)
    late = ConferenceFactory(
        organization=world.buyer_org, registration_deadline=timezone.now() - timedelta(hours=1)
    )
    user = world.users["supplier"]
    # when / then
    with pytest.raises(ValidationError, match="fulltegnet"):
        registration_create(
            user=user,
            conference=full,
            organization=world.supplier_org,  # type: ignore[arg-type]
            participants=PEOPLE,
        )
    with pytest.raises(ValidationError, match="Påmeldingsfristen"):
        registration_create(
            user=user,
            conference=late,
            organization=world.supplier_org,  # type: ignore[arg-type]
            participants=PEOPLE,
        )


def test_dialogue_stops_once_the_competition_is_announced(world: World) -> None:
    # given
    world.need.stage = "konkurranse"
    world.need.save()
    body = {
        "need": world.need.pk,
        "organization": world.supplier_org.pk,
        "summary": "Sent innspill",
        "body": "Vi har en løsning som passer godt til behovet.",
    }
    # when
    response = world.client("supplier").post("/api/responses/", body, format="json")
    # then
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_participants_export_is_a_csv_of_every_registered_person(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    # when
    response = world.client("buyer").get(
        f"/api/conferences/{world.conference.pk}/registrations/export/"
    )
    # then
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == "virksomhet,organisasjonsnummer,navn,e-post,rolle,påmeldt"
    assert "Helsetek AS" in text and "sara@helsetek.no" in text


def test_an_answer_to_one_suppliers_question_is_published_to_all_registered(
    world: World,
) -> None:
    # given: two registered suppliers, one asks
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    rival = OrganizationFactory(name="Konkurrent AS", kind=Organization.Kind.SUPPLIER)
    RegistrationFactory(conference=world.conference, organization=rival)
    rival_client = APIClient()
    rival_client.force_authenticate(MembershipFactory(organization=rival).user)
    url = f"/api/conferences/{world.conference.pk}/questions/"
    asked = (
        world.client("supplier")
        .post(
            url,
            {"organization": world.supplier_org.pk, "text": "Må løsningen virke uten strøm?"},
            format="json",
        )
        .json()
    )
    before = rival_client.get(url).json()["count"]
    # when: the host answers
    answer = world.client("buyer").post(
        f"/api/questions/{asked['id']}/answer/",
        {"answer": "Ja, i minst åtte timer."},
        format="json",
    )
    seen_by_rival = rival_client.get(url).json()["results"]
    seen_by_outsider = world.client("other_buyer").get(url).json()["count"]
    # then
    assert answer.status_code == 200
    assert before == 0
    assert seen_by_rival == [
        {**seen_by_rival[0], "answer": "Ja, i minst åtte timer.", "asked_by_organization": None}
    ]
    assert seen_by_outsider == 0
