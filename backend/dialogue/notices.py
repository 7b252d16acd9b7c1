"""What the dialogue tells suppliers when the host changes their plans: a booked 1:1 meeting
moved, deleted or cancelled by the host, a conference cancelled. Each is a typed message of
backend.notifications (texts in the recipient's language, linking to the conference's page
/conferences/{id}); each person hears once."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from backend.accounts.models import User
from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
    MeetingRequest,
    MeetingSlot,
    MinutesComment,
    SharedInformation,
)
from backend.dialogue.record_selectors import dialogue_participant_ids
from backend.needs.models import Need
from backend.notifications import messages as m
from backend.notifications import news, recipients
from backend.notifications.services import notification_send


def booked_meeting_moved(*, slot: MeetingSlot, was: tuple[datetime, datetime]) -> None:
    """The booker of `slot` hears that the host moved it from `was` (start, end) to its time
    now. The booking moves with the meeting."""
    news.meeting_moved(slot, previous=was)


def booked_meeting_cancelled(*, slot: MeetingSlot, organization_id: int) -> None:
    """The booker hears that the host deleted the meeting or cancelled its booking: the
    time is no longer theirs, and its place in their limit is free again."""
    news.meeting_cancelled_by_host(slot, organization_id=organization_id)


def conference_cancelled(
    *,
    conference: DialogueConference,
    registered: Iterable[int],
    booked: dict[int, list[tuple[datetime, datetime]]],
) -> None:
    """Every member of every registered organisation hears of the cancellation and its
    reason; an organisation that had booked 1:1 meetings hears that they are cancelled too
    (`booked`: the start and end of each by organisation id). No one hears of another's
    bookings."""
    news.conference_cancelled(conference, registered=registered, booked=booked)


# ------------------------------------------------------------------ the equal-treatment record


def _dialogue_name(*, conference: DialogueConference | None, need_ids: Iterable[int]) -> str:
    if conference is not None:
        return conference.title
    need = Need.objects.filter(pk__in=list(need_ids)).order_by("pk").first()
    return need.title if need is not None else ""


def shared_information_published(*, item: SharedInformation, need_ids: Iterable[int]) -> None:
    """Every supplier taking part in the dialogue on the needs hears the same (the supplier
    the meeting was with too), without being told who the meeting was with."""
    need_ids = list(need_ids)
    notification_send(
        message=m.SharedInformationPublished(
            conference_id=item.conference_id or 0,
            need_id=item.need_id or (need_ids[0] if need_ids else 0),
            dialogue=_dialogue_name(conference=item.conference, need_ids=need_ids),
            meeting_type=item.meeting_type,
            meeting_at=m.stamp(item.meeting_at),
            what=item.kind,
            text=item.text,
            document_title=item.document_title,
            document_url=item.document_url,
        ),
        users=recipients.organization_members(
            organization_ids=dialogue_participant_ids(need_ids=need_ids)
        ),
    )


@dataclass(frozen=True)
class _Place:
    """Where a meeting of the record is: its conference (a 1:1 meeting there) or its need (a
    meeting of the ongoing dialogue), its id, and the dialogue's name."""

    conference_id: int = 0
    need_id: int = 0
    meeting_id: int = 0
    dialogue: str = ""


def _meeting_place(minutes: MeetingMinutes) -> _Place:
    if minutes.slot is not None:
        slot = minutes.slot
        return _Place(
            conference_id=slot.conference_id, meeting_id=slot.pk, dialogue=slot.conference.title
        )
    if minutes.request is None:
        return _Place()
    need = minutes.request.dialogue.need
    return _Place(need_id=need.pk, meeting_id=minutes.request.pk, dialogue=need.title)


def minutes_sent(*, minutes: MeetingMinutes, revised: bool) -> None:
    """The supplier the meeting was with hears that its minutes were sent (or revised)."""
    place = _meeting_place(minutes)
    notification_send(
        message=m.MinutesSent(
            conference_id=place.conference_id,
            need_id=place.need_id,
            meeting_id=place.meeting_id,
            dialogue=place.dialogue,
            host=minutes.host.name,
            starts_at=m.stamp(minutes.meeting_starts_at),
            ends_at=m.stamp(minutes.meeting_ends_at),
            revised=revised,
        ),
        users=recipients.organization_members(organization_ids=[minutes.supplier_id]),
    )


def minutes_commented(*, comment: MinutesComment) -> None:
    """The buyer that held the meeting hears of the supplier's comment (not its text)."""
    minutes = comment.minutes
    place = _meeting_place(minutes)
    notification_send(
        message=m.MinutesCommented(
            conference_id=place.conference_id,
            need_id=place.need_id,
            meeting_id=place.meeting_id,
            dialogue=place.dialogue,
            supplier=comment.organization.name,
            starts_at=m.stamp(minutes.meeting_starts_at),
            ends_at=m.stamp(minutes.meeting_ends_at),
        ),
        users=recipients.organization_members(organization_ids=[minutes.host_id]),
    )


# ------------------------------------------------------------------------ ongoing dialogue


def _buyers(request: MeetingRequest) -> list[User]:
    return recipients.organization_members(organization_ids=[request.dialogue.need.organization_id])


def _supplier(request: MeetingRequest) -> list[User]:
    return recipients.organization_members(organization_ids=[request.organization_id])


def meeting_requested(*, request: MeetingRequest) -> None:
    """The buyer hears of a supplier's request, with what it wants to talk about."""
    need = request.dialogue.need
    notification_send(
        message=m.MeetingRequested(
            need_id=need.pk,
            need=need.title,
            supplier=request.organization.name,
            week=request.week.isoformat(),
            topic=request.topic,
        ),
        users=_buyers(request),
    )


def meeting_request_accepted(*, request: MeetingRequest) -> None:
    """The supplier hears the time and place of its meeting."""
    need = request.dialogue.need
    assert request.starts_at is not None and request.ends_at is not None
    notification_send(
        message=m.MeetingRequestAccepted(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            starts_at=m.stamp(request.starts_at),
            ends_at=m.stamp(request.ends_at),
            place=request.place,
        ),
        users=_supplier(request),
    )


def meeting_request_declined(*, request: MeetingRequest) -> None:
    """The supplier hears the standard reply for the reason it was declined."""
    need = request.dialogue.need
    notification_send(
        message=m.MeetingRequestDeclined(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            week=request.week.isoformat(),
            reason=request.decline_reason,
        ),
        users=_supplier(request),
    )


def meeting_request_withdrawn(*, request: MeetingRequest, was_accepted: bool) -> None:
    """The buyer hears that a supplier withdrew its request or its accepted meeting."""
    need = request.dialogue.need
    times = (request.starts_at, request.ends_at) if was_accepted else (None, None)
    notification_send(
        message=m.MeetingRequestWithdrawn(
            need_id=need.pk,
            need=need.title,
            supplier=request.organization.name,
            week=request.week.isoformat(),
            starts_at=m.stamp(times[0]) if times[0] else "",
            ends_at=m.stamp(times[1]) if times[1] else "",
        ),
        users=_buyers(request),
    )
