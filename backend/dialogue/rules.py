"""Time rules of the market dialogue: what lies ahead, and when 1:1 meetings are held."""

from collections.abc import Collection
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.dialogue.models import DialogueConference

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


def meeting_days(conference: DialogueConference) -> tuple[date, date]:
    """The first and last day 1:1 meetings may be held: from the conference day until
    MEETING_DAYS_AFTER days after it ends (local dates)."""
    first = timezone.localdate(conference.starts_at)
    last = timezone.localdate(conference.ends_at) + timedelta(days=MEETING_DAYS_AFTER)
    return first, last


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
        raise ValidationError(
            {
                "starts_at": [
                    _(
                        "1:1 meetings are held from %(first)s to %(last)s (the conference day and "
                        "the %(days)d days after it)."
                    )
                    % {
                        "first": date_format(first, "SHORT_DATE_FORMAT"),
                        "last": date_format(last, "SHORT_DATE_FORMAT"),
                        "days": MEETING_DAYS_AFTER,
                    }
                ]
            }
        )
