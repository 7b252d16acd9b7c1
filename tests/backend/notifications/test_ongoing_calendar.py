"""The ongoing dialogue's meetings in calendars, over real SMTP, parsed with icalendar: an
accepted meeting is a REQUEST to the people of both sides (one UID per request, Europe/Oslo
with its VTIMEZONE); withdrawn by the supplier or cancelled by the buyer, it is a CANCEL for
the same UID with a higher SEQUENCE, to both sides again. A competing supplier never hears
of another's meeting. The buyer's cancel: only the buyer, only an accepted meeting not yet
held; bad input changes nothing and sends nothing."""

from datetime import date, datetime, timedelta
from typing import Any

import icalendar
import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.ongoing_rules import monday_of
from backend.dialogue.ongoing_services import request_accept, request_withdraw
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of
from tests.backend.notifications.conftest import SmtpServer
from tests.backend.state import db_state
from tests.factories import (
    MeetingRequestFactory,
    MembershipFactory,
    OngoingDialogueFactory,
    OrganizationFactory,
    ResponseFactory,
    UserFactory,
)

DOMAIN = "innovasjonstorget.example"
PLACE = "Rådhuset i Bergen, møterom Fløyen"
REASON = "Prosjektlederen er syk; vi foreslår en ny tid så snart hun er tilbake."


def _next_week() -> date:
    return monday_of(timezone.localdate()) + timedelta(weeks=1)


def _tuesday(hour: int) -> datetime:
    """Tuesday next week at ``hour`` o'clock, Oslo time."""
    local = datetime.combine(_next_week() + timedelta(days=1), datetime.min.time())
    return timezone.make_aware(local + timedelta(hours=hour))


def _user(world: World, role: str) -> User:
    user = world.users[role]
    assert user is not None
    return user


@pytest.fixture
def dialogue(world: World) -> OngoingDialogue:
    dialogue: OngoingDialogue = OngoingDialogueFactory(need=world.need, place=PLACE)
    return dialogue


@pytest.fixture
def colleagues(world: World) -> dict[str, User]:
    """A second person on each side: everyone of an organisation gets the calendar."""
    return {
        "buyer": MembershipFactory(
            organization=world.buyer_org, user=UserFactory(email="radgiver@bergen.kommune.no")
        ).user,
        "supplier": MembershipFactory(
            organization=world.supplier_org, user=UserFactory(email="salg@helsetek.no")
        ).user,
    }


@pytest.fixture
def rival(world: World, dialogue: OngoingDialogue) -> User:
    """A competing supplier with its own meeting request in the same dialogue."""
    org = OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier")
    user: User = MembershipFactory(
        organization=org, user=UserFactory(email="post@omsorgsteknikk.no")
    ).user
    MeetingRequestFactory(dialogue=dialogue, organization=org, requested_by=user)
    return user


@pytest.fixture
def request_(world: World, dialogue: OngoingDialogue) -> MeetingRequest:
    request: MeetingRequest = MeetingRequestFactory(
        dialogue=dialogue,
        organization=world.supplier_org,
        requested_by=_user(world, "supplier"),
        week=_next_week(),
    )
    return request


def _accept(world: World, request: MeetingRequest, capture: Any) -> MeetingRequest:
    with capture(execute=True):
        return request_accept(user=_user(world, "buyer"), request=request, starts_at=_tuesday(10))


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


def _uid(request: MeetingRequest) -> str:
    return f"meeting-request-{request.pk}@{DOMAIN}"


def test_an_accepted_meeting_is_put_in_the_calendars_of_both_sides(
    world: World,
    request_: MeetingRequest,
    colleagues: dict[str, User],
    rival: User,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # when
    accepted = _accept(world, request_, django_capture_on_commit_callbacks)
    # then: every person of both sides has one REQUEST for the meeting, in Oslo time
    assert accepted.decided_at is not None
    people = {
        "supplier": [_user(world, "supplier").email, colleagues["supplier"].email],
        "buyer": [_user(world, "buyer").email, colleagues["buyer"].email],
    }
    for side, addresses in people.items():
        for address in addresses:
            (calendar,) = _calendars(smtp, address)
            assert calendar["METHOD"] == "REQUEST"
            assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
            event = _event(calendar)
            assert event["UID"] == _uid(request_)
            assert int(event["SEQUENCE"]) == int(accepted.decided_at.timestamp())
            assert event.decoded("DTSTART") == _tuesday(10)
            assert str(event["DTSTART"].params["TZID"]) == "Europe/Oslo"
            assert event.decoded("DTEND") == _tuesday(10) + timedelta(minutes=45)
            assert event["LOCATION"] == PLACE
            assert str(event["ATTENDEE"]) == f"mailto:{address}"
            other = "Bergen kommune" if side == "supplier" else "Helsetek AS"
            assert event["SUMMARY"] == f"Møte med {other}: {world.need.title}"
    # and the competing supplier hears of nothing
    assert smtp.to(rival.email) == []
    assert smtp.to(_user(world, "other_buyer").email) == []


def test_a_withdrawn_meeting_is_cancelled_in_both_calendars_with_a_higher_sequence(
    world: World,
    request_: MeetingRequest,
    rival: User,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given: accepted (the withdrawal follows within the same second)
    _accept(world, request_, django_capture_on_commit_callbacks)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        request_withdraw(user=_user(world, "supplier"), request=request_)
    # then: each side's second calendar cancels the first's event
    for role in ("supplier", "buyer"):
        accepted, withdrawn = _calendars(smtp, _user(world, role).email)
        assert (accepted["METHOD"], withdrawn["METHOD"]) == ("REQUEST", "CANCEL")
        was, now = _event(accepted), _event(withdrawn)
        assert now["UID"] == was["UID"] == _uid(request_)
        assert int(now["SEQUENCE"]) > int(was["SEQUENCE"])
        assert str(now["STATUS"]) == "CANCELLED"
        assert now.decoded("DTSTART") == _tuesday(10)
    buyer_mail = smtp.to(_user(world, "buyer").email)[-1]
    assert buyer_mail["Subject"].strip() == (
        f"Helsetek AS trakk tilbake møteforespørselen sin om «{world.need.title}»"
    )
    assert smtp.to(rival.email) == []


def test_a_request_withdrawn_before_it_was_accepted_carries_no_calendar(
    world: World,
    request_: MeetingRequest,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        request_withdraw(user=_user(world, "supplier"), request=request_)
    # then: the buyer hears of it, without a calendar; the supplier is sent nothing
    assert len(smtp.to(_user(world, "buyer").email)) == 1
    assert _calendars(smtp, _user(world, "buyer").email) == []
    assert smtp.to(_user(world, "supplier").email) == []


def _cancel(user: User | None, request: MeetingRequest, **body: Any) -> Any:
    return client_of(user).post(f"/api/meeting-requests/{request.pk}/cancel/", body)


def test_the_buyer_cancels_an_accepted_meeting_and_the_supplier_hears_why(
    world: World,
    request_: MeetingRequest,
    rival: User,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    _accept(world, request_, django_capture_on_commit_callbacks)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(_user(world, "buyer"), request_, reason=f"  {REASON} ")
    # then: cancelled with the reason; the supplier's e-mail says why and cancels the event
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert (data["status"], data["status_label"]) == ("cancelled", "Avlyst av kjøperen")
    assert data["cancellation_reason"] == REASON
    mail = smtp.to(_user(world, "supplier").email)[-1]
    assert mail["Subject"].strip().startswith("Bergen kommune har avlyst møtet deres ")
    assert f"Begrunnelse: {REASON}" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    for role in ("supplier", "buyer"):
        accepted, cancelled = _calendars(smtp, _user(world, role).email)
        assert cancelled["METHOD"] == "CANCEL"
        assert _event(cancelled)["UID"] == _event(accepted)["UID"] == _uid(request_)
        assert int(_event(cancelled)["SEQUENCE"]) > int(_event(accepted)["SEQUENCE"])
    # and the competitor hears nothing; its week has room again
    assert smtp.to(rival.email) == []
    week = client_of(rival).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/").json()["weeks"]
    assert week[1]["taken"] == 1  # the rival's own waiting request only


@pytest.mark.parametrize(
    ("role", "status"),
    [("supplier", 403), ("advisor", 403), ("other_buyer", 404), ("visitor", 403)],
)
def test_only_the_buyer_cancels_a_meeting_and_nothing_changes_for_anyone_else(
    world: World,
    request_: MeetingRequest,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    role: str,
    status: int,
) -> None:
    # given
    _accept(world, request_, django_capture_on_commit_callbacks)
    before, sent = db_state(), len(smtp.received)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _cancel(world.users[role], request_, reason=REASON)
    # then
    assert answer.status_code == status
    assert db_state() == before
    assert len(smtp.received) == sent


def test_a_competitor_cannot_see_or_cancel_another_suppliers_meeting(
    world: World,
    request_: MeetingRequest,
    rival: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _accept(world, request_, django_capture_on_commit_callbacks)
    before = db_state()
    assert _cancel(rival, request_).status_code == 404
    assert db_state() == before


def test_a_waiting_request_a_started_meeting_and_a_too_long_reason_are_refused(
    world: World,
    request_: MeetingRequest,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    buyer = _user(world, "buyer")
    before = db_state()
    # a request still waiting for an answer
    waiting = _cancel(buyer, request_)
    assert waiting.status_code == 400
    assert waiting.json() == {
        "non_field_errors": [
            "Bare et godtatt møte kan avlyses (denne forespørselen: venter på svar)."
        ]
    }
    assert db_state() == before
    # a reason over the limit
    _accept(world, request_, django_capture_on_commit_callbacks)
    before, sent = db_state(), len(smtp.received)
    too_long = _cancel(buyer, request_, reason="x" * 1001)
    assert too_long.status_code == 400
    assert list(too_long.json()) == ["reason"]
    assert db_state() == before
    # a meeting that has started
    MeetingRequest.objects.filter(pk=request_.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5)
    )
    before = db_state()
    started = _cancel(buyer, request_)
    assert started.status_code == 400
    assert started.json() == {"non_field_errors": ["Møtet har startet og kan ikke lenger avlyses."]}
    assert db_state() == before
    assert len(smtp.received) == sent


def test_a_reason_quoting_a_business_secret_is_refused(
    world: World,
    request_: MeetingRequest,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given: a rival's response to the need marks its pricing as a business secret
    secret = "Lisensprisen er 41 kroner per beboer per måned i fem år"
    ResponseFactory(
        need=world.need,
        organization=OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier"),
        sections=[{"text": secret, "business_secret": True, "reason": "Prisstrategi"}],
    )
    _accept(world, request_, django_capture_on_commit_callbacks)
    before, sent = db_state(), len(smtp.received)
    # when
    answer = _cancel(_user(world, "buyer"), request_, reason=f"Vi har fått et tilbud: {secret}.")
    # then
    assert answer.status_code == 400
    [message] = answer.json()["reason"]
    assert message.startswith(
        "Dette siterer det Omsorgsteknikk AS har merket som forretningshemmelighet"
    )
    assert db_state() == before
    assert len(smtp.received) == sent
