"""An invitation to a dialogue conference by e-mail, over real SMTP: in the recipient's
language, HTML and plain text, with the buyer's message and the conference page's link, and
a calendar file (parsed with icalendar) that is a REQUEST for the conference's own UID in
Europe/Oslo time, so that registering later updates the same event in the calendar."""

from datetime import datetime
from email.message import EmailMessage
from typing import Any

import icalendar
import pytest

from backend.accounts.models import Organization, User
from backend.dialogue.invitation_services import conference_invite
from backend.dialogue.services import registration_create
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer
from tests.factories import MembershipFactory, OrganizationFactory, SolutionFactory, UserFactory

MESSAGE = "Vi håper dere vil vise oss hvordan sensorene virker om natten."


def _supplier(name: str, email: str, language: str) -> tuple[Solution, User]:
    org = OrganizationFactory(name=name, kind=Organization.Kind.SUPPLIER)
    user = UserFactory(email=email, full_name="Nora Lie", preferred_language=language)
    MembershipFactory(organization=org, user=user)
    return SolutionFactory(organization=org, title=f"{name}: sensor uten kamera"), user


def _only(smtp: SmtpServer, to: str) -> EmailMessage:
    (message,) = smtp.to(to)
    return message


def _parts(message: EmailMessage) -> dict[str, Any]:
    return {part.get_content_type(): part for part in message.walk() if not part.is_multipart()}


def _event(part: Any) -> tuple[icalendar.Calendar, Any]:
    calendar = icalendar.Calendar.from_ical(part.get_content())
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def _seconds(value: datetime) -> datetime:
    return value.replace(microsecond=0)


@pytest.fixture
def buyer(world: World) -> User:
    user = world.users["buyer"]
    assert user is not None
    return user


def test_the_invitation_email_carries_the_message_link_and_a_calendar_request(
    world: World, buyer: User, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    solution, person = _supplier("Nattsensor AS", "nora@nattsensor.no", "nb")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        conference_invite(
            invited_by=buyer,
            conference=world.conference,
            solution_ids=[solution.pk],
            message=MESSAGE,
        )
    # then: one e-mail, in Norwegian, HTML and plain text
    message = _only(smtp, person.email)
    assert message["Subject"] == f"Invitasjon: {world.conference.title}"
    parts = _parts(message)
    text = parts["text/plain"].get_content()
    html = parts["text/html"].get_content()
    link = f"https://innovasjonstorget.example/conferences/{world.conference.pk}"
    for body in (text, html):
        assert MESSAGE in body
        assert "Påmeldingsfrist: " in body
        assert "Bergen rådhus" in body
        assert link in body
    # and a calendar REQUEST for the conference's own event, in Oslo time, awaiting an answer
    calendar_part = parts["text/calendar"]
    assert calendar_part.get_param("method") == "REQUEST"
    calendar, event = _event(calendar_part)
    assert calendar["METHOD"] == "REQUEST"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert event["UID"] == f"conference-{world.conference.pk}@innovasjonstorget.example"
    assert event.decoded("DTSTART") == _seconds(world.conference.starts_at)
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Oslo"
    assert event.decoded("DTEND") == _seconds(world.conference.ends_at)
    assert str(event["ATTENDEE"]) == f"mailto:{person.email}"
    assert event["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert str(event["URL"]) == link


def test_an_english_reader_gets_it_in_english(
    world: World, buyer: User, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    solution, person = _supplier("Night Sensor Ltd", "nora@nightsensor.com", "en")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        conference_invite(invited_by=buyer, conference=world.conference, solution_ids=[solution.pk])
    # then
    message = _only(smtp, person.email)
    assert message["Subject"] == f"Invitation: {world.conference.title}"
    assert message["Content-Language"] == "en"
    text = _parts(message)["text/plain"].get_content()
    assert "invites your organisation to the dialogue conference" in text
    assert "Register by: " in text


def test_registering_after_the_invitation_updates_the_same_calendar_event(
    world: World, buyer: User, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: invited
    solution, person = _supplier("Nattsensor AS", "nora@nattsensor.no", "nb")
    with django_capture_on_commit_callbacks(execute=True):
        conference_invite(invited_by=buyer, conference=world.conference, solution_ids=[solution.pk])
    # when: the supplier registers
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            user=person,
            conference=world.conference,
            organization=solution.organization,
            participants=[{"name": "Nora Lie", "email": person.email, "role": "Daglig leder"}],
        )
    # then: the confirmation's event has the invitation's UID, a sequence not lower, accepted
    invited, confirmed = (_event(_parts(m)["text/calendar"])[1] for m in smtp.to(person.email))
    assert confirmed["UID"] == invited["UID"]
    assert int(confirmed["SEQUENCE"]) >= int(invited["SEQUENCE"])
    assert confirmed["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"


def test_the_email_names_no_other_invited_supplier(
    world: World, buyer: User, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    first, first_person = _supplier("Nattsensor AS", "nora@nattsensor.no", "nb")
    second, second_person = _supplier("Konkurrent Sensor AS", "salg@konkurrentsensor.no", "nb")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        conference_invite(
            invited_by=buyer, conference=world.conference, solution_ids=[first.pk, second.pk]
        )
    # then
    for person, own, other in (
        (first_person, "Nattsensor AS", "Konkurrent Sensor"),
        (second_person, "Konkurrent Sensor AS", "Nattsensor"),
    ):
        parts = _parts(_only(smtp, person.email))
        for kind in ("text/plain", "text/html", "text/calendar"):
            assert other not in parts[kind].get_content()
        assert own in parts["text/plain"].get_content()
