"""Time rules of the market dialogue: what lies ahead, when 1:1 meetings are held and when
answers to questions are published."""

from collections.abc import Collection, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.reference.vocabularies import DIALOGUE_STAGES

#: 1:1 meetings are held on the conference day and up to this many days after it.
MEETING_DAYS_AFTER = 14


def past_errors(data: dict[str, Any], *, changed: Collection[str] | None) -> dict[str, list[str]]:
    """A new or moved start or registration deadline lies ahead (`changed` None: all new)."""
    now = timezone.now()
    rules = (
        ("starts_at", _("The conference must start in the future.")),
        ("registration_deadline", _("The registration deadline must be in the future.")),
    )
    return {
        field: [message]
        for field, message in rules
        if data.get(field) is not None
        and data[field] < now
        and (changed is None or field in changed)
    }


def _when(value: datetime) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def slot_when(starts_at: datetime, ends_at: datetime) -> str:
    """A meeting's time as people write it: "12.05.2026 10:00–10:45" (local time)."""
    return f"{_when(starts_at)}–{date_format(timezone.localtime(ends_at), 'TIME_FORMAT')}"


def meeting_days(
    conference: DialogueConference,
    *,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
) -> tuple[date, date]:
    """The first and last day 1:1 meetings may be held: from the conference day until
    MEETING_DAYS_AFTER days after it ends (local dates). `starts_at` and `ends_at` stand in
    for the conference's own times when it is about to be moved."""
    first = timezone.localdate(starts_at or conference.starts_at)
    last = timezone.localdate(ends_at or conference.ends_at) + timedelta(days=MEETING_DAYS_AFTER)
    return first, last


def _meeting_days_message(first: date, last: date) -> str:
    return _(
        "1:1 meetings are held from %(first)s to %(last)s (the conference day and "
        "the %(days)d days after it)."
    ) % {
        "first": date_format(first, "SHORT_DATE_FORMAT"),
        "last": date_format(last, "SHORT_DATE_FORMAT"),
        "days": MEETING_DAYS_AFTER,
    }


def check_slot_time(
    *, conference: DialogueConference, starts_at: datetime, ends_at: datetime
) -> None:
    """A 1:1 meeting ends after it starts, lies ahead, starts after suppliers have booked
    (the registration deadline) and within the conference's meeting days."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The meeting must end after it starts.")]})
    if starts_at < timezone.now():
        raise ValidationError({"starts_at": [_("A 1:1 meeting must be in the future.")]})
    if starts_at < conference.registration_deadline:
        raise ValidationError(
            {
                "starts_at": [
                    _(
                        "1:1 meetings start after the registration deadline (%(deadline)s): "
                        "suppliers book them until then."
                    )
                    % {"deadline": _when(conference.registration_deadline)}
                ]
            }
        )
    first, last = meeting_days(conference)
    if timezone.localdate(starts_at) < first or timezone.localdate(ends_at) > last:
        raise ValidationError({"starts_at": [_meeting_days_message(first, last)]})


def check_not_cancelled(conference: DialogueConference) -> None:
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference is cancelled: its 1:1 meetings cannot change."))


def check_slot_fits(
    *,
    conference: DialogueConference,
    starts_at: datetime,
    ends_at: datetime,
    slot: MeetingSlot | None = None,
) -> None:
    """A new or moved 1:1 meeting keeps the time rules and overlaps no other meeting of the
    conference (`slot`: the meeting being moved, which may overlap its own old time). The
    caller holds the conference's row lock, so two hosts cannot both take one hour."""
    check_not_cancelled(conference)
    check_slot_time(conference=conference, starts_at=starts_at, ends_at=ends_at)
    others = conference.slots.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if slot is not None:
        others = others.exclude(pk=slot.pk)
    clash = others.order_by("starts_at").first()
    if clash is not None:
        raise ValidationError(
            {
                "starts_at": [
                    _("The meeting overlaps another 1:1 meeting (%(when)s).")
                    % {"when": slot_when(clash.starts_at, clash.ends_at)}
                ]
            }
        )


def booking_refusal(conference: DialogueConference, *, registered: bool, booked: int) -> str:
    """Why a supplier organisation may book no (further) 1:1 meeting at the conference, or ""
    if it may: `registered` for it, with `booked` meetings booked already."""
    if conference.status == DialogueConference.Status.CANCELLED:
        return _("The conference is cancelled.")
    if conference.status != DialogueConference.Status.PUBLISHED:
        return _("The conference is not announced yet.")
    if any(n.stage not in DIALOGUE_STAGES for n in conference.needs.all()):
        return _("The competition has been announced; the dialogue is closed.")
    if not registered:
        return _("Register for the conference before booking a 1:1 meeting.")
    if timezone.now() > conference.registration_deadline:
        return _("Booking closed at the registration deadline, %(deadline)s.") % {
            "deadline": _when(conference.registration_deadline)
        }
    if booked >= conference.max_slots_per_supplier:
        return _("You have booked %(booked)d of %(max)d possible meetings.") % {
            "booked": booked,
            "max": conference.max_slots_per_supplier,
        }
    return ""


def check_slot_not_started(slot: MeetingSlot) -> None:
    """A 1:1 meeting that has started is a record of what was held: it stays as it is."""
    if slot.starts_at <= timezone.now():
        raise ValidationError(
            _("The 1:1 meeting %(when)s has started and can no longer be changed or deleted.")
            % {"when": slot_when(slot.starts_at, slot.ends_at)}
        )


def _listed(slots: list[MeetingSlot]) -> str:
    return ", ".join(slot_when(s.starts_at, s.ends_at) for s in slots)


def moved_conference_slot_errors(
    conference: DialogueConference, *, data: dict[str, Any], slots: Iterable[MeetingSlot]
) -> dict[str, list[str]]:
    """The 1:1 meetings a move of the conference would leave outside the rules, named by
    their times. `data` holds only what moves (`starts_at`, `ends_at`,
    `registration_deadline`): a later deadline must not pass a meeting, and moved days must
    keep every meeting within the meeting days."""
    slots = list(slots)
    early: list[MeetingSlot] = []
    outside: list[MeetingSlot] = []
    if data.get("registration_deadline") is not None:
        early = [s for s in slots if s.starts_at < data["registration_deadline"]]
    first, last = meeting_days(
        conference, starts_at=data.get("starts_at"), ends_at=data.get("ends_at")
    )
    if data.get("starts_at") is not None or data.get("ends_at") is not None:
        outside = [
            s
            for s in slots
            if timezone.localdate(s.starts_at) < first or timezone.localdate(s.ends_at) > last
        ]
    errors: dict[str, list[str]] = {}
    if early:
        errors["registration_deadline"] = [
            _(
                "These 1:1 meetings would start before the new registration deadline: "
                "%(slots)s. Move or delete them first."
            )
            % {"slots": _listed(early)}
        ]
    if outside:
        errors["starts_at"] = [
            _(
                "These 1:1 meetings would fall outside the new meeting days (%(first)s to "
                "%(last)s): %(slots)s. Move or delete them first."
            )
            % {
                "slots": _listed(outside),
                "first": date_format(first, "SHORT_DATE_FORMAT"),
                "last": date_format(last, "SHORT_DATE_FORMAT"),
            }
        ]
    return errors


def questions_close(conference: DialogueConference) -> datetime:
    """Questions may be asked until the end of the last meeting day: then the dialogue is
    over."""
    _first, last = meeting_days(conference)
    return timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))


def check_questions_open(conference: DialogueConference) -> None:
    if timezone.now() >= questions_close(conference):
        _first, last = meeting_days(conference)
        raise ValidationError(
            _("The dialogue at this conference is over: questions could be asked until %(last)s.")
            % {"last": date_format(last, "SHORT_DATE_FORMAT")}
        )


def answers_due(conference: DialogueConference, *, asked_at: datetime) -> datetime:
    """When the answer to a question is published to every registered supplier at the
    latest: before the conference starts for a question asked before it, so that every
    supplier comes equally informed; for a later one, when questions close."""
    if asked_at < conference.starts_at:
        return conference.starts_at
    return questions_close(conference)
