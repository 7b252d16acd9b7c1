"""Calendar files over real SMTP, parsed with icalendar: a registration and a 1:1 booking
are confirmed to the supplier with an event (Europe/Oslo, with its VTIMEZONE, a stable UID);
a moved meeting is a REQUEST for the same UID with a higher SEQUENCE; a meeting the host
cancels, and a cancelled conference, are METHOD:CANCEL for the same UIDs."""

from datetime import datetime, timedelta
from typing import Any

import icalendar
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.host_services import conference_cancel, slot_update
from backend.dialogue.services import registration_create, slot_book, slot_cancel
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer


def _calendars(smtp: SmtpServer, to: str) -> list[icalendar.Calendar]:
    found = []
    for message in smtp.to(to):
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                assert part.get_param("method") in ("REQUEST", "CANCEL")
                found.append(icalendar.Calendar.from_ical(part.get_content()))
    return found


def _event(calendar: icalendar.Calendar) -> Any:
    (event,) = calendar.walk("VEVENT")
    return event


def _seconds(value: datetime) -> datetime:
    """A calendar's times are to the second."""
    return value.replace(microsecond=0)


def _supplier(world: World) -> User:
    user = world.users["supplier"]
    assert user is not None
    return user


def _register_and_book(world: World, capture: Any) -> None:
    supplier = _supplier(world)
    people = [{"name": "Sara Nilsen", "email": supplier.email, "role": "Daglig leder"}]
    with capture(execute=True):
        registration_create(
            user=supplier,
            conference=world.conference,
            organization=world.supplier_org,
            participants=people,
        )
    with capture(execute=True):
        slot_book(user=supplier, slot=world.slot, organization=world.supplier_org)


def test_registration_and_booking_are_confirmed_with_calendar_events(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    _register_and_book(world, django_capture_on_commit_callbacks)
    # then: two calendars, each a REQUEST for one event in Oslo time
    conference, meeting = _calendars(smtp, _supplier(world).email)
    assert (conference["METHOD"], meeting["METHOD"]) == ("REQUEST", "REQUEST")
    assert [tz["TZID"] for tz in conference.walk("VTIMEZONE")] == ["Europe/Oslo"]
    event = _event(conference)
    assert event["UID"] == f"conference-{world.conference.pk}@innovasjonstorget.example"
    assert event["SUMMARY"] == world.conference.title
    assert event.decoded("DTSTART") == _seconds(world.conference.starts_at)
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Oslo"
    assert event["LOCATION"] == world.conference.location
    assert str(event["ATTENDEE"]) == f"mailto:{_supplier(world).email}"
    booked = _event(meeting)
    assert booked["UID"] == f"meeting-{world.slot.pk}@innovasjonstorget.example"
    assert booked.decoded("DTSTART") == _seconds(world.slot.starts_at)
    assert booked.decoded("DTEND") == _seconds(world.slot.ends_at)
    assert str(booked["STATUS"]) == "CONFIRMED"


def test_a_moved_meeting_updates_the_same_event_with_a_higher_sequence(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register_and_book(world, django_capture_on_commit_callbacks)
    host = world.users["buyer"]
    assert host is not None
    later = world.slot.starts_at + timedelta(hours=3)
    # when: the host moves it, a second later
    with django_capture_on_commit_callbacks(execute=True):
        slot_update(
            user=host, slot=world.slot, starts_at=later, ends_at=later + timedelta(minutes=45)
        )
    # then
    booked, moved = (_event(c) for c in _calendars(smtp, _supplier(world).email)[1:])
    assert moved["UID"] == booked["UID"]
    assert moved.decoded("DTSTART") == _seconds(later)
    assert int(moved["SEQUENCE"]) >= int(booked["SEQUENCE"])


def test_a_meeting_the_host_cancels_is_cancelled_in_the_calendar(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register_and_book(world, django_capture_on_commit_callbacks)
    host = world.users["buyer"]
    assert host is not None
    # when
    with django_capture_on_commit_callbacks(execute=True):
        slot_cancel(user=host, slot=world.slot)
    # then
    cancel = _calendars(smtp, _supplier(world).email)[-1]
    assert cancel["METHOD"] == "CANCEL"
    event = _event(cancel)
    assert event["UID"] == f"meeting-{world.slot.pk}@innovasjonstorget.example"
    assert str(event["STATUS"]) == "CANCELLED"


def test_a_cancelled_conference_cancels_it_and_the_suppliers_own_meetings(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register_and_book(world, django_capture_on_commit_callbacks)
    host = world.users["buyer"]
    assert host is not None
    # when
    with django_capture_on_commit_callbacks(execute=True):
        conference_cancel(user=host, conference=world.conference, reason="Behovet er løst.")
    # then: one CANCEL with both events
    cancel = _calendars(smtp, _supplier(world).email)[-1]
    assert cancel["METHOD"] == "CANCEL"
    uids = sorted(str(e["UID"]) for e in cancel.walk("VEVENT"))
    assert uids == [
        f"conference-{world.conference.pk}@innovasjonstorget.example",
        f"meeting-{world.slot.pk}@innovasjonstorget.example",
    ]
    assert {str(e["STATUS"]) for e in cancel.walk("VEVENT")} == {"CANCELLED"}
    assert world.conference.starts_at > timezone.now()
