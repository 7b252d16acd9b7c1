"""What the dialogue tells suppliers when the host changes their plans: a booked 1:1 meeting
moved, deleted or cancelled by the host, a conference cancelled. Each is a typed message of
backend.notifications (texts in the recipient's language, linking to the conference's page
/conferences/{id}); each person hears once."""

from collections.abc import Iterable
from datetime import datetime

from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.notifications import news


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
