"""Writes of the equal-treatment record: the minutes of a held 1:1 meeting (the buyer writes
and sends them, the supplier comments), and what the buyer shared in a meeting, published to
every supplier taking part in the dialogue. None of them may quote what a supplier marked as
a business secret in its response (backend.responses.secrets).

Only the buyer that held a meeting writes its record: advisors read it, they do not write in
another organisation's procurement. A record is of a meeting that has started: before that
there is nothing to record.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_can_act, check_member
from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
    MeetingRequest,
    MeetingSlot,
    MinutesComment,
    SharedInformation,
)
from backend.dialogue.record_selectors import Meeting
from backend.dialogue.rules import slot_when
from backend.notifications import news
from backend.responses.secrets import check_free_of_business_secrets


def _check_host(*, user: User, host: Organization) -> None:
    check_can_act(user=user)
    try:
        check_member(user=user, organization=host)
    except PermissionDenied:
        raise PermissionDenied(
            _(
                "Only %(host)s, which held the meeting, writes its minutes and what was "
                "shared in it."
            )
            % {"host": host.name}
        ) from None


def _check_held(meeting: Meeting) -> None:
    if meeting.supplier is None:
        raise ValidationError(_("Nobody booked this meeting: there is nothing to record."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(
            _("The meeting %(when)s has not been held yet: its record is written afterwards.")
            % {"when": slot_when(meeting.starts_at, meeting.ends_at)}
        )


def _minutes_for(meeting: Meeting, *, user: User) -> MeetingMinutes:
    """The meeting's minutes, locked, or new ones (unsaved). The meeting's row lock makes two
    first writes of one meeting's minutes serialise: the second finds the first's."""
    if meeting.slot is not None:
        MeetingSlot.objects.select_for_update().filter(pk=meeting.slot.pk).exists()
        found = MeetingMinutes.objects.select_for_update().filter(slot=meeting.slot).first()
    else:
        MeetingRequest.objects.select_for_update().filter(pk=meeting.pk).exists()
        found = MeetingMinutes.objects.select_for_update().filter(request_id=meeting.pk).first()
    if found is not None:
        return found
    assert meeting.supplier is not None  # _check_held
    return MeetingMinutes(
        slot=meeting.slot,
        request=meeting.request,
        host=meeting.host,
        supplier=meeting.supplier,
        meeting_starts_at=meeting.starts_at,
        meeting_ends_at=meeting.ends_at,
        written_by=user,
    )


@transaction.atomic
def minutes_save(*, user: User, meeting: Meeting, text: str, send: bool) -> MeetingMinutes:
    """Write the minutes of a held meeting (a draft only the buyer reads), and with `send`
    send them to the supplier, who is told (again, when they are revised after sending)."""
    _check_host(user=user, host=meeting.host)
    _check_held(meeting)
    text = text.strip()
    if send and not text:
        raise ValidationError({"text": [_("Write the minutes before sending them.")]})
    check_free_of_business_secrets(texts={"text": text}, need_ids=meeting.need_ids)
    minutes = _minutes_for(meeting, user=user)
    revised = minutes.sent_at is not None
    if minutes.pk is not None and minutes.text == text and not send:
        return minutes
    minutes.text, minutes.written_by = text, user
    if send:
        minutes.sent_at = timezone.now()
    minutes.full_clean()
    minutes.save()
    audit_log(
        actor=user,
        action=AuditEvent.Action.PUBLISHED if send else AuditEvent.Action.CHANGED,
        obj=minutes,
    )
    if send:
        news.minutes_sent(minutes=minutes, revised=revised)
    return minutes


@transaction.atomic
def minutes_comment(*, user: User, meeting: Meeting, text: str) -> MinutesComment:
    """The supplier the meeting was with comments on the minutes it was sent; the buyer is
    told."""
    supplier = meeting.supplier
    if supplier is None:
        raise ValidationError(_("Nobody booked this meeting: there is nothing to record."))
    check_member(user=user, organization=supplier, act=Act.JOIN_DIALOGUE)
    if meeting.minutes is None or meeting.minutes.sent_at is None:
        raise ValidationError(_("The buyer has not sent the minutes of this meeting yet."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": [_("Write a comment.")]})
    check_free_of_business_secrets(
        texts={"text": text}, need_ids=meeting.need_ids, organization_ids=[supplier.pk]
    )
    comment = MinutesComment(minutes=meeting.minutes, organization=supplier, author=user, text=text)
    comment.full_clean()
    comment.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=comment)
    news.minutes_commented(comment=comment)
    return comment


def _check_document(*, kind: str, document_title: str, document_url: str) -> None:
    if kind == SharedInformation.Kind.DOCUMENT and not (document_title or document_url):
        raise ValidationError({"document_title": [_("Name the document or give a link to it.")]})


def _shared_create(
    *,
    user: User,
    item: SharedInformation,
    need_ids: tuple[int, ...],
) -> SharedInformation:
    item.text = item.text.strip()
    item.document_title = item.document_title.strip()
    if not item.text:
        raise ValidationError({"text": [_("Write what was shared.")]})
    _check_document(
        kind=item.kind, document_title=item.document_title, document_url=item.document_url
    )
    check_free_of_business_secrets(
        texts={"text": item.text, "document_title": item.document_title}, need_ids=need_ids
    )
    item.published_by = user
    item.full_clean()
    item.save()
    audit_log(actor=user, action=AuditEvent.Action.PUBLISHED, obj=item)
    news.shared_information_published(item=item, need_ids=need_ids)
    return item


@transaction.atomic
def meeting_share(
    *,
    user: User,
    meeting: Meeting,
    kind: str,
    text: str,
    document_title: str = "",
    document_url: str = "",
) -> SharedInformation:
    """Record what the buyer shared in a held 1:1 meeting and publish it to every supplier
    taking part in the dialogue, without naming the supplier the meeting was with."""
    _check_host(user=user, host=meeting.host)
    _check_held(meeting)
    minutes = _minutes_for(meeting, user=user)
    if minutes.pk is None:
        minutes.save()
    item = SharedInformation(
        conference=meeting.conference,
        need=meeting.need,
        minutes=minutes,
        meeting_type=meeting.meeting_type,
        meeting_at=meeting.starts_at,
        kind=kind,
        text=text,
        document_title=document_title,
        document_url=document_url,
    )
    return _shared_create(user=user, item=item, need_ids=meeting.need_ids)


def _check_conference_held(conference: DialogueConference, now: datetime) -> None:
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference was cancelled: nothing was shared at it."))
    if conference.status != DialogueConference.Status.PUBLISHED:
        raise ValidationError(_("The conference is not announced yet."))
    if conference.starts_at > now:
        raise ValidationError(
            _("The conference has not started yet: what is shared at it is recorded afterwards.")
        )


@transaction.atomic
def conference_share(
    *,
    user: User,
    conference: DialogueConference,
    kind: str,
    text: str,
    document_title: str = "",
    document_url: str = "",
) -> SharedInformation:
    """Record what the buyer shared at the conference itself (a presentation, an answer
    given in the room) and publish it to every supplier taking part in the dialogue."""
    _check_host(user=user, host=conference.organization)
    _check_conference_held(conference, timezone.now())
    item = SharedInformation(
        conference=conference,
        meeting_type=SharedInformation.MeetingType.CONFERENCE,
        meeting_at=conference.starts_at,
        kind=kind,
        text=text,
        document_title=document_title,
        document_url=document_url,
    )
    need_ids = tuple(conference.needs.values_list("pk", flat=True))
    return _shared_create(user=user, item=item, need_ids=need_ids)
