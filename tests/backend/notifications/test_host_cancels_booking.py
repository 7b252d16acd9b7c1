"""The host (or an advisor) cancels one booked 1:1 meeting from its slot list, with an
optional reason, over the API the page uses: the time is free again, the supplier that booked
hears it with the reason and a calendar CANCEL for the meeting's UID (real SMTP, parsed with
icalendar), and may book again; a competing supplier hears nothing. Anyone else is refused,
and bad input changes nothing and sends nothing."""

from typing import Any

import icalendar
import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.dialogue.models import MeetingSlot
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, competitor, local_when
from tests.backend.notifications.conftest import SmtpServer
from tests.backend.state import db_state
from tests.factories import RegistrationFactory, ResponseFactory

REASON = "Vi må flytte presentasjonen for bystyret; book gjerne en av de andre tidene."


def _supplier(world: World) -> User:
    user = world.users["supplier"]
    assert user is not None
    return user


@pytest.fixture
def booked(world: World) -> MeetingSlot:
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    world.slot.booked_by, world.slot.booked_by_user = world.supplier_org, _supplier(world)
    world.slot.booked_at = timezone.now()
    world.slot.save()
    return world.slot


def _cancel(user: User | None, slot: MeetingSlot, **body: Any) -> Any:
    return client_of(user).post(f"/api/slots/{slot.pk}/cancel/", body, format="json")


@pytest.mark.parametrize("role", ["buyer", "advisor"])
def test_the_host_cancels_a_booking_and_the_supplier_hears_why_with_a_calendar_cancel(
    world: World,
    booked: MeetingSlot,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    role: str,
) -> None:
    # given
    rival = competitor(world.conference)
    when = local_when(booked.starts_at, booked.ends_at)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(world.users[role], booked, reason=f" {REASON}  ")
    # then: the time is free again
    assert answer.status_code == 200, answer.content
    assert answer.json()["is_booked"] is False
    slot = MeetingSlot.objects.get(pk=booked.pk)
    assert (slot.booked_by_id, slot.booked_by_user_id, slot.booked_at) == (None, None, None)
    # and the supplier is told, with the reason, and its calendar drops the meeting
    (mail,) = smtp.to(_supplier(world).email)
    assert mail["Subject"].strip() == (
        f"1:1-møtet deres på «{world.conference.title}» {when} er avlyst"
    )
    text = mail.get_body(("plain",))
    assert text is not None
    assert f"Begrunnelse: {REASON}" in text.get_content()
    (part,) = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "CANCEL"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] == f"meeting-{booked.pk}@innovasjonstorget.example"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Oslo"
    # nobody else hears of it
    assert smtp.to(rival.email) == []
    assert smtp.to(_user_email(world, "other_buyer")) == []
    assert AuditEvent.objects.get(
        action=AuditEvent.Action.CANCELLED, object_id=str(booked.pk)
    ).data == {"booked_by": world.supplier_org.pk, "reason": REASON}


def _user_email(world: World, role: str) -> str:
    user = world.users[role]
    assert user is not None
    return user.email


def test_without_a_reason_the_supplier_is_told_all_the_same_and_may_book_again(
    world: World, booked: MeetingSlot, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(world.users["buyer"], booked)
    # then
    assert answer.status_code == 200, answer.content
    (mail,) = smtp.to(_supplier(world).email)
    text = mail.get_body(("plain",))
    assert text is not None
    assert "Begrunnelse" not in text.get_content()
    allowance = client_of(_supplier(world)).get(
        f"/api/conferences/{world.conference.pk}/booking-allowance/",
        {"organization": world.supplier_org.pk},
    )
    assert allowance.json()["booked"] == 0
    again = client_of(_supplier(world)).post(
        f"/api/slots/{booked.pk}/book/", {"organization": world.supplier_org.pk}
    )
    assert again.status_code == 200, again.content


@pytest.mark.parametrize(
    ("role", "status"), [("other_buyer", 403), ("competitor", 403), ("visitor", 403)]
)
def test_nobody_else_cancels_a_booking_and_nothing_changes(
    world: World,
    booked: MeetingSlot,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    role: str,
    status: int,
) -> None:
    # given
    users = world.users | {"competitor": competitor(world.conference)}
    before = db_state()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(users[role], booked, reason=REASON)
    # then
    assert answer.status_code == status
    assert db_state() == before
    assert smtp.received == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "x" * 1001}, "reason"),
        ({"reason": ["ikke", "tekst"]}, "reason"),
        ({"reason": "Prisen deres: Lisensprisen er 41 kroner per beboer per måned"}, "reason"),
    ],
)
def test_a_bad_reason_is_refused_at_its_field_and_nothing_changes(
    world: World,
    booked: MeetingSlot,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    body: dict[str, Any],
    field: str,
) -> None:
    # given: a rival's response to the conference's need marks its price as a secret
    ResponseFactory(
        need=world.need,
        sections=[
            {
                "text": "Lisensprisen er 41 kroner per beboer per måned i fem år.",
                "business_secret": True,
                "reason": "Prisstrategi",
            }
        ],
    )
    world.conference.needs.add(world.need)
    before = db_state()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(world.users["buyer"], booked, **body)
    # then
    assert answer.status_code == 400
    assert list(answer.json()) == [field]
    assert db_state() == before
    assert smtp.received == []


def test_a_free_time_has_no_booking_to_cancel(world: World) -> None:
    before = db_state()
    answer = _cancel(world.users["buyer"], world.slot)
    assert answer.status_code == 400
    assert answer.json() == {"non_field_errors": ["Dette 1:1-møtet er ikke booket."]}
    assert db_state() == before
