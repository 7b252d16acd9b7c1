"""One message class per notification kind: the data it carries (stored as the
notification's ``params``), its texts (gettext, rendered in the active language: the
recipient's for an e-mail, the reader's in the app) and the page it links to.

A message carries only what every recipient may read: names and titles of published
things, the recipient's own business, never another supplier's.
"""

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.dialogue.models import MeetingRequest, SharedInformation
from backend.dialogue.ongoing_rules import week_named
from backend.notifications import links
from backend.notifications.calendar import CalendarEvent, CalendarUpdate, event_uid
from backend.notifications.models import Channel, NotificationKind


class Audience(StrEnum):
    """Who a kind of news is for (the settings page groups the kinds by it)."""

    BUYER = "buyer"
    SUPPLIER = "supplier"
    ADVISOR = "advisor"
    MEMBER = "member"


def when(value: str) -> str:
    """An ISO timestamp as the reader reads it: local time (Europe/Oslo), the active
    language's short date and time format."""
    moment = parse_datetime(value)
    if moment is None:
        return value
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def meeting_when(starts_at: str, ends_at: str) -> str:
    """A meeting's time as people write it: "12.05.2026 10:00–10:45" (local time)."""
    end = parse_datetime(ends_at)
    if end is None:
        return when(starts_at)
    return f"{when(starts_at)}–{date_format(timezone.localtime(end), 'TIME_FORMAT')}"


def rebook_hint(rebook_until: str, *, host: str) -> str:
    """What a supplier whose meeting was cancelled or moved may do about it."""
    if rebook_until:
        return _("You may book another free time on the conference page until %(deadline)s.") % {
            "deadline": when(rebook_until)
        }
    return _("Booking has closed: contact %(host)s if you still need a meeting.") % {"host": host}


def _with_reason(text: str, reason: str) -> str:
    """A cancellation's text, with the reason given for it (if any)."""
    if not reason:
        return text
    return f"{text}\n\n" + _("Reason: %(reason)s") % {"reason": reason}


def moment(value: str) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(f"Not an ISO time: {value!r}")
    return parsed


def _conference_event(
    *, conference_id: int, title: str, starts_at: str, ends_at: str, place: str, sequence: int
) -> CalendarEvent:
    url = links.absolute(links.conference_page(conference_id))
    return CalendarEvent(
        uid=event_uid("conference", conference_id),
        sequence=sequence,
        starts_at=moment(starts_at),
        ends_at=moment(ends_at),
        summary=title,
        location=place,
        description=url,
        url=url,
    )


def _meeting_event(
    *,
    meeting_id: int,
    conference_id: int,
    conference: str,
    host: str,
    starts_at: str,
    ends_at: str,
    place: str,
    sequence: int,
) -> CalendarEvent:
    url = links.absolute(links.conference_page(conference_id))
    return CalendarEvent(
        uid=event_uid("meeting", meeting_id),
        sequence=sequence,
        starts_at=moment(starts_at),
        ends_at=moment(ends_at),
        summary=_("1:1 meeting with %(host)s: %(conference)s")
        % {"host": host, "conference": conference},
        location=place,
        description=url,
        url=url,
    )


def stamp(value: datetime) -> str:
    """A timestamp as a message keeps it."""
    return value.isoformat()


@dataclass(frozen=True, kw_only=True)
class Message(ABC):
    kind: ClassVar[NotificationKind]
    #: Who hears it (the settings page offers a kind to those it is for).
    audiences: ClassVar[tuple[Audience, ...]]
    default_channel: ClassVar[Channel] = Channel.EMAIL

    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def body(self) -> str: ...

    @abstractmethod
    def link(self) -> str: ...

    def params(self) -> dict[str, Any]:
        return asdict(self)

    def calendar(self) -> CalendarUpdate | None:
        """What the e-mail asks a calendar to do (None: no calendar file)."""
        return None


MESSAGES: dict[str, type[Message]] = {}
M = TypeVar("M", bound=type[Message])


def _kind(cls: M) -> M:
    MESSAGES[cls.kind] = cls
    return cls


def message_of(kind: str, params: dict[str, Any]) -> Message | None:
    """The message a notification was made from; None for one from before kinds (or whose
    stored data no longer fits its class)."""
    cls = MESSAGES.get(kind)
    if cls is None:
        return None
    try:
        return cls(**params)
    except TypeError:
        return None


# ------------------------------------------------------------------------------ buyers


@_kind
@dataclass(frozen=True, kw_only=True)
class ResponseReceived(Message):
    kind = NotificationKind.RESPONSE_RECEIVED
    audiences = (Audience.BUYER,)
    need_id: int
    need: str
    supplier: str

    def title(self) -> str:
        return _("New response to “%(need)s”") % {"need": self.need}

    def body(self) -> str:
        return _(
            "%(supplier)s has sent a response to your need “%(need)s”. It is confidential: "
            "only your organisation, co-buyers and LUP advisors read it."
        ) % {"supplier": self.supplier, "need": self.need}

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class QuestionAsked(Message):
    kind = NotificationKind.QUESTION_ASKED
    audiences = (Audience.BUYER,)
    conference_id: int
    conference: str
    question: str

    def title(self) -> str:
        return _("New question at “%(conference)s”") % {"conference": self.conference}

    def body(self) -> str:
        return _(
            "A registered supplier asked: “%(question)s”\n\nYour answer is published to every "
            "registered supplier, without naming who asked."
        ) % {"question": self.question}

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class RegistrationReceived(Message):
    kind = NotificationKind.REGISTRATION_RECEIVED
    audiences = (Audience.BUYER,)
    conference_id: int
    conference: str
    supplier: str

    def title(self) -> str:
        return _("%(supplier)s registered for “%(conference)s”") % {
            "supplier": self.supplier,
            "conference": self.conference,
        }

    def body(self) -> str:
        return _("See the participants on the conference page.")

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class RegistrationCancelled(Message):
    kind = NotificationKind.REGISTRATION_CANCELLED
    audiences = (Audience.BUYER,)
    conference_id: int
    conference: str
    supplier: str

    def title(self) -> str:
        return _("%(supplier)s cancelled its registration for “%(conference)s”") % {
            "supplier": self.supplier,
            "conference": self.conference,
        }

    def body(self) -> str:
        return _("Its 1:1 meetings, if it had booked any, are free again.")

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingBooked(Message):
    kind = NotificationKind.MEETING_BOOKED
    audiences = (Audience.BUYER,)
    conference_id: int
    conference: str
    supplier: str
    starts_at: str

    def title(self) -> str:
        return _("1:1 meeting booked: %(supplier)s, %(when)s") % {
            "supplier": self.supplier,
            "when": when(self.starts_at),
        }

    def body(self) -> str:
        return _("%(supplier)s booked the 1:1 meeting on %(when)s at “%(conference)s”.") % {
            "supplier": self.supplier,
            "when": when(self.starts_at),
            "conference": self.conference,
        }

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingCancelled(Message):
    """To the other side of a booked 1:1 meeting: the host when the supplier cancels, the
    supplier when the host (or an advisor) cancels or deletes it. ``party`` is the side that
    cancelled; ``rebook_until`` the booking deadline if the supplier may still book."""

    kind = NotificationKind.MEETING_CANCELLED
    audiences = (Audience.BUYER, Audience.SUPPLIER)
    conference_id: int
    conference: str
    party: str
    starts_at: str
    ends_at: str
    by_host: bool
    rebook_until: str = ""
    meeting_id: int = 0
    place: str = ""
    sequence: int = 0
    #: Why, if the side that cancelled said so.
    reason: str = ""

    def calendar(self) -> CalendarUpdate | None:
        """The supplier's calendar drops a meeting the host cancelled."""
        if not (self.by_host and self.sequence and self.meeting_id):
            return None
        event = _meeting_event(
            meeting_id=self.meeting_id,
            conference_id=self.conference_id,
            conference=self.conference,
            host=self.party,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="CANCEL", events=(event,), organizer=self.party)

    def title(self) -> str:
        values = {"conference": self.conference, "when": meeting_when(self.starts_at, self.ends_at)}
        if self.by_host:
            return _("Your 1:1 meeting at “%(conference)s” %(when)s is cancelled") % values
        return _("1:1 meeting cancelled: %(party)s, %(when)s") % {
            "party": self.party,
            "when": values["when"],
        }

    def body(self) -> str:
        when_ = meeting_when(self.starts_at, self.ends_at)
        if self.by_host:
            text = _(
                "%(host)s has cancelled the 1:1 meeting %(when)s that your organisation booked."
            ) % {"host": self.party, "when": when_}
            text = f"{text} {rebook_hint(self.rebook_until, host=self.party)}"
        else:
            text = _(
                "%(party)s cancelled the 1:1 meeting %(when)s at “%(conference)s”. The time is "
                "free to book again."
            ) % {"party": self.party, "when": when_, "conference": self.conference}
        return _with_reason(text, self.reason)

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class CoBuyerRequested(Message):
    kind = NotificationKind.CO_BUYER_REQUESTED
    audiences = (Audience.BUYER,)
    need_id: int
    need: str
    buyer: str

    def title(self) -> str:
        return _("%(org)s asks you to be co-buyer of “%(need)s”") % {
            "org": self.buyer,
            "need": self.need,
        }

    def body(self) -> str:
        return _(
            "As co-buyer your organisation reads the need's drafts and the suppliers' "
            "responses. Accept or decline on your buyer page."
        )

    def link(self) -> str:
        return links.buyer_dashboard()


@_kind
@dataclass(frozen=True, kw_only=True)
class SimilarNeedPublished(Message):
    kind = NotificationKind.SIMILAR_NEED_PUBLISHED
    audiences = (Audience.BUYER,)
    default_channel = Channel.DIGEST
    need_id: int
    need: str
    buyer: str
    own_need: str

    def title(self) -> str:
        return _("%(buyer)s published a need like yours: “%(need)s”") % {
            "buyer": self.buyer,
            "need": self.need,
        }

    def body(self) -> str:
        return _(
            "“%(need)s” resembles your need “%(own)s”. Buyers with the same need can join "
            "forces in one procurement."
        ) % {"need": self.need, "own": self.own_need}

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class JointInvitation(Message):
    kind = NotificationKind.JOINT_INVITATION
    audiences = (Audience.BUYER,)
    membership_id: int
    group: str
    buyer: str
    need: str

    def title(self) -> str:
        return _("%(buyer)s invites you to a joint procurement: “%(group)s”") % {
            "buyer": self.buyer,
            "group": self.group,
        }

    def body(self) -> str:
        return _(
            "%(buyer)s has a need like your need “%(need)s” and suggests procuring together, "
            "with one shared need text and a combined volume. Read the invitation and accept "
            "or decline."
        ) % {"buyer": self.buyer, "need": self.need}

    def link(self) -> str:
        return links.joint_invitation_page(self.membership_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class JointAnswered(Message):
    kind = NotificationKind.JOINT_ANSWERED
    audiences = (Audience.BUYER,)
    need_id: int
    group: str
    buyer: str
    accepted: bool

    def title(self) -> str:
        if self.accepted:
            return _("%(buyer)s joined the joint procurement “%(group)s”") % {
                "buyer": self.buyer,
                "group": self.group,
            }
        return _("%(buyer)s declined to join the joint procurement “%(group)s”") % {
            "buyer": self.buyer,
            "group": self.group,
        }

    def body(self) -> str:
        if self.accepted:
            return _(
                "The group's members, shared need text and combined volume are on your need's page."
            )
        return _("You may invite other buyers with a similar need from your need's page.")

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class JointChanged(Message):
    """The lead handed over, a member left, or the lead dissolved the group."""

    class Event(StrEnum):
        HANDED_OVER = "handed_over"
        LEFT = "left"
        DISSOLVED = "dissolved"

    kind = NotificationKind.JOINT_CHANGED
    audiences = (Audience.BUYER,)
    need_id: int
    group: str
    event: str
    buyer: str

    def title(self) -> str:
        texts: dict[str, str] = {
            self.Event.HANDED_OVER: _("%(buyer)s now leads the joint procurement “%(group)s”"),
            self.Event.LEFT: _("%(buyer)s left the joint procurement “%(group)s”"),
            self.Event.DISSOLVED: _("%(buyer)s dissolved the joint procurement “%(group)s”"),
        }
        text = texts.get(self.event, texts[self.Event.LEFT])
        return text % {"buyer": self.buyer, "group": self.group}

    def body(self) -> str:
        if self.event == self.Event.DISSOLVED:
            return _("Your need stays published and may join another joint procurement.")
        return _("The group's members and lead are on your need's page.")

    def link(self) -> str:
        return links.need_page(self.need_id)


# ---------------------------------------------------------------------------- suppliers


@_kind
@dataclass(frozen=True, kw_only=True)
class NeedMatchesSolution(Message):
    kind = NotificationKind.NEED_MATCHES_SOLUTION
    audiences = (Audience.SUPPLIER,)
    default_channel = Channel.DIGEST
    need_id: int
    need: str
    buyer: str
    solution: str

    def title(self) -> str:
        return _("New need for “%(solution)s”: %(need)s") % {
            "solution": self.solution,
            "need": self.need,
        }

    def body(self) -> str:
        return _("%(buyer)s published “%(need)s”, which matches your solution “%(solution)s”.") % {
            "buyer": self.buyer,
            "need": self.need,
            "solution": self.solution,
        }

    def link(self) -> str:
        return links.need_page(self.need_id)


def _hit_line(hit: Mapping[str, str]) -> str:
    """One new hit of a saved search: what it is, its title, who posted it and, for a need or
    a conference, its deadline."""
    kind = hit.get("kind", "")
    labels = {
        "need": _("Need"),
        "conference": _("Dialogue conference"),
        "solution": _("Solution"),
        "case": _("Case"),
    }
    about = [hit.get("organization", "")]
    if hit.get("deadline") and kind == "conference":
        about.append(_("registration closes %(when)s") % {"when": when(hit["deadline"])})
    elif hit.get("deadline"):
        about.append(_("deadline for responses %(when)s") % {"when": when(hit["deadline"])})
    label, title = labels.get(kind), hit.get("title", "")
    line = f"- {label}: {title}" if label else f"- {title}"
    details = ", ".join(a for a in about if a)
    return f"{line} ({details})" if details else line


@_kind
@dataclass(frozen=True, kw_only=True)
class SavedSearchHits(Message):
    """What a saved search found since its last alert: the newest hits (at most
    ``backend.discovery.alerts.SHOWN_HITS``; ``kind``, ``title``, ``organization`` and
    ``deadline``, an ISO time or ""), and how many ``more``. Links to the search page with the
    saved query and filters (``filters``: [name, value] pairs, as the search API names them)."""

    kind = NotificationKind.SAVED_SEARCH_HITS
    audiences = (Audience.MEMBER,)
    name: str
    query: str
    filters: list[list[str]]
    hits: list[dict[str, str]]
    more: int

    def title(self) -> str:
        count = len(self.hits) + self.more
        return ngettext(
            "%(count)d new hit for “%(name)s”", "%(count)d new hits for “%(name)s”", count
        ) % {"count": count, "name": self.name}

    def body(self) -> str:
        lines = [_hit_line(hit) for hit in self.hits]
        if self.more:
            lines.append(
                ngettext("and %(count)d more hit", "and %(count)d more hits", self.more)
                % {"count": self.more}
            )
        return (
            _("New on Innovasjonstorget since your last alert for “%(name)s”:")
            % {"name": self.name}
            + "\n\n"
            + "\n".join(lines)
        )

    def link(self) -> str:
        return links.search_page(self.query, [(name, value) for name, value in self.filters])


@_kind
@dataclass(frozen=True, kw_only=True)
class QuestionAnswered(Message):
    """To every registered supplier alike (equal treatment); never names who asked."""

    kind = NotificationKind.QUESTION_ANSWERED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    question: str
    answer: str

    def title(self) -> str:
        return _("New answer: %(conference)s") % {"conference": self.conference}

    def body(self) -> str:
        return f"{self.question}\n\n{self.answer}"

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class ConferenceInvitation(Message):
    """To the people of a supplier organisation a buyer (or an advisor) invited: who invites,
    the conference's time and place, the registration deadline and the personal message,
    with the conference for their calendar. The event has the conference's UID, so that
    registering (its confirmation) or a change by the host updates the same event."""

    kind = NotificationKind.CONFERENCE_INVITATION
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    #: The host (the buyer of the conference's needs).
    buyer: str
    starts_at: str
    registration_deadline: str
    ends_at: str = ""
    place: str = ""
    #: Who sent it, and the organisation they act for (the host, or a LUP advisor's).
    person: str = ""
    person_organization: str = ""
    #: The recipient's solution it was invited for.
    solution: str = ""
    message: str = ""
    sequence: int = 0

    def title(self) -> str:
        return _("Invitation: %(conference)s") % {"conference": self.conference}

    def _inviter(self) -> str:
        values = {
            "person": self.person,
            "organization": self.person_organization,
            "buyer": self.buyer,
            "conference": self.conference,
        }
        if self.person_organization in ("", self.buyer):
            return (
                _(
                    "%(person)s, %(buyer)s, invites your organisation to the dialogue conference "
                    "“%(conference)s”."
                )
                % values
            )
        return (
            _(
                "%(person)s, %(organization)s, invites your organisation to the dialogue "
                "conference “%(conference)s” hosted by %(buyer)s."
            )
            % values
        )

    def body(self) -> str:
        if not self.person:  # stored before invitations said more
            return _(
                "%(buyer)s invites you to the dialogue conference “%(conference)s” on %(when)s. "
                "Register by %(deadline)s."
            ) % {
                "buyer": self.buyer,
                "conference": self.conference,
                "when": when(self.starts_at),
                "deadline": when(self.registration_deadline),
            }
        parts = [self._inviter()]
        if self.solution:
            parts.append(
                _("Your solution “%(solution)s” may answer the need it presents.")
                % {"solution": self.solution}
            )
        facts = [_("When: %(when)s") % {"when": meeting_when(self.starts_at, self.ends_at)}]
        if self.place:
            facts.append(_("Where: %(place)s") % {"place": self.place})
        facts.append(
            _("Register by: %(deadline)s") % {"deadline": when(self.registration_deadline)}
        )
        parts.append("\n".join(facts))
        if self.message:
            parts.append(
                _("Message from %(person)s:\n%(message)s")
                % {"person": self.person, "message": self.message}
            )
        parts.append(_("Register on the conference page if you wish to take part."))
        return "\n\n".join(parts)

    def link(self) -> str:
        return links.conference_page(self.conference_id)

    def calendar(self) -> CalendarUpdate | None:
        if not (self.sequence and self.ends_at):
            return None
        event = _conference_event(
            conference_id=self.conference_id,
            title=self.conference,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(
            method="REQUEST", events=(event,), organizer=self.buyer, partstat="NEEDS-ACTION"
        )


@_kind
@dataclass(frozen=True, kw_only=True)
class Introduction(Message):
    kind = NotificationKind.INTRODUCTION
    audiences = (Audience.BUYER, Audience.SUPPLIER)
    need_id: int
    need: str
    other: str

    def title(self) -> str:
        return _("Introduction: %(need)s ↔ %(other)s") % {"need": self.need, "other": self.other}

    def body(self) -> str:
        return _(
            "A LUP advisor has introduced your organisations to each other on Innovasjonstorget. "
            "Get in touch to talk about the need “%(need)s” and “%(other)s”."
        ) % {"need": self.need, "other": self.other}

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class ConferenceChanged(Message):
    kind = NotificationKind.CONFERENCE_CHANGED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    starts_at: str
    place: str
    host: str = ""
    ends_at: str = ""
    sequence: int = 0

    def calendar(self) -> CalendarUpdate | None:
        if not (self.sequence and self.ends_at):
            return None
        event = _conference_event(
            conference_id=self.conference_id,
            title=self.conference,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="REQUEST", events=(event,), organizer=self.host)

    def title(self) -> str:
        return _("Changed: %(conference)s") % {"conference": self.conference}

    def body(self) -> str:
        return _(
            "The host has changed “%(conference)s”. It starts %(when)s, %(place)s. "
            "See the conference page for the details."
        ) % {"conference": self.conference, "when": when(self.starts_at), "place": self.place}

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class ConferenceCancelled(Message):
    """To each registered supplier; ``booked`` are its own cancelled 1:1 meetings (start and
    end of each), never another's."""

    kind = NotificationKind.CONFERENCE_CANCELLED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    host: str
    starts_at: str
    reason: str
    booked: list[tuple[str, str]]
    ends_at: str = ""
    place: str = ""
    meeting_ids: list[int] = field(default_factory=list)
    sequence: int = 0

    def calendar(self) -> CalendarUpdate | None:
        """Cancels the conference and the organisation's own meetings in its calendar."""
        if not (self.sequence and self.ends_at):
            return None
        events = [
            _conference_event(
                conference_id=self.conference_id,
                title=self.conference,
                starts_at=self.starts_at,
                ends_at=self.ends_at,
                place=self.place,
                sequence=self.sequence,
            )
        ]
        for meeting_id, (start, end) in zip(self.meeting_ids, self.booked, strict=False):
            events.append(
                _meeting_event(
                    meeting_id=meeting_id,
                    conference_id=self.conference_id,
                    conference=self.conference,
                    host=self.host,
                    starts_at=start,
                    ends_at=end,
                    place=self.place,
                    sequence=self.sequence,
                )
            )
        return CalendarUpdate(method="CANCEL", events=tuple(events), organizer=self.host)

    def title(self) -> str:
        return _("Cancelled: %(conference)s") % {"conference": self.conference}

    def body(self) -> str:
        text = _("%(host)s has cancelled the dialogue conference “%(conference)s” (%(when)s).") % {
            "host": self.host,
            "conference": self.conference,
            "when": when(self.starts_at),
        }
        text += "\n\n" + _("Reason: %(reason)s") % {"reason": self.reason}
        if self.booked:
            times = ", ".join(meeting_when(start, end) for start, end in self.booked)
            text += "\n\n" + _("Your booked 1:1 meetings are cancelled too: %(times)s.") % {
                "times": times
            }
        return text

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingChanged(Message):
    """To the supplier that booked a 1:1 meeting the host moved (the booking moves too)."""

    kind = NotificationKind.MEETING_CHANGED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    host: str
    starts_at: str
    ends_at: str
    previous_starts_at: str
    previous_ends_at: str
    rebook_until: str = ""
    meeting_id: int = 0
    place: str = ""
    sequence: int = 0

    def calendar(self) -> CalendarUpdate | None:
        if not (self.sequence and self.meeting_id):
            return None
        event = _meeting_event(
            meeting_id=self.meeting_id,
            conference_id=self.conference_id,
            conference=self.conference,
            host=self.host,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="REQUEST", events=(event,), organizer=self.host)

    def title(self) -> str:
        return _("Your 1:1 meeting at “%(conference)s” has moved to %(when)s") % {
            "conference": self.conference,
            "when": meeting_when(self.starts_at, self.ends_at),
        }

    def body(self) -> str:
        text = _(
            "%(host)s has moved the 1:1 meeting your organisation booked from %(was)s to "
            "%(when)s. Your booking moves with it. If the new time does not suit you, cancel "
            "the booking on the conference page."
        ) % {
            "host": self.host,
            "was": meeting_when(self.previous_starts_at, self.previous_ends_at),
            "when": meeting_when(self.starts_at, self.ends_at),
        }
        return f"{text} {rebook_hint(self.rebook_until, host=self.host)}"

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class ResponseReadersAdded(Message):
    kind = NotificationKind.RESPONSE_READERS_ADDED
    audiences = (Audience.SUPPLIER,)
    need_id: int
    need: str
    organization: str
    #: How the new reader is on the need: "co_buyer", or "research_partner" (granted by
    #: the buyer; it does not see the sections marked as business secrets).
    role: str = "co_buyer"

    def title(self) -> str:
        return _("%(org)s can now read your response to “%(need)s”") % {
            "org": self.organization,
            "need": self.need,
        }

    def body(self) -> str:
        if self.role == "research_partner":
            return _(
                "The buyer of “%(need)s” has let its research partner %(org)s read the "
                "responses to the need, including yours, except the sections you marked as "
                "business secrets. Each reading is logged in the response's access log."
            ) % {"org": self.organization, "need": self.need}
        return _(
            "%(org)s has joined “%(need)s” as co-buyer. Like the need's owner, it can read the "
            "responses to the need, including yours."
        ) % {"org": self.organization, "need": self.need}

    def link(self) -> str:
        return links.need_page(self.need_id)


# ----------------------------------------------------------------- research institutions


@_kind
@dataclass(frozen=True, kw_only=True)
class ResearchPartnerInvited(Message):
    kind = NotificationKind.RESEARCH_PARTNER_INVITED
    audiences = (Audience.MEMBER,)
    partnership_id: int
    need: str
    buyer: str

    def title(self) -> str:
        return _("%(org)s invites you as research partner on “%(need)s”") % {
            "org": self.buyer,
            "need": self.need,
        }

    def body(self) -> str:
        return _(
            "As research partner your institution reads the need and what %(org)s shares with "
            "it, once you accept. Accept or decline on the invitation's page."
        ) % {"org": self.buyer}

    def link(self) -> str:
        return links.research_partnership_page(self.partnership_id)


# ----------------------------------------------------------------------------- advisors


@_kind
@dataclass(frozen=True, kw_only=True)
class NeedToCurate(Message):
    kind = NotificationKind.NEED_TO_CURATE
    audiences = (Audience.ADVISOR,)
    default_channel = Channel.DIGEST
    need_id: int
    need: str
    buyer: str

    def title(self) -> str:
        return _("New need to curate: %(need)s") % {"need": self.need}

    def body(self) -> str:
        return _(
            "%(buyer)s published “%(need)s”. Its suggested matches wait for your curation."
        ) % {"buyer": self.buyer, "need": self.need}

    def link(self) -> str:
        return links.advisor_need_board(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class OrganizationUnverified(Message):
    kind = NotificationKind.ORGANIZATION_UNVERIFIED
    audiences = (Audience.ADVISOR,)
    default_channel = Channel.DIGEST
    organization_id: int
    organization: str

    def title(self) -> str:
        return _("%(org)s waits for verification") % {"org": self.organization}

    def body(self) -> str:
        return _(
            "%(org)s registered on Innovasjonstorget. Check that it is who it says it is, "
            "and verify it on the organisations page."
        ) % {"org": self.organization}

    def link(self) -> str:
        return links.advisor_organizations()


# ------------------------------------------------------------------- everyone: their org


@_kind
@dataclass(frozen=True, kw_only=True)
class OrganizationVerified(Message):
    kind = NotificationKind.ORGANIZATION_VERIFIED
    audiences = (Audience.MEMBER,)
    organization_id: int
    organization: str

    def title(self) -> str:
        return _("%(org)s is verified") % {"org": self.organization}

    def body(self) -> str:
        return _("A LUP advisor has verified %(org)s on Innovasjonstorget.") % {
            "org": self.organization
        }

    def link(self) -> str:
        return links.organization_page(self.organization_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class JoinRequested(Message):
    kind = NotificationKind.JOIN_REQUESTED
    audiences = (Audience.MEMBER,)
    organization_id: int
    organization: str
    person: str

    def title(self) -> str:
        return _("%(user)s asks to join %(org)s") % {
            "user": self.person,
            "org": self.organization,
        }

    def body(self) -> str:
        return _("Approve or decline the request on the organisation's page.")

    def link(self) -> str:
        return links.organization_page(self.organization_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class JoinDecided(Message):
    kind = NotificationKind.JOIN_DECIDED
    audiences = (Audience.MEMBER,)
    organization_id: int
    organization: str
    approved: bool

    def title(self) -> str:
        text = (
            _("You are now a member of %(org)s")
            if self.approved
            else _("Your request to join %(org)s was declined")
        )
        return text % {"org": self.organization}

    def body(self) -> str:
        return self.title()

    def link(self) -> str:
        if self.approved:
            return links.organization_page(self.organization_id)
        return links.my_organizations()


# -------------------------------------------------- the market dialogue's record (dialogue)


def _meeting_page(conference_id: int, need_id: int, meeting_id: int) -> str:
    """A meeting's record: a 1:1 meeting at a conference, or one of a need's ongoing
    dialogue."""
    if conference_id:
        return links.conference_meeting_page(conference_id, meeting_id)
    return links.need_meeting_page(need_id, meeting_id)


def _label(choices: type[TextChoices], value: str) -> str:
    """A choice's label in the active language (the value itself if it is no longer one)."""
    return str(choices(value).label) if value in choices.values else value


@_kind
@dataclass(frozen=True, kw_only=True)
class SharedInformationPublished(Message):
    """To every supplier taking part in the dialogue alike (equal treatment): what the buyer
    shared in a meeting, in which kind of meeting and when; never which supplier a 1:1
    meeting was with. Links to the conference (``conference_id``) or else the need."""

    kind = NotificationKind.SHARED_INFORMATION
    audiences = (Audience.SUPPLIER,)
    conference_id: int = 0
    need_id: int = 0
    dialogue: str
    meeting_type: str
    meeting_at: str
    what: str
    text: str
    document_title: str = ""
    document_url: str = ""

    def title(self) -> str:
        return _("Shared in the dialogue on “%(dialogue)s”") % {"dialogue": self.dialogue}

    def body(self) -> str:
        head = _("%(what)s – %(meeting)s, %(when)s:") % {
            "what": _label(SharedInformation.Kind, self.what),
            "meeting": _label(SharedInformation.MeetingType, self.meeting_type),
            "when": when(self.meeting_at),
        }
        parts = [head, self.text]
        document = " ".join(p for p in (self.document_title, self.document_url) if p)
        if document:
            parts.append(_("Document: %(document)s") % {"document": document})
        parts.append(
            _(
                "Every supplier taking part in the dialogue is sent the same, so that nobody "
                "gains from what another heard."
            )
        )
        return "\n\n".join(parts)

    def link(self) -> str:
        if self.conference_id:
            return links.conference_page(self.conference_id)
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MinutesSent(Message):
    """To the supplier a 1:1 meeting was with: the buyer sent (or revised) its minutes. The
    minutes themselves are read on their page, never in a notification."""

    kind = NotificationKind.MINUTES_SENT
    audiences = (Audience.SUPPLIER,)
    conference_id: int = 0
    need_id: int = 0
    meeting_id: int
    dialogue: str
    host: str
    starts_at: str
    ends_at: str
    revised: bool = False

    def title(self) -> str:
        values = {"host": self.host, "when": meeting_when(self.starts_at, self.ends_at)}
        if self.revised:
            return _("Revised minutes of your 1:1 meeting with %(host)s, %(when)s") % values
        return _("Minutes of your 1:1 meeting with %(host)s, %(when)s") % values

    def body(self) -> str:
        values = {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
            "dialogue": self.dialogue,
        }
        text = (
            _("%(host)s has revised the minutes of the 1:1 meeting %(when)s (“%(dialogue)s”).")
            if self.revised
            else _("%(host)s has sent the minutes of the 1:1 meeting %(when)s (“%(dialogue)s”).")
        ) % values
        return f"{text} " + _(
            "Read them, and comment if something is missing or wrong. Only your organisation, "
            "the buyer and LUP advisors read them."
        )

    def link(self) -> str:
        return _meeting_page(self.conference_id, self.need_id, self.meeting_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MinutesCommented(Message):
    """To the buyer that held a 1:1 meeting: the supplier commented on its minutes."""

    kind = NotificationKind.MINUTES_COMMENTED
    audiences = (Audience.BUYER,)
    conference_id: int = 0
    need_id: int = 0
    meeting_id: int
    dialogue: str
    supplier: str
    starts_at: str
    ends_at: str

    def title(self) -> str:
        return _("%(supplier)s commented on the minutes of %(when)s") % {
            "supplier": self.supplier,
            "when": meeting_when(self.starts_at, self.ends_at),
        }

    def body(self) -> str:
        return _(
            "%(supplier)s commented on the minutes of the 1:1 meeting %(when)s (“%(dialogue)s”). "
            "Read the comment with the minutes, and revise them if it is right."
        ) % {
            "supplier": self.supplier,
            "when": meeting_when(self.starts_at, self.ends_at),
            "dialogue": self.dialogue,
        }

    def link(self) -> str:
        return _meeting_page(self.conference_id, self.need_id, self.meeting_id)


# ---------------------------------------------------------------------------- reminders


@_kind
@dataclass(frozen=True, kw_only=True)
class BookingClosesReminder(Message):
    """To a registered supplier that may still book 1:1 meetings, before booking closes at
    the registration deadline."""

    kind = NotificationKind.BOOKING_CLOSES_REMINDER
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    deadline: str
    booked: int
    allowed: int

    def title(self) -> str:
        return _("Booking closes %(deadline)s: %(conference)s") % {
            "deadline": when(self.deadline),
            "conference": self.conference,
        }

    def body(self) -> str:
        return _(
            "You have booked %(booked)d of %(allowed)d possible 1:1 meetings at "
            "“%(conference)s”. Free times can be booked on the conference page until "
            "%(deadline)s."
        ) % {
            "booked": self.booked,
            "allowed": self.allowed,
            "conference": self.conference,
            "deadline": when(self.deadline),
        }

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class ConferenceReminder(Message):
    """To the host and every registered supplier, the day before; on the day itself
    (``today``) for a conference late in the evening, which the hourly reminders reach
    within their 24 hours only after midnight."""

    kind = NotificationKind.CONFERENCE_REMINDER
    audiences = (Audience.BUYER, Audience.SUPPLIER)
    conference_id: int
    conference: str
    starts_at: str
    place: str
    today: bool = False

    def title(self) -> str:
        if self.today:
            return _("Today: %(conference)s") % {"conference": self.conference}
        return _("Tomorrow: %(conference)s") % {"conference": self.conference}

    def body(self) -> str:
        return _("“%(conference)s” starts %(when)s, %(place)s.") % {
            "conference": self.conference,
            "when": when(self.starts_at),
            "place": self.place,
        }

    def link(self) -> str:
        return links.conference_page(self.conference_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingReminder(Message):
    """To both sides of a booked 1:1 meeting at a conference, or of an accepted meeting of a
    need's ongoing dialogue (``need_id``, no ``conference_id``), the day before (``party``:
    the other side)."""

    kind = NotificationKind.MEETING_REMINDER
    audiences = (Audience.BUYER, Audience.SUPPLIER)
    conference_id: int = 0
    conference: str = ""
    need_id: int = 0
    need: str = ""
    party: str
    starts_at: str
    ends_at: str
    place: str = ""

    def title(self) -> str:
        return _("1:1 meeting %(when)s: %(party)s") % {
            "when": meeting_when(self.starts_at, self.ends_at),
            "party": self.party,
        }

    def body(self) -> str:
        values = {
            "party": self.party,
            "conference": self.conference,
            "need": self.need,
            "when": meeting_when(self.starts_at, self.ends_at),
            "place": self.place,
        }
        if not self.conference_id:
            return (
                _(
                    "Your meeting with %(party)s in the ongoing dialogue on “%(need)s” is "
                    "%(when)s, %(place)s."
                )
                % values
            )
        return _("Your 1:1 meeting with %(party)s at “%(conference)s” is %(when)s.") % values

    def link(self) -> str:
        if not self.conference_id:
            return links.need_page(self.need_id)
        return links.conference_page(self.conference_id)


# ------------------------------------------------ confirmations to the supplier, with .ics


@_kind
@dataclass(frozen=True, kw_only=True)
class RegistrationConfirmed(Message):
    """To the members of the organisation that registered: the conference for their
    calendars."""

    kind = NotificationKind.REGISTRATION_CONFIRMED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    host: str
    supplier: str
    starts_at: str
    ends_at: str
    place: str
    sequence: int

    def title(self) -> str:
        return _("Registered: %(conference)s") % {"conference": self.conference}

    def body(self) -> str:
        return _(
            "%(supplier)s is registered for “%(conference)s” (%(host)s), %(when)s, %(place)s. "
            "The attached calendar file puts it in your calendar."
        ) % {
            "supplier": self.supplier,
            "conference": self.conference,
            "host": self.host,
            "when": when(self.starts_at),
            "place": self.place,
        }

    def link(self) -> str:
        return links.conference_page(self.conference_id)

    def calendar(self) -> CalendarUpdate | None:
        event = _conference_event(
            conference_id=self.conference_id,
            title=self.conference,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="REQUEST", events=(event,), organizer=self.host)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingConfirmed(Message):
    """To the members of the organisation that booked a 1:1 meeting: the meeting for their
    calendars."""

    kind = NotificationKind.MEETING_CONFIRMED
    audiences = (Audience.SUPPLIER,)
    conference_id: int
    conference: str
    host: str
    meeting_id: int
    starts_at: str
    ends_at: str
    place: str
    sequence: int

    def title(self) -> str:
        return _("Booked: 1:1 meeting with %(host)s, %(when)s") % {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
        }

    def body(self) -> str:
        return _(
            "Your organisation has booked the 1:1 meeting with %(host)s %(when)s at "
            "“%(conference)s”. The attached calendar file puts it in your calendar."
        ) % {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
            "conference": self.conference,
        }

    def link(self) -> str:
        return links.conference_page(self.conference_id)

    def calendar(self) -> CalendarUpdate | None:
        event = _meeting_event(
            meeting_id=self.meeting_id,
            conference_id=self.conference_id,
            conference=self.conference,
            host=self.host,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="REQUEST", events=(event,), organizer=self.host)


# ------------------------------------------------------- a need's ongoing dialogue (dialogue)


def _week(value: str) -> str:
    """A week (its Monday, as stored) as the reader reads it: "uke 12 (16.03.2026–…)"."""
    try:
        return week_named(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def _ongoing_event(
    *,
    request_id: int,
    need_id: int,
    need: str,
    party: str,
    starts_at: str,
    ends_at: str,
    place: str,
    sequence: int,
) -> CalendarEvent:
    """An accepted meeting of a need's ongoing dialogue: one UID per request, whichever side's
    calendar it is in (``party``: the other side)."""
    url = links.absolute(links.need_page(need_id))
    return CalendarEvent(
        uid=event_uid("meeting-request", request_id),
        sequence=sequence,
        starts_at=moment(starts_at),
        ends_at=moment(ends_at),
        summary=_("Meeting with %(party)s: %(need)s") % {"party": party, "need": need},
        location=place,
        description=url,
        url=url,
    )


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequested(Message):
    """To the buyer: a supplier asks for a meeting in the need's ongoing dialogue."""

    kind = NotificationKind.MEETING_REQUESTED
    audiences = (Audience.BUYER,)
    need_id: int
    need: str
    supplier: str
    week: str
    topic: str

    def title(self) -> str:
        return _("%(supplier)s asks for a meeting about “%(need)s”") % {
            "supplier": self.supplier,
            "need": self.need,
        }

    def body(self) -> str:
        return _(
            "%(supplier)s asks for a meeting in the ongoing dialogue, %(week)s:\n\n"
            "“%(topic)s”\n\nAccept with a time, or decline with a standard reply, on the "
            "need's page."
        ) % {"supplier": self.supplier, "week": _week(self.week), "topic": self.topic}

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequestAccepted(Message):
    """To the supplier: the buyer accepted its request, with a time and a place."""

    kind = NotificationKind.MEETING_REQUEST_ACCEPTED
    audiences = (Audience.SUPPLIER,)
    need_id: int
    need: str
    host: str
    starts_at: str
    ends_at: str
    place: str
    request_id: int = 0
    sequence: int = 0

    def calendar(self) -> CalendarUpdate | None:
        """The meeting in the supplier's calendar."""
        if not (self.request_id and self.sequence):
            return None
        event = _ongoing_event(
            request_id=self.request_id,
            need_id=self.need_id,
            need=self.need,
            party=self.host,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="REQUEST", events=(event,), organizer=self.host)

    def title(self) -> str:
        return _("Meeting with %(host)s: %(when)s") % {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
        }

    def body(self) -> str:
        return _(
            "%(host)s accepted your request for a meeting in the ongoing dialogue on "
            "“%(need)s”. The meeting is %(when)s, %(place)s. If the time does not suit you, "
            "withdraw the request on the need's page and ask for another week."
        ) % {
            "host": self.host,
            "need": self.need,
            "when": meeting_when(self.starts_at, self.ends_at),
            "place": self.place,
        }

    def link(self) -> str:
        return links.need_page(self.need_id)


def standard_reply(reason: str, *, week: str) -> str:
    """The standard reply of a declined meeting request: the same for every supplier
    declined for the reason."""
    replies: dict[str, str] = {
        MeetingRequest.DeclineReason.CAPACITY: _(
            "Thank you for your request. The buyer has no more room for meetings in the "
            "ongoing dialogue in %(week)s. You are welcome to ask for another week."
        ),
        MeetingRequest.DeclineReason.SCOPE: _(
            "Thank you for your request. What you want to talk about lies outside what the "
            "buyer explores in this dialogue, so the buyer takes no meeting about it. The "
            "need's page says what the buyer wants to talk about."
        ),
        MeetingRequest.DeclineReason.CLOSING: _(
            "Thank you for your request. The buyer is closing the ongoing dialogue on this "
            "need and takes no more meetings. What was shared in the dialogue stays in the "
            "need's equal-treatment log."
        ),
    }
    reply = replies.get(reason, replies[MeetingRequest.DeclineReason.SCOPE])
    same = _("Every supplier asking for a meeting is answered by the same rules.")
    return f"{reply % {'week': _week(week)}}\n\n{same}"


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequestDeclined(Message):
    """To the supplier: the buyer declined its request with a standard reply."""

    kind = NotificationKind.MEETING_REQUEST_DECLINED
    audiences = (Audience.SUPPLIER,)
    need_id: int
    need: str
    host: str
    week: str
    reason: str

    def title(self) -> str:
        return _("%(host)s cannot take your meeting request about “%(need)s”") % {
            "host": self.host,
            "need": self.need,
        }

    def body(self) -> str:
        return standard_reply(self.reason, week=self.week)

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequestWithdrawn(Message):
    """To the buyer: a supplier withdrew its request (or its accepted meeting)."""

    kind = NotificationKind.MEETING_REQUEST_WITHDRAWN
    audiences = (Audience.BUYER,)
    need_id: int
    need: str
    supplier: str
    week: str
    starts_at: str = ""
    ends_at: str = ""
    #: Of an accepted meeting: the buyer's calendar drops it.
    request_id: int = 0
    host: str = ""
    place: str = ""
    sequence: int = 0

    def calendar(self) -> CalendarUpdate | None:
        if not (self.starts_at and self.request_id and self.sequence):
            return None
        event = _ongoing_event(
            request_id=self.request_id,
            need_id=self.need_id,
            need=self.need,
            party=self.supplier,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="CANCEL", events=(event,), organizer=self.host)

    def title(self) -> str:
        return _("%(supplier)s withdrew its meeting request about “%(need)s”") % {
            "supplier": self.supplier,
            "need": self.need,
        }

    def body(self) -> str:
        if self.starts_at:
            return _(
                "%(supplier)s withdrew from the meeting %(when)s in the ongoing dialogue. The "
                "time is free again."
            ) % {"supplier": self.supplier, "when": meeting_when(self.starts_at, self.ends_at)}
        return _(
            "%(supplier)s withdrew its request for a meeting in %(week)s. The place in that "
            "week is free again."
        ) % {"supplier": self.supplier, "week": _week(self.week)}

    def link(self) -> str:
        return links.need_page(self.need_id)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequestCancelled(Message):
    """To the supplier: the buyer cancelled its accepted meeting (with the reason, if given);
    its calendar drops the meeting."""

    kind = NotificationKind.MEETING_REQUEST_CANCELLED
    audiences = (Audience.SUPPLIER,)
    need_id: int
    need: str
    host: str
    request_id: int
    starts_at: str
    ends_at: str
    place: str
    reason: str
    sequence: int

    def title(self) -> str:
        return _("%(host)s cancelled your meeting %(when)s") % {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
        }

    def body(self) -> str:
        text = _(
            "%(host)s has cancelled the meeting %(when)s in the ongoing dialogue on "
            "“%(need)s”. While the ongoing dialogue is open, you may ask for a meeting in "
            "another week on the need's page."
        ) % {
            "host": self.host,
            "when": meeting_when(self.starts_at, self.ends_at),
            "need": self.need,
        }
        return _with_reason(text, self.reason)

    def link(self) -> str:
        return links.need_page(self.need_id)

    def calendar(self) -> CalendarUpdate | None:
        event = _ongoing_event(
            request_id=self.request_id,
            need_id=self.need_id,
            need=self.need,
            party=self.host,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        return CalendarUpdate(method="CANCEL", events=(event,), organizer=self.host)


@_kind
@dataclass(frozen=True, kw_only=True)
class MeetingRequestCalendar(Message):
    """To the side that set or ended a meeting of a need's ongoing dialogue, for its
    calendars: the buyer's people when it accepts (REQUEST) or cancels it, the supplier's
    when it withdraws (CANCEL). The other side hears of it by its own kind. ``party``: the
    other side; ``host``: the buyer (the organizer)."""

    kind = NotificationKind.MEETING_REQUEST_CALENDAR
    audiences = (Audience.BUYER, Audience.SUPPLIER)
    need_id: int
    need: str
    host: str
    party: str
    request_id: int
    starts_at: str
    ends_at: str
    place: str
    cancelled: bool
    sequence: int

    def title(self) -> str:
        values = {"party": self.party, "when": meeting_when(self.starts_at, self.ends_at)}
        if self.cancelled:
            return _("Cancelled in your calendar: meeting with %(party)s, %(when)s") % values
        return _("In your calendar: meeting with %(party)s, %(when)s") % values

    def body(self) -> str:
        values = {
            "party": self.party,
            "need": self.need,
            "when": meeting_when(self.starts_at, self.ends_at),
            "place": self.place,
        }
        if self.cancelled:
            return (
                _(
                    "The meeting with %(party)s %(when)s in the ongoing dialogue on “%(need)s” "
                    "is cancelled. The attached calendar file removes it from your calendar."
                )
                % values
            )
        return (
            _(
                "The meeting with %(party)s in the ongoing dialogue on “%(need)s” is %(when)s, "
                "%(place)s. The attached calendar file puts it in your calendar."
            )
            % values
        )

    def link(self) -> str:
        return links.need_page(self.need_id)

    def calendar(self) -> CalendarUpdate | None:
        event = _ongoing_event(
            request_id=self.request_id,
            need_id=self.need_id,
            need=self.need,
            party=self.party,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=self.place,
            sequence=self.sequence,
        )
        method = "CANCEL" if self.cancelled else "REQUEST"
        return CalendarUpdate(method=method, events=(event,), organizer=self.host)
