"""Writes of a need's ongoing dialogue (løpende dialog): the buyer opens it with a weekly
capacity, suppliers ask for a meeting in a week with room, and the buyer accepts with a time
or declines with a standard reply; a supplier may withdraw. Both sides are told.

Every request is answered by the same rules (equal treatment): the capacity is per ISO week
for everyone, a supplier has one request waiting at a time, and a refusal is one of the
standard replies, never a text of its own. Advisors read; the buyer decides. An accepted
meeting the buyer cannot hold it cancels (saying why, if it will); both sides' calendars drop
it, as they do when the supplier withdraws.
"""

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member
from backend.common.services import model_update
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.ongoing_rules import check_capacity, check_meeting_time, check_week
from backend.dialogue.ongoing_selectors import request_meeting_times
from backend.needs.models import Need
from backend.notifications import news
from backend.reference.vocabularies import DIALOGUE_STAGES
from backend.responses.secrets import check_free_of_business_secrets

SETTINGS = ("weekly_capacity", "meeting_minutes", "place", "topics")


def _check_buyer(*, user: User, need: Need) -> None:
    check_member(
        user=user,
        organization=need.organization,
        kind=Organization.Kind.PUBLIC_BUYER,
        act=Act.ANNOUNCE_CONFERENCE,
    )


def _check_dialogue_stage(need: Need) -> None:
    if need.status != Need.Status.PUBLISHED:
        raise ValidationError(_("Ongoing dialogue is for a published need."))
    if need.stage not in DIALOGUE_STAGES:
        raise ValidationError(_("The competition has been announced; the dialogue is closed."))


def _clean_settings(data: dict[str, Any], *, need: Need) -> dict[str, Any]:
    cleaned = dict(data)
    for field in ("place", "topics"):
        if field in cleaned:
            cleaned[field] = cleaned[field].strip()
    if "place" in cleaned and not cleaned["place"]:
        raise ValidationError({"place": [_("Say where the meetings are held (or how).")]})
    texts: dict[str, str] = {f: cleaned[f] for f in ("place", "topics") if f in cleaned}
    check_free_of_business_secrets(texts=texts, need_ids=[need.pk])
    return cleaned


@transaction.atomic
def ongoing_open(*, user: User, need: Need, data: dict[str, Any]) -> OngoingDialogue:
    """Open the need's ongoing dialogue (again, with new settings, if it was closed)."""
    _check_buyer(user=user, need=need)
    _check_dialogue_stage(need)
    cleaned = _clean_settings(data, need=need)
    dialogue = OngoingDialogue.objects.select_for_update().filter(need=need).first()
    if dialogue is not None and dialogue.status == OngoingDialogue.Status.OPEN:
        raise ValidationError(_("The ongoing dialogue on this need is open already."))
    dialogue = dialogue or OngoingDialogue(need=need)
    for field in SETTINGS:
        if field in cleaned:
            setattr(dialogue, field, cleaned[field])
    dialogue.status, dialogue.opened_by = OngoingDialogue.Status.OPEN, user
    dialogue.opened_at, dialogue.closed_at = timezone.now(), None
    dialogue.full_clean()
    dialogue.save()
    audit_log(actor=user, action=AuditEvent.Action.PUBLISHED, obj=dialogue)
    return dialogue


@transaction.atomic
def ongoing_update(
    *, user: User, dialogue: OngoingDialogue, data: dict[str, Any]
) -> OngoingDialogue:
    """Change the settings of an open ongoing dialogue. A lower capacity lets no new request
    into a week that is fuller; what was accepted stays."""
    _check_buyer(user=user, need=dialogue.need)
    if dialogue.status != OngoingDialogue.Status.OPEN:
        raise ValidationError(_("The ongoing dialogue is closed: open it again to change it."))
    cleaned = _clean_settings(data, need=dialogue.need)
    dialogue, changed = model_update(instance=dialogue, fields=SETTINGS, data=cleaned)
    if changed:
        dialogue.full_clean()
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=dialogue)
    return dialogue


@transaction.atomic
def ongoing_close(*, user: User, dialogue: OngoingDialogue) -> OngoingDialogue:
    """Close the ongoing dialogue: requests waiting for an answer are declined with the
    standard reply for closing (each supplier is told); accepted meetings stay."""
    _check_buyer(user=user, need=dialogue.need)
    locked = OngoingDialogue.objects.select_for_update().get(pk=dialogue.pk)
    if locked.status == OngoingDialogue.Status.CLOSED:
        raise ValidationError(_("The ongoing dialogue is closed already."))
    locked.status, locked.closed_at = OngoingDialogue.Status.CLOSED, timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.CLOSED, obj=locked)
    for request in locked.requests.filter(status=MeetingRequest.Status.PENDING):
        _decline(user=user, request=request, reason=MeetingRequest.DeclineReason.CLOSING)
    return locked


def _check_open(dialogue: OngoingDialogue) -> None:
    if dialogue.status != OngoingDialogue.Status.OPEN:
        raise ValidationError(_("The buyer has closed the ongoing dialogue on this need."))
    _check_dialogue_stage(dialogue.need)


@transaction.atomic
def request_create(
    *,
    user: User,
    dialogue: OngoingDialogue,
    organization: Organization,
    week: date,
    topic: str,
) -> MeetingRequest:
    """A supplier asks for a meeting in a week with room; the buyer is told. The dialogue's
    row lock lets two requests for the last place in a week be decided one after the other."""
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.SUPPLIER,
        act=Act.JOIN_DIALOGUE,
    )
    locked = OngoingDialogue.objects.select_for_update().select_related("need").get(pk=dialogue.pk)
    _check_open(locked)
    topic = topic.strip()
    if not topic:
        raise ValidationError({"topic": [_("Say what you want to talk about.")]})
    pending = locked.requests.filter(
        organization=organization, status=MeetingRequest.Status.PENDING
    )
    if pending.exists():
        raise ValidationError(
            _(
                "%(org)s has a request waiting for an answer already: wait for the answer, or "
                "withdraw it first."
            )
            % {"org": organization.name}
        )
    check_week(week)
    check_capacity(locked, week)
    request = MeetingRequest(
        dialogue=locked, organization=organization, requested_by=user, week=week, topic=topic
    )
    request.full_clean()
    request.save()
    audit_log(actor=user, action=AuditEvent.Action.REQUESTED, obj=request)
    news.meeting_requested(request=request)
    return request


def _locked_pending(*, user: User, request: MeetingRequest) -> MeetingRequest:
    _check_buyer(user=user, need=request.dialogue.need)
    OngoingDialogue.objects.select_for_update().get(pk=request.dialogue_id)
    locked = (
        MeetingRequest.objects.select_for_update()
        .select_related("dialogue__need__organization", "organization")
        .get(pk=request.pk)
    )
    if locked.status != MeetingRequest.Status.PENDING:
        raise ValidationError(
            _("This request is answered already (%(status)s).")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


@transaction.atomic
def request_accept(
    *,
    user: User,
    request: MeetingRequest,
    starts_at: datetime,
    ends_at: datetime | None = None,
    place: str = "",
) -> MeetingRequest:
    """The buyer accepts with a time (in any week with room; the length of the dialogue's
    meetings if no end is given) and a place (the dialogue's if none); the supplier is told."""
    locked = _locked_pending(user=user, request=request)
    dialogue = locked.dialogue
    _check_open(dialogue)
    ends = ends_at or starts_at + timedelta(minutes=dialogue.meeting_minutes)
    check_meeting_time(dialogue, locked, starts_at=starts_at, ends_at=ends)
    locked.status, locked.starts_at, locked.ends_at = (
        MeetingRequest.Status.ACCEPTED,
        starts_at,
        ends,
    )
    locked.place = place.strip() or dialogue.place
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.full_clean()
    locked.save()
    audit_log(actor=user, action=AuditEvent.Action.APPROVED, obj=locked)
    news.meeting_request_accepted(request=locked, starts_at=starts_at, ends_at=ends)
    return locked


def _decline(*, user: User, request: MeetingRequest, reason: str) -> None:
    request.status, request.decline_reason = MeetingRequest.Status.DECLINED, reason
    request.decided_by, request.decided_at = user, timezone.now()
    request.save(
        update_fields=["status", "decline_reason", "decided_by", "decided_at", "updated_at"]
    )
    audit_log(actor=user, action=AuditEvent.Action.DECLINED, obj=request, data={"reason": reason})
    news.meeting_request_declined(request=request)


@transaction.atomic
def request_decline(*, user: User, request: MeetingRequest, reason: str) -> MeetingRequest:
    """The buyer declines with one of the standard replies (no text of its own: every
    supplier declined for a reason hears the same); the supplier is told."""
    locked = _locked_pending(user=user, request=request)
    if reason not in MeetingRequest.DeclineReason.values:
        raise ValidationError({"reason": [_("Choose one of the standard replies.")]})
    _decline(user=user, request=locked, reason=reason)
    return locked


@transaction.atomic
def request_withdraw(*, user: User, request: MeetingRequest) -> MeetingRequest:
    """The supplier withdraws a request waiting for an answer, or an accepted meeting that
    has not started (its place in the week is free again); the buyer is told."""
    check_member(user=user, organization=request.organization)
    locked = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status not in MeetingRequest.HOLDING:
        raise ValidationError(
            _("This request is %(status)s: there is nothing to withdraw.")
            % {"status": locked.get_status_display().lower()}
        )
    if locked.starts_at is not None and locked.starts_at <= timezone.now():
        raise ValidationError(_("The meeting has started: it can no longer be withdrawn."))
    was_accepted = locked.status == MeetingRequest.Status.ACCEPTED
    locked.status, locked.withdrawn_at = MeetingRequest.Status.WITHDRAWN, timezone.now()
    locked.save(update_fields=["status", "withdrawn_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.WITHDRAWN, obj=locked)
    news.meeting_request_withdrawn(request=locked, was_accepted=was_accepted)
    return locked


@transaction.atomic
def request_cancel(*, user: User, request: MeetingRequest, reason: str = "") -> MeetingRequest:
    """The buyer cancels an accepted meeting that has not started, saying why if it will
    (the supplier is told, with the reason; its place in the week is free again). Closing the
    dialogue keeps accepted meetings: this is how one is called off."""
    _check_buyer(user=user, need=request.dialogue.need)
    locked = (
        MeetingRequest.objects.select_for_update()
        .select_related("dialogue__need__organization", "organization")
        .get(pk=request.pk)
    )
    times = request_meeting_times(locked)
    if locked.status != MeetingRequest.Status.ACCEPTED or times is None:
        raise ValidationError(
            _("Only an accepted meeting can be cancelled (this request: %(status)s).")
            % {"status": locked.get_status_display().lower()}
        )
    if times[0] <= timezone.now():
        raise ValidationError(_("The meeting has started: it can no longer be cancelled."))
    reason = reason.strip()
    check_free_of_business_secrets(texts={"reason": reason}, need_ids=[locked.dialogue.need_id])
    locked.status, locked.cancelled_at = MeetingRequest.Status.CANCELLED, timezone.now()
    locked.cancellation_reason = reason
    locked.full_clean()
    locked.save(update_fields=["status", "cancelled_at", "cancellation_reason", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.CANCELLED, obj=locked, data={"reason": reason})
    news.meeting_request_cancelled(request=locked, times=times, reason=reason)
    return locked
