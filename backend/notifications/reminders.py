"""Reminders, from Celery beat (``notifications.reminders``, hourly): booking closing at a
conference's registration deadline (to registered suppliers that may still book), the
conference the day before (host and registered suppliers), each booked 1:1 meeting and each
accepted meeting of a need's ongoing dialogue the day before (both sides).

Each reminder is recorded with what it was about and its time (``Reminder``, unique), in
the same transaction as its notifications: beat running again, or two runs at once, send
none twice; a conference or meeting moved to another time is reminded of again. A time that
has passed is not reminded of, nor a meeting cancelled or withdrawn before its reminder."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.models import DialogueConference, MeetingRequest, MeetingSlot
from backend.dialogue.ongoing_selectors import request_meeting_times
from backend.notifications import messages as m
from backend.notifications import recipients
from backend.notifications.models import NotificationKind, Reminder
from backend.notifications.services import notification_send

#: How long before the time each reminder is sent.
LEADS = {
    NotificationKind.BOOKING_CLOSES_REMINDER: timedelta(hours=48),
    NotificationKind.CONFERENCE_REMINDER: timedelta(hours=24),
    NotificationKind.MEETING_REMINDER: timedelta(hours=24),
}


def _remind_once(*, key: str, message: m.Message, users: list[User]) -> int:
    """Record the reminder and send it in one transaction; 0 if it was sent before."""
    try:
        with transaction.atomic():
            Reminder.objects.create(kind=message.kind, key=key)
            notification_send(message=message, users=users)
    except IntegrityError:
        return 0
    return 1


def _announced(kind: NotificationKind, now: datetime, field: str) -> QuerySet[DialogueConference]:
    """Announced conferences whose ``field`` lies within the kind's lead from now."""
    window = {f"{field}__gt": now, f"{field}__lte": now + LEADS[kind]}
    return DialogueConference.objects.filter(
        status=DialogueConference.Status.PUBLISHED, **window
    ).select_related("organization")


def _booking_closes(now: datetime) -> int:
    kind = NotificationKind.BOOKING_CLOSES_REMINDER
    conferences = _announced(kind, now, "registration_deadline").annotate(
        free=Count("slots", filter=Q(slots__booked_by__isnull=True))
    )
    sent = 0
    for conference in conferences.filter(free__gt=0):
        booked = dict(
            conference.slots.filter(booked_by__isnull=False)
            .values("booked_by_id")
            .annotate(n=Count("pk"))
            .values_list("booked_by_id", "n")
        )
        allowed = conference.max_slots_per_supplier
        for org_id in conference.registrations.values_list("organization_id", flat=True):
            if booked.get(org_id, 0) >= allowed:
                continue
            deadline = m.stamp(conference.registration_deadline)
            sent += _remind_once(
                key=f"conference:{conference.pk}:{deadline}:org:{org_id}",
                message=m.BookingClosesReminder(
                    conference_id=conference.pk,
                    conference=conference.title,
                    deadline=deadline,
                    booked=booked.get(org_id, 0),
                    allowed=allowed,
                ),
                users=recipients.organization_members(organization_ids=[org_id]),
            )
    return sent


def _conferences(now: datetime) -> int:
    sent = 0
    for conference in _announced(NotificationKind.CONFERENCE_REMINDER, now, "starts_at"):
        starts = m.stamp(conference.starts_at)
        sent += _remind_once(
            key=f"conference:{conference.pk}:{starts}",
            message=m.ConferenceReminder(
                conference_id=conference.pk,
                conference=conference.title,
                starts_at=starts,
                place=conference.location or conference.stream_url,
                # "Tomorrow" unless the 24 hours reached it after midnight (Norwegian time).
                today=timezone.localdate(conference.starts_at) == timezone.localdate(now),
            ),
            users=[
                *recipients.conference_hosts(conference=conference),
                *recipients.registered_suppliers(conference=conference),
            ],
        )
    return sent


def _meeting(slot: MeetingSlot, *, party: str) -> m.MeetingReminder:
    return m.MeetingReminder(
        conference_id=slot.conference_id,
        conference=slot.conference.title,
        party=party,
        starts_at=m.stamp(slot.starts_at),
        ends_at=m.stamp(slot.ends_at),
    )


def _meetings(now: datetime) -> int:
    slots = MeetingSlot.objects.filter(
        booked_by__isnull=False,
        conference__status=DialogueConference.Status.PUBLISHED,
        starts_at__gt=now,
        starts_at__lte=now + LEADS[NotificationKind.MEETING_REMINDER],
    ).select_related("conference__organization", "booked_by")
    sent = 0
    for slot in slots:
        booker, host = slot.booked_by, slot.conference.organization
        if booker is None:  # the query asks for booked ones only
            continue
        key = f"slot:{slot.pk}:{m.stamp(slot.starts_at)}:{booker.pk}"
        # The supplier is told who it meets; the host, which supplier booked (it sees that).
        sent += _remind_once(
            key=f"{key}:supplier",
            message=_meeting(slot, party=host.name),
            users=recipients.organization_members(organization_ids=[booker.pk]),
        )
        sent += _remind_once(
            key=f"{key}:host",
            message=_meeting(slot, party=booker.name),
            users=recipients.conference_hosts(conference=slot.conference),
        )
    return sent


def _ongoing_meeting(
    request: MeetingRequest, *, times: tuple[datetime, datetime], party: str
) -> m.MeetingReminder:
    need = request.dialogue.need
    return m.MeetingReminder(
        need_id=need.pk,
        need=need.title,
        party=party,
        starts_at=m.stamp(times[0]),
        ends_at=m.stamp(times[1]),
        place=request.place,
    )


def _ongoing_meetings(now: datetime) -> int:
    """Accepted meetings of needs' ongoing dialogue (a withdrawn or cancelled one is no
    longer accepted: it is not reminded of)."""
    requests = MeetingRequest.objects.filter(
        status=MeetingRequest.Status.ACCEPTED,
        starts_at__gt=now,
        starts_at__lte=now + LEADS[NotificationKind.MEETING_REMINDER],
    ).select_related("dialogue__need__organization", "organization")
    sent = 0
    for request in requests:
        times = request_meeting_times(request)
        if times is None:  # the query asks for accepted ones, which have their time
            continue
        supplier, host = request.organization, request.dialogue.need.organization
        key = f"request:{request.pk}:{m.stamp(times[0])}"
        # Each side is told who it meets.
        sent += _remind_once(
            key=f"{key}:supplier",
            message=_ongoing_meeting(request, times=times, party=host.name),
            users=recipients.organization_members(organization_ids=[supplier.pk]),
        )
        sent += _remind_once(
            key=f"{key}:host",
            message=_ongoing_meeting(request, times=times, party=supplier.name),
            users=recipients.organization_members(organization_ids=[host.pk]),
        )
    return sent


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders due at ``now`` (default: now). Returns how many were sent."""
    now = now or timezone.now()
    return _booking_closes(now) + _conferences(now) + _meetings(now) + _ongoing_meetings(now)
