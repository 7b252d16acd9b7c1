"""The host's changes once suppliers may have planned around a conference: moving and
deleting 1:1 meetings, and cancelling the conference. (Beside services.py, which holds
announcing, registering, booking and questions.)

A booked meeting may be moved or deleted: plans change, and a buyer must be able to say so.
A move keeps the booking (the supplier is told the new time and may cancel it); a deletion
ends it (the supplier is told, and its place in the supplier's limit is free again). A
meeting that has started is a record of what was held and stays as it is.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log, audit_log_many
from backend.common.access import check_member_or_advisor
from backend.common.services import status_change
from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.dialogue.rules import (
    check_not_cancelled,
    check_slot_fits,
    check_slot_not_started,
)
from backend.notifications import news
from backend.outbox.entities import Entity


def _locked_for_host(*, user: User, slot: MeetingSlot) -> tuple[DialogueConference, MeetingSlot]:
    """The slot's conference (row lock: one change of its meetings at a time) and the slot,
    for a member of the host or an advisor."""
    conference = (
        DialogueConference.objects.select_for_update()
        .select_related("organization")
        .get(pk=slot.conference_id)
    )
    check_member_or_advisor(user=user, organization=conference.organization)
    locked = MeetingSlot.objects.select_for_update().get(pk=slot.pk)
    locked.conference = conference
    check_not_cancelled(conference)
    check_slot_not_started(locked)
    return conference, locked


@transaction.atomic
def slot_update(
    *, user: User, slot: MeetingSlot, starts_at: datetime, ends_at: datetime
) -> MeetingSlot:
    """Move a 1:1 meeting. A booked one keeps its booking and its booker is told."""
    conference, locked = _locked_for_host(user=user, slot=slot)
    check_slot_fits(conference=conference, starts_at=starts_at, ends_at=ends_at, slot=locked)
    if (locked.starts_at, locked.ends_at) == (starts_at, ends_at):
        return locked
    was = (locked.starts_at, locked.ends_at)
    data = {"from": [locked.starts_at.isoformat(), locked.ends_at.isoformat()]}
    locked.starts_at, locked.ends_at = starts_at, ends_at
    locked.full_clean()
    locked.save(update_fields=["starts_at", "ends_at", "updated_at"])
    data["to"] = [starts_at.isoformat(), ends_at.isoformat()]
    audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=locked, data=data)
    if locked.booked_by_id is not None:
        news.meeting_moved(locked, previous=was)
    return locked


@transaction.atomic
def slot_delete(*, user: User, slot: MeetingSlot) -> None:
    """Delete a 1:1 meeting that has not started. A booked one's booker is told."""
    _conference, locked = _locked_for_host(user=user, slot=slot)
    booker = locked.booked_by_id
    audit_log(
        actor=user,
        action=AuditEvent.Action.DELETED,
        obj=locked,
        data={"starts_at": locked.starts_at.isoformat(), "booked_by": booker},
    )
    if booker is not None:
        news.meeting_cancelled_by_host(locked, organization_id=booker)
    locked.delete()


def _check_cancellable(conference: DialogueConference, reason: str) -> None:
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference is already cancelled."))
    if conference.status != DialogueConference.Status.PUBLISHED:
        raise ValidationError(
            _("Only an announced conference can be cancelled: a draft is seen by no supplier.")
        )
    if conference.ends_at <= timezone.now():
        raise ValidationError(_("The conference has been held and can no longer be cancelled."))
    if not reason:
        raise ValidationError(
            {"reason": [_("Give a reason: the registered suppliers are told why.")]}
        )


@transaction.atomic
def conference_cancel(
    *, user: User, conference: DialogueConference, reason: str
) -> DialogueConference:
    """Cancel an announced conference (its host or an advisor), with a reason shown on its
    page: every registered supplier is told, its 1:1 meetings are freed, and registering,
    booking and asking are refused from then on."""
    check_member_or_advisor(user=user, organization=conference.organization)
    locked = (
        DialogueConference.objects.select_for_update()
        .select_related("organization")
        .get(pk=conference.pk)
    )
    reason = reason.strip()
    _check_cancellable(locked, reason)
    booked_slots = list(locked.slots.filter(booked_by__isnull=False).order_by("starts_at"))
    booked: dict[int, list[tuple[datetime, datetime]]] = {}
    for s in booked_slots:
        booked.setdefault(s.booked_by_id or 0, []).append((s.starts_at, s.ends_at))
    locked.slots.filter(pk__in=[s.pk for s in booked_slots]).update(
        booked_by=None, booked_by_user=None, booked_at=None, updated_at=timezone.now()
    )
    audit_log_many(actor=user, action=AuditEvent.Action.CANCELLED, objs=booked_slots)
    locked.cancellation_reason = reason
    locked.save(update_fields=["cancellation_reason", "updated_at"])
    status_change(
        instance=locked,
        user=user,
        status=DialogueConference.Status.CANCELLED,
        stamp="cancelled_at",
        action=AuditEvent.Action.CANCELLED,
        entity=Entity.CONFERENCE,
        matching=False,
    )
    registered = locked.registrations.values_list("organization_id", flat=True)
    news.conference_cancelled(locked, registered=registered, booked=booked)
    return locked
