"""Calendar files (RFC 5545, iTIP) for the e-mails about conferences and 1:1 meetings: a
confirmation or a change is a REQUEST, a cancellation a CANCEL, for the same UID (one per
conference, one per meeting), with a SEQUENCE that grows with every change, so a calendar
applies them to the event it has. Times are Europe/Oslo, with its VTIMEZONE."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.mime.text import MIMEText
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


@dataclass(frozen=True)
class CalendarUpdate:
    """What an e-mail asks a calendar to do: REQUEST (add or update) or CANCEL."""

    method: str
    events: tuple[CalendarEvent, ...]
    organizer: str
    #: The recipient's part: ACCEPTED (registered, booked) or NEEDS-ACTION (invited).
    partstat: str = "ACCEPTED"


def event_uid(kind: str, pk: int) -> str:
    """One UID per conference or meeting, whatever its times."""
    domain = urlsplit(settings.SITE_URL).hostname or "innovasjonstorget.no"
    return f"{kind}-{pk}@{domain}"


def sequence_now() -> int:
    """A SEQUENCE later than any before it: the time of the change, in seconds."""
    return int(timezone.now().timestamp())


def _event(event: CalendarEvent, *, update: CalendarUpdate, attendee: tuple[str, str]) -> Any:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.starts_at.astimezone(OSLO))
    vevent.add("dtend", event.ends_at.astimezone(OSLO))
    vevent.add("summary", event.summary)
    for name, value in (("location", event.location), ("description", event.description)):
        if value:
            vevent.add(name, value)
    if event.url:
        vevent.add("url", event.url)
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{sender[1]}")
    organizer.params["cn"] = update.organizer
    vevent.add("organizer", organizer)
    name, email = attendee
    guest = icalendar.vCalAddress(f"mailto:{email}")
    guest.params.update({"cn": name or email, "partstat": update.partstat, "rsvp": "FALSE"})
    vevent.add("attendee", guest)
    cancelled = update.method == "CANCEL"
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def calendar_file(update: CalendarUpdate, *, attendee: tuple[str, str]) -> bytes:
    """The .ics for one recipient (``attendee``: name and address)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Innovasjonstorget//Varsler//NO")
    calendar.add("version", "2.0")
    calendar.add("method", update.method)
    for event in update.events:
        calendar.add_component(_event(event, update=update, attendee=attendee))
    first = min(e.starts_at for e in update.events) - timedelta(days=366)
    last = max(e.ends_at for e in update.events) + timedelta(days=366)
    calendar.add_missing_timezones(first_date=first.date(), last_date=last.date())
    data: bytes = calendar.to_ical()
    return data


def calendar_part(update: CalendarUpdate, *, attendee: tuple[str, str]) -> MIMEText:
    """The e-mail part: text/calendar with its method, as calendars look for it."""
    part = MIMEText(calendar_file(update, attendee=attendee).decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", update.method)
    name = "avlysning.ics" if update.method == "CANCEL" else "kalender.ics"
    part.add_header("Content-Disposition", "attachment", filename=name)
    return part
