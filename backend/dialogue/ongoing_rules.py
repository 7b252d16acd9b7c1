"""Rules of a need's ongoing dialogue: ISO weeks (Monday to Sunday, Norwegian time), how many
meetings a week holds, and when a request or a meeting time fits.

A week's load is its accepted meetings (by the week their time falls in) and its requests
waiting for an answer (by the week they asked for): a request holds its place until it is
answered, so that the buyer can accept every request it has let in, first come first served.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.rules import slot_when

#: How far ahead a supplier may ask for a meeting, in weeks (this week is week 0).
WEEKS_AHEAD = 12


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """An ISO week as people write it: "2026-W12"."""
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_named(monday: date) -> str:
    """A week for a message: "uke 12 (16.03.2026–22.03.2026)" in the active language."""
    return _("week %(week)d (%(first)s–%(last)s)") % {
        "week": monday.isocalendar()[1],
        "first": date_format(monday, "SHORT_DATE_FORMAT"),
        "last": date_format(monday + timedelta(days=6), "SHORT_DATE_FORMAT"),
    }


def week_of(moment: datetime) -> date:
    """The Monday of the ISO week a moment falls in, in Norwegian time."""
    return monday_of(timezone.localdate(moment))


def check_week(monday: date) -> None:
    """A week asked for is this week or one of the WEEKS_AHEAD after it."""
    this_week = monday_of(timezone.localdate())
    if monday < this_week:
        raise ValidationError({"week": [_("That week is over: ask for this week or a later one.")]})
    if monday > this_week + timedelta(weeks=WEEKS_AHEAD):
        raise ValidationError(
            {"week": [_("Ask for a week at most %(n)d weeks ahead.") % {"n": WEEKS_AHEAD}]}
        )


def _week_bounds(monday: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(monday + timedelta(days=7), datetime.min.time()))
    return start, end


def week_load(
    dialogue: OngoingDialogue, monday: date, *, exclude: MeetingRequest | None = None
) -> int:
    """The week's accepted meetings and its requests waiting for an answer."""
    start, end = _week_bounds(monday)
    accepted = Q(status=MeetingRequest.Status.ACCEPTED, starts_at__gte=start, starts_at__lt=end)
    pending = Q(status=MeetingRequest.Status.PENDING, week=monday)
    rows = dialogue.requests.filter(accepted | pending)
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    return rows.count()


def check_capacity(
    dialogue: OngoingDialogue, monday: date, *, exclude: MeetingRequest | None = None
) -> None:
    capacity = dialogue.weekly_capacity
    if week_load(dialogue, monday, exclude=exclude) >= capacity:
        raise ValidationError(
            {
                "week": [
                    _(
                        "%(week)s is full: the buyer takes %(capacity)d meetings a week in the "
                        "ongoing dialogue. Choose another week."
                    )
                    % {
                        "week": week_named(monday).capitalize(),
                        "capacity": dialogue.weekly_capacity,
                    }
                ]
            }
        )


def check_meeting_time(
    dialogue: OngoingDialogue, request: MeetingRequest, *, starts_at: datetime, ends_at: datetime
) -> None:
    """A proposed meeting lies ahead, ends after it starts, fits its week's capacity and
    overlaps no other meeting of the dialogue."""
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The meeting must end after it starts.")]})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": [_("Propose a time in the future.")]})
    monday = week_of(starts_at)
    if monday > monday_of(timezone.localdate()) + timedelta(weeks=WEEKS_AHEAD):
        raise ValidationError(
            {"starts_at": [_("Propose a time at most %(n)d weeks ahead.") % {"n": WEEKS_AHEAD}]}
        )
    try:
        check_capacity(dialogue, monday, exclude=request)
    except ValidationError as error:
        raise ValidationError({"starts_at": error.message_dict["week"]}) from None
    clash = (
        dialogue.requests.filter(
            status=MeetingRequest.Status.ACCEPTED, starts_at__lt=ends_at, ends_at__gt=starts_at
        )
        .exclude(pk=request.pk)
        .order_by("starts_at")
        .first()
    )
    if clash is not None and clash.starts_at and clash.ends_at:
        raise ValidationError(
            {
                "starts_at": [
                    _("The meeting overlaps another meeting in the ongoing dialogue (%(when)s).")
                    % {"when": slot_when(clash.starts_at, clash.ends_at)}
                ]
            }
        )


@dataclass(frozen=True)
class WeekLoad:
    """A week of the ongoing dialogue as a supplier sees it: how many places are left."""

    week: str
    monday: date
    sunday: date
    capacity: int
    taken: int

    @property
    def available(self) -> int:
        return max(0, self.capacity - self.taken)


def weeks_ahead(dialogue: OngoingDialogue, *, count: int = 8) -> list[WeekLoad]:
    """This week and the next, with the places left in each."""
    first = monday_of(timezone.localdate())
    mondays = [first + timedelta(weeks=n) for n in range(min(count, WEEKS_AHEAD + 1))]
    return [
        WeekLoad(
            week=week_label(m),
            monday=m,
            sunday=m + timedelta(days=6),
            capacity=dialogue.weekly_capacity,
            taken=week_load(dialogue, m),
        )
        for m in mondays
    ]
