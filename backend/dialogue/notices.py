"""What the dialogue tells suppliers when the host changes their plans: a booked 1:1 meeting
moved, deleted or cancelled by the host, a conference cancelled. Every notice links to the
conference's page in the app (/conferences/{id}); each person hears once."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.dialogue.rules import slot_when
from backend.matches.notifications import notifications_send


def conference_link(conference: DialogueConference) -> str:
    """The conference's page in the app (frontend/src/app/router.tsx: conferences/:id)."""
    return f"/conferences/{conference.pk}"


def _members(organization_ids: Iterable[int]) -> QuerySet[User]:
    return User.objects.filter(memberships__organization_id__in=list(organization_ids)).distinct()


def _rebook_hint(conference: DialogueConference) -> str:
    if timezone.now() < conference.registration_deadline:
        return _("You may book another free time on the conference page until %(deadline)s.") % {
            "deadline": date_format(
                timezone.localtime(conference.registration_deadline), "SHORT_DATETIME_FORMAT"
            )
        }
    return _("Booking has closed: contact %(host)s if you still need a meeting.") % {
        "host": conference.organization.name
    }


def booked_meeting_moved(*, slot: MeetingSlot, was: str) -> None:
    """The booker of `slot` hears that the host moved it from `was` (slot_when) to its time
    now. The booking moves with the meeting."""
    conference = slot.conference
    when = slot_when(slot.starts_at, slot.ends_at)
    notifications_send(
        users=_members([slot.booked_by_id] if slot.booked_by_id else []),
        title=_("Your 1:1 meeting at “%(conference)s” has moved to %(when)s")
        % {"conference": conference.title, "when": when},
        body=_(
            "%(host)s has moved the 1:1 meeting your organisation booked from %(was)s to "
            "%(when)s. Your booking moves with it. If the new time does not suit you, cancel "
            "the booking on the conference page."
        )
        % {"host": conference.organization.name, "was": was, "when": when}
        + " "
        + _rebook_hint(conference),
        link=conference_link(conference),
    )


def booked_meeting_cancelled(*, slot: MeetingSlot, organization_id: int) -> None:
    """The booker hears that the host deleted the meeting or cancelled its booking: the
    time is no longer theirs, and its place in their limit is free again."""
    conference = slot.conference
    when = slot_when(slot.starts_at, slot.ends_at)
    notifications_send(
        users=_members([organization_id]),
        title=_("Your 1:1 meeting at “%(conference)s” %(when)s is cancelled")
        % {"conference": conference.title, "when": when},
        body=_("%(host)s has cancelled the 1:1 meeting %(when)s that your organisation booked.")
        % {"host": conference.organization.name, "when": when}
        + " "
        + _rebook_hint(conference),
        link=conference_link(conference),
    )


def conference_cancelled(
    *, conference: DialogueConference, registered: Iterable[int], booked: dict[int, list[str]]
) -> None:
    """Every member of every registered organisation hears of the cancellation and its
    reason; an organisation that had booked 1:1 meetings hears that they are cancelled too
    (`booked`: the times by organisation id). No one hears of another's bookings."""
    title = _("Cancelled: %(conference)s") % {"conference": conference.title}
    body = _("%(host)s has cancelled the dialogue conference “%(conference)s” (%(when)s).") % {
        "host": conference.organization.name,
        "conference": conference.title,
        "when": date_format(timezone.localtime(conference.starts_at), "SHORT_DATETIME_FORMAT"),
    }
    body += "\n\n" + _("Reason: %(reason)s") % {"reason": conference.cancellation_reason}
    for organization_id in sorted(set(registered)):
        text = body
        if booked.get(organization_id):
            text += "\n\n" + _("Your booked 1:1 meetings are cancelled too: %(times)s.") % {
                "times": ", ".join(booked[organization_id])
            }
        notifications_send(
            users=_members([organization_id]),
            title=title,
            body=text,
            link=conference_link(conference),
        )
