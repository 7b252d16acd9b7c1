"""What the dialogue tells suppliers when the host changes their plans: a booked 1:1 meeting
moved, deleted or cancelled by the host, a conference cancelled. Each is a typed message of
backend.notifications (texts in the recipient's language, linking to the conference's page
/conferences/{id}); each person hears once."""

from collections.abc import Iterable
from datetime import datetime

from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
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


def _meeting_place(minutes: MeetingMinutes) -> tuple[int, int, str]:
    """The conference id, meeting id and the dialogue's name of the minutes' meeting."""
    slot = minutes.slot
    if slot is None:
        return 0, 0, ""
    return slot.conference_id, slot.pk, slot.conference.title


def minutes_sent(*, minutes: MeetingMinutes, revised: bool) -> None:
    """The supplier the meeting was with hears that its minutes were sent (or revised)."""
    conference_id, meeting_id, dialogue = _meeting_place(minutes)
    notification_send(
        message=m.MinutesSent(
            conference_id=conference_id,
            meeting_id=meeting_id,
            dialogue=dialogue,
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
    conference_id, meeting_id, dialogue = _meeting_place(minutes)
    notification_send(
        message=m.MinutesCommented(
            conference_id=conference_id,
            meeting_id=meeting_id,
            dialogue=dialogue,
            supplier=comment.organization.name,
            starts_at=m.stamp(minutes.meeting_starts_at),
            ends_at=m.stamp(minutes.meeting_ends_at),
        ),
        users=recipients.organization_members(organization_ids=[minutes.host_id]),
    )
