"""Reminders from Celery beat, run for a given clock time: booking closing (to registered
suppliers that may still book), the conference the day before (host and registered
suppliers), each booked 1:1 meeting the day before (both sides, each told of the other).
Never twice; again when the time moves; never for what has passed."""

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from backend.accounts.models import Organization, User
from backend.notifications.models import Notification, NotificationKind
from backend.notifications.tasks import notifications_reminders_task
from tests.backend.conftest import World
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SlotFactory,
    oslo_time,
)


@pytest.fixture
def rival(world: World) -> User:
    org = OrganizationFactory(name="Konkurrent AS", kind=Organization.Kind.SUPPLIER)
    RegistrationFactory(conference=world.conference, organization=org)
    user: User = MembershipFactory(organization=org).user
    return user


def _run(at: Any) -> int:
    return int(notifications_reminders_task(now=at.isoformat()))


def _kinds(user: User | None) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_registered_suppliers_that_may_still_book_are_reminded_before_booking_closes(
    world: World, rival: User
) -> None:
    # given: the supplier has booked its one meeting, the rival none; a slot is still free
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    world.slot.booked_by = world.supplier_org
    world.slot.save()
    SlotFactory(conference=world.conference)
    deadline = world.conference.registration_deadline
    # when: beat runs three days, then a day, before the deadline, and again
    early = _run(deadline - timedelta(days=3))
    due = _run(deadline - timedelta(days=1))
    again = _run(deadline - timedelta(hours=23))
    # then: the rival only, once
    assert (early, due, again) == (0, 1, 0)
    assert _kinds(rival) == [NotificationKind.BOOKING_CLOSES_REMINDER]
    assert _kinds(world.users["supplier"]) == []
    notice = Notification.objects.get(user=rival)
    assert "0 av 1 mulige 1:1-møter" in notice.body


def test_the_day_before_the_host_and_every_registered_supplier_are_reminded_once(
    world: World, rival: User
) -> None:
    # given
    starts = world.conference.starts_at
    # when
    sent = _run(starts - timedelta(hours=20))
    again = _run(starts - timedelta(hours=19))
    # then
    assert (sent, again) == (1, 0)
    for user in (world.users["buyer"], rival):
        assert _kinds(user) == [NotificationKind.CONFERENCE_REMINDER]
    assert _kinds(world.users["other_buyer"]) == []
    assert Notification.objects.get(user=rival).title == f"I morgen: {world.conference.title}"


def test_a_conference_late_in_the_evening_is_reminded_of_as_today(
    world: World, rival: User
) -> None:
    # given: the conference starts at 23:30 Norwegian time; beat's hourly run (at :05) first
    # finds it within 24 hours at 00:05, on the day itself
    day = timezone.localdate(world.conference.starts_at)
    world.conference.starts_at = oslo_time(day, hour=23) + timedelta(minutes=30)
    world.conference.ends_at = world.conference.starts_at + timedelta(hours=2)
    world.conference.save()
    # when: beat runs at 23:05 the evening before, and at 00:05
    evening = _run(oslo_time(day - timedelta(days=1), hour=23) + timedelta(minutes=5))
    night = _run(oslo_time(day, hour=0) + timedelta(minutes=5))
    # then: not "tomorrow", which would be the day after
    assert (evening, night) == (0, 1)
    assert Notification.objects.get(user=rival).title == f"I dag: {world.conference.title}"


def test_a_moved_conference_is_reminded_of_again_and_a_past_one_never(
    world: World, rival: User
) -> None:
    # given: reminded, then moved a day later
    first = world.conference.starts_at
    _run(first - timedelta(hours=20))
    world.conference.starts_at = first + timedelta(days=1)
    world.conference.ends_at += timedelta(days=1)
    world.conference.save()
    # when
    after_it = _run(first + timedelta(days=2))
    moved = _run(first + timedelta(hours=4))
    # then
    assert (after_it, moved) == (0, 1)
    assert _kinds(rival) == [NotificationKind.CONFERENCE_REMINDER] * 2


def test_both_sides_of_a_booked_meeting_are_reminded_each_of_the_other(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the rival booked the meeting
    world.slot.booked_by = rival.memberships.get().organization
    world.slot.save()
    # when: beat runs after the conference's own reminder window, the day before the meeting
    with django_capture_on_commit_callbacks(execute=True):
        sent = _run(world.slot.starts_at - timedelta(hours=2))
    # then: the supplier is told it meets the buyer, the buyer which supplier; nobody else
    assert sent == 2
    to_rival = Notification.objects.get(user=rival, kind=NotificationKind.MEETING_REMINDER)
    to_buyer = Notification.objects.get(
        user=world.users["buyer"], kind=NotificationKind.MEETING_REMINDER
    )
    assert world.buyer_org.name in to_rival.title
    assert "Konkurrent AS" in to_buyer.title
    assert NotificationKind.MEETING_REMINDER not in _kinds(world.users["supplier"])


def test_beat_runs_the_reminders_every_hour() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-reminders"]
    assert entry["task"] == notifications_reminders_task.name
    assert entry["schedule"].minute == {5}
