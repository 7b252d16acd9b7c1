"""Reminders of the ongoing dialogue's meetings, from the same Celery beat task as the 1:1
meetings' (MEETING_REMINDER), run for a given clock time: both sides of an accepted meeting
the day before, each told of the other; never twice; never for a meeting withdrawn,
cancelled or past; nobody else hears of it."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.notifications.models import Notification, NotificationKind
from backend.notifications.tasks import notifications_reminders_task
from tests.backend.conftest import World
from tests.factories import (
    MeetingRequestFactory,
    MembershipFactory,
    OngoingDialogueFactory,
    OrganizationFactory,
)

PLACE = "Teams (lenken kommer i innkallingen)"


def _run(at: datetime) -> int:
    return int(notifications_reminders_task(now=at.isoformat()))


def _reminders(user: User | None) -> list[Notification]:
    return list(Notification.objects.filter(user=user, kind=NotificationKind.MEETING_REMINDER))


@pytest.fixture
def starts() -> datetime:
    """Ten days ahead at 10:00, Oslo time."""
    day = timezone.localdate() + timedelta(days=10)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=10))


@pytest.fixture
def rival(world: World) -> User:
    org = OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier")
    user: User = MembershipFactory(organization=org).user
    return user


@pytest.fixture
def meeting(world: World, starts: datetime, rival: User) -> MeetingRequest:
    """Helsetek's accepted meeting with Bergen kommune; the rival's request waits."""
    dialogue: OngoingDialogue = OngoingDialogueFactory(need=world.need)
    MeetingRequestFactory(dialogue=dialogue, organization=rival.memberships.get().organization)
    accepted: MeetingRequest = MeetingRequestFactory(
        dialogue=dialogue,
        organization=world.supplier_org,
        status=MeetingRequest.Status.ACCEPTED,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=45),
        place=PLACE,
        decided_at=timezone.now(),
    )
    return accepted


def test_both_sides_of_an_accepted_meeting_are_reminded_the_day_before_once(
    world: World,
    meeting: MeetingRequest,
    starts: datetime,
    rival: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # when: beat runs two days before, the day before, and an hour later
    with django_capture_on_commit_callbacks(execute=True):
        early = _run(starts - timedelta(hours=48))
        due = _run(starts - timedelta(hours=20))
        again = _run(starts - timedelta(hours=19))
    # then: one reminder to each side, each told of the other, linking to the need
    assert (early, due, again) == (0, 2, 0)
    (to_supplier,) = _reminders(world.users["supplier"])
    (to_buyer,) = _reminders(world.users["buyer"])
    when = f"{timezone.localtime(starts):%d.%m.%Y} 10:00–10:45"
    assert to_supplier.title == f"1:1-møte {when}: Bergen kommune"
    assert to_supplier.body == (
        f"Møtet deres med Bergen kommune i den løpende dialogen om «{world.need.title}» er "
        f"{when}, {PLACE}."
    )
    assert to_buyer.title == f"1:1-møte {when}: Helsetek AS"
    assert to_supplier.link == to_buyer.link == f"/needs/{world.need.pk}"
    # and nobody else
    assert _reminders(rival) == []
    assert _reminders(world.users["other_buyer"]) == []
    assert _reminders(world.users["advisor"]) == []


@pytest.mark.parametrize("status", [MeetingRequest.Status.WITHDRAWN, "cancelled"])
def test_a_meeting_withdrawn_or_cancelled_is_not_reminded_of(
    world: World, meeting: MeetingRequest, starts: datetime, status: str
) -> None:
    # given
    MeetingRequest.objects.filter(pk=meeting.pk).update(status=status)
    # when
    sent = _run(starts - timedelta(hours=20))
    # then
    assert sent == 0
    assert _reminders(world.users["supplier"]) == _reminders(world.users["buyer"]) == []


def test_a_past_meeting_is_never_reminded_of_and_a_moved_one_again(
    world: World, meeting: MeetingRequest, starts: datetime
) -> None:
    # given: reminded, then moved a day later
    _run(starts - timedelta(hours=20))
    MeetingRequest.objects.filter(pk=meeting.pk).update(
        starts_at=starts + timedelta(days=1), ends_at=starts + timedelta(days=1, minutes=45)
    )
    # when
    after_it = _run(starts + timedelta(days=2))
    moved = _run(starts + timedelta(hours=4))
    # then
    assert (after_it, moved) == (0, 2)
    assert len(_reminders(world.users["supplier"])) == 2
