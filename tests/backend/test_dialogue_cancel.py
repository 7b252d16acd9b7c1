"""Cancelling a conference (who may, what everyone registered is told, what is refused
afterwards), and questions: when their answers are due and when they close."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.dialogue.models import DialogueConference, MeetingSlot
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, competitor, local_when, slot_body, told
from tests.backend.state import db_state
from tests.factories import (
    ConferenceFactory,
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SlotFactory,
)

REASON = "Behovet er slått sammen med Trondheims anskaffelse; vi inviterer til ny konferanse."
ROUTER = Path(__file__).resolve().parents[2] / "frontend" / "src" / "app" / "router.tsx"


def _cancel(world: World, role: str = "buyer", reason: str = REASON) -> Any:
    return world.client(role).post(
        f"/api/conferences/{world.conference.pk}/cancel/", {"reason": reason}, format="json"
    )


def _registered_and_booked(world: World) -> None:
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    world.slot.booked_by, world.slot.booked_by_user = world.supplier_org, world.users["supplier"]
    world.slot.booked_at = timezone.now()
    world.slot.save()


@pytest.mark.parametrize("role", ["buyer", "advisor"])
def test_cancelling_frees_the_slots_and_tells_every_registered_supplier(
    world: World, role: str
) -> None:
    # given: the supplier registered and booked; a competitor registered without booking
    _registered_and_booked(world)
    rival = competitor(world.conference)
    when = local_when(world.slot.starts_at, world.slot.ends_at)
    # when
    response = world.client(role).post(
        f"/api/conferences/{world.conference.pk}/cancel/", {"reason": f"  {REASON} "}, format="json"
    )
    # then
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancellation_reason"] == REASON
    assert response.json()["cancelled_at"] is not None
    slot = MeetingSlot.objects.get(pk=world.slot.pk)
    assert (slot.booked_by_id, slot.booked_by_user_id, slot.booked_at) == (None, None, None)
    [to_supplier] = told(world.users["supplier"])
    [to_rival] = told(rival)
    assert to_supplier["title"] == to_rival["title"] == f"Avlyst: {world.conference.title}"
    assert f"Begrunnelse: {REASON}" in to_supplier["body"]
    assert f"Begrunnelse: {REASON}" in to_rival["body"]
    assert f"1:1-møtene dere hadde booket, er også avlyst: {when}." in to_supplier["body"]
    assert "1:1-møtene" not in to_rival["body"]
    assert to_supplier["link"] == to_rival["link"] == f"/conferences/{world.conference.pk}"
    assert told(world.users["buyer"]) == []
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CANCELLED, object_id=str(world.conference.pk)
    ).exists()


def test_the_notification_link_is_a_route_of_the_app(world: World) -> None:
    # given: the routes of the frontend's router
    routes = re.findall(r"path: '([^']+)'", ROUTER.read_text(encoding="utf-8"))
    patterns = [re.compile("^/" + re.sub(r":\w+", r"[^/]+", r) + "$") for r in routes]
    _registered_and_booked(world)
    # when
    _cancel(world)
    [notice] = told(world.users["supplier"])
    # then
    assert any(p.match(notice["link"]) for p in patterns), (notice["link"], routes)


def test_everyone_sees_that_the_conference_is_cancelled_and_why(world: World) -> None:
    # given
    _cancel(world)
    # when
    seen = world.client("visitor").get(f"/api/conferences/{world.conference.pk}/").json()
    # then
    assert (seen["status"], seen["cancellation_reason"]) == ("cancelled", REASON)


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 403), ("other_buyer", 403), ("supplier", 403), ("competitor", 403)],
)
def test_nobody_but_the_host_and_advisors_cancels_and_nothing_changes(
    world: World, role: str, status: int
) -> None:
    # given
    _registered_and_booked(world)
    users = world.users | {"competitor": competitor(world.conference)}
    before = db_state()
    # when
    response = client_of(users[role]).post(
        f"/api/conferences/{world.conference.pk}/cancel/", {"reason": REASON}, format="json"
    )
    # then
    assert response.status_code == status, response.content
    assert db_state() == before


def _already_cancelled(c: DialogueConference) -> None:
    c.status = DialogueConference.Status.CANCELLED


def _draft(c: DialogueConference) -> None:
    c.status = DialogueConference.Status.DRAFT


def _held(c: DialogueConference) -> None:
    c.starts_at = timezone.now() - timedelta(days=2)
    c.ends_at = c.starts_at + timedelta(hours=3)
    c.registration_deadline = c.starts_at - timedelta(days=7)


@dataclass(frozen=True)
class Refusal:
    name: str
    given: Callable[[DialogueConference], None]
    reason: str
    field: str
    says: str


REFUSALS = (
    Refusal("no reason", lambda c: None, "", "reason", "Dette feltet må ikke være blankt."),
    Refusal("blank reason", lambda c: None, "  ", "reason", "Dette feltet må ikke være blankt."),
    Refusal(
        "already cancelled",
        _already_cancelled,
        REASON,
        "non_field_errors",
        "Konferansen er allerede avlyst.",
    ),
    Refusal(
        "a draft", _draft, REASON, "non_field_errors", "Bare en kunngjort konferanse kan avlyses"
    ),
    Refusal(
        "held",
        _held,
        REASON,
        "non_field_errors",
        "Konferansen er holdt og kan ikke lenger avlyses.",
    ),
)


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda r: r.name)
def test_a_cancellation_that_cannot_be_is_refused_saying_why_and_nothing_changes(
    world: World, refusal: Refusal
) -> None:
    # given
    refusal.given(world.conference)
    world.conference.save()
    before = db_state()
    # when
    response = _cancel(world, reason=refusal.reason)
    # then
    assert response.status_code == 400, response.content
    assert response.json()[refusal.field][0].startswith(refusal.says), response.json()
    assert db_state() == before


def test_a_too_long_reason_is_refused_at_its_field(world: World) -> None:
    # when
    response = _cancel(world, reason="x" * 2001)
    # then
    assert response.status_code == 400
    assert "2000" in response.json()["reason"][0]


def test_after_cancelling_registering_booking_asking_adding_and_editing_are_refused(
    world: World,
) -> None:
    # given: the supplier registered; the conference is cancelled
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    late = MembershipFactory(
        organization=OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier")
    ).user
    _cancel(world)
    free = SlotFactory(
        conference=world.conference, starts_at=world.slot.starts_at + timedelta(hours=3)
    )
    supplier, buyer = world.client("supplier"), world.client("buyer")
    conference = f"/api/conferences/{world.conference.pk}"
    before = db_state()
    # when
    answers = {
        "register": client_of(late).post(
            f"{conference}/registrations/",
            {
                "organization": late.memberships.get().organization_id,
                "participants": [{"name": "Eirik Solheim", "email": "eirik@omsorgsteknikk.no"}],
            },
            format="json",
        ),
        "book": supplier.post(
            f"/api/slots/{free.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
        ),
        "ask": supplier.post(
            f"{conference}/questions/",
            {"organization": world.supplier_org.pk, "text": "Blir det en ny konferanse?"},
            format="json",
        ),
        "add a slot": buyer.post(
            f"{conference}/slots/", slot_body(free.starts_at + timedelta(hours=2)), format="json"
        ),
        "move a slot": buyer.put(
            f"/api/slots/{free.pk}/", slot_body(free.starts_at + timedelta(hours=2)), format="json"
        ),
        "delete a slot": buyer.delete(f"/api/slots/{free.pk}/"),
        "edit": buyer.patch(f"{conference}/", {"title": "Ny tittel"}, format="json"),
    }
    # then
    assert {k: v.status_code for k, v in answers.items()} == dict.fromkeys(answers, 400)
    assert {k: v.json()["non_field_errors"][0] for k, v in answers.items()} == {
        "register": "Konferansen er ikke åpen for påmelding.",
        "book": "Konferansen er avlyst.",
        "ask": "Konferansen er avlyst: det kan ikke stilles flere spørsmål.",
        "add a slot": "Konferansen er avlyst: 1:1-møtene kan ikke endres.",
        "move a slot": "Konferansen er avlyst: 1:1-møtene kan ikke endres.",
        "delete a slot": "Konferansen er avlyst: 1:1-møtene kan ikke endres.",
        "edit": "Konferansen er avlyst og kan ikke lenger endres.",
    }
    assert db_state() == before


# ------------------------------------------------------------------------------ questions


def _ask(world: World, text: str = "Kan løsningen prøves ut i én bydel først?") -> Any:
    return world.client("supplier").post(
        f"/api/conferences/{world.conference.pk}/questions/",
        {"organization": world.supplier_org.pk, "text": text},
        format="json",
    )


def test_a_question_asked_before_the_conference_is_answered_before_it_starts(
    world: World,
) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    # when
    response = _ask(world)
    # then
    assert response.status_code == 201, response.content
    due = response.json()["answer_due"]
    assert datetime.fromisoformat(due) == world.conference.starts_at


def test_a_question_asked_during_the_meeting_days_is_answered_before_they_end(db: None) -> None:
    # given: a conference held two days ago (its meeting days run 14 days after it)
    starts = timezone.now() - timedelta(days=2)
    conference = ConferenceFactory(
        starts_at=starts, registration_deadline=starts - timedelta(days=7)
    )
    supplier = competitor(conference)
    # when
    response = client_of(supplier).post(
        f"/api/conferences/{conference.pk}/questions/",
        {"organization": supplier.memberships.get().organization_id, "text": "Hva skjer nå?"},
        format="json",
    )
    # then
    assert response.status_code == 201, response.content
    due = timezone.localtime(datetime.fromisoformat(response.json()["answer_due"]))
    last_day = timezone.localdate(conference.ends_at) + timedelta(days=14)
    assert (due.date(), due.hour, due.minute) == (last_day + timedelta(days=1), 0, 0)


def test_an_answered_question_is_due_no_more(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    question = _ask(world).json()
    # when
    answered = world.client("buyer").post(
        f"/api/questions/{question['id']}/answer/",
        {"answer": "Ja, vi starter i Bergenhus bydel."},
        format="json",
    )
    listed = world.client("supplier").get(f"/api/conferences/{world.conference.pk}/questions/")
    # then
    assert answered.json()["answer_due"] is None
    assert [q["answer_due"] for q in listed.json()["results"]] == [None]


def test_a_question_of_a_cancelled_conference_is_due_no_more(world: World) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    _ask(world)
    _cancel(world)
    # when
    listed = world.client("supplier").get(f"/api/conferences/{world.conference.pk}/questions/")
    # then
    assert [q["answer_due"] for q in listed.json()["results"]] == [None]


def test_questions_close_when_the_meeting_days_are_over(db: None) -> None:
    # given: a conference held 20 days ago
    starts = timezone.now() - timedelta(days=20)
    conference = ConferenceFactory(
        starts_at=starts, registration_deadline=starts - timedelta(days=7)
    )
    supplier = competitor(conference)
    before = db_state()
    # when
    response = client_of(supplier).post(
        f"/api/conferences/{conference.pk}/questions/",
        {"organization": supplier.memberships.get().organization_id, "text": "Hva skjer nå?"},
        format="json",
    )
    # then
    assert response.status_code == 400
    assert response.json()["non_field_errors"][0].startswith(
        "Dialogen på denne konferansen er over: spørsmål kunne stilles til og med "
    )
    assert db_state() == before
