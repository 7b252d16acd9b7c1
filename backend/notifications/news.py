"""Who hears of what: one function per event of the market, called by the service that
makes it happen, inside its transaction. Each picks the recipients and the typed message.
This is the one place that says who hears what (the dialogue's conferences, its record and
its ongoing dialogue included).

Equal treatment and confidentiality are decided here: a supplier's business (its response,
registration, question, booking, meeting request) is told to the buyer side only, never to
another supplier; an answer or what the buyer shared goes to every supplier taking part
alike, without naming who asked or who the meeting was with.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from backend.accounts.models import JoinRequest, Organization, User
from backend.accounts.selectors import user_org_ids
from backend.dialogue.models import (
    ConferenceInvitation,
    DialogueConference,
    MeetingMinutes,
    MeetingRequest,
    MeetingSlot,
    MinutesComment,
    Question,
    Registration,
    SharedInformation,
)
from backend.dialogue.ongoing_selectors import request_meeting_times
from backend.dialogue.record_selectors import dialogue_participant_ids
from backend.discovery.models import SavedSearch
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.matches.models import Match
from backend.needs.models import CoBuyerRequest, Need
from backend.notifications import messages as m
from backend.notifications import recipients
from backend.notifications.calendar import sequence_now
from backend.notifications.services import notification_send
from backend.responses.models import Response
from backend.solutions.models import Solution

if TYPE_CHECKING:
    from backend.research.models import ResearchPartnership

# ------------------------------------------------------------------------------ buyers


def response_received(response: Response) -> None:
    need = response.need
    notification_send(
        message=m.ResponseReceived(
            need_id=need.pk, need=need.title, supplier=response.organization.name
        ),
        users=recipients.need_buyers(need=need),
    )


def question_asked(question: Question) -> None:
    """The host hears of a new question (not who asked: it sees that on the page)."""
    conference = question.conference
    notification_send(
        message=m.QuestionAsked(
            conference_id=conference.pk, conference=conference.title, question=question.text
        ),
        users=recipients.conference_hosts(conference=conference),
    )


def _place(conference: DialogueConference) -> str:
    return conference.location or conference.stream_url


def registration_received(registration: Registration) -> None:
    """The host hears of the registration; the supplier's people get a confirmation with
    the conference for their calendars."""
    conference = registration.conference
    supplier = registration.organization.name
    notification_send(
        message=m.RegistrationReceived(
            conference_id=conference.pk, conference=conference.title, supplier=supplier
        ),
        users=recipients.conference_hosts(conference=conference),
    )
    notification_send(
        message=m.RegistrationConfirmed(
            conference_id=conference.pk,
            conference=conference.title,
            host=conference.organization.name,
            supplier=supplier,
            starts_at=m.stamp(conference.starts_at),
            ends_at=m.stamp(conference.ends_at),
            place=_place(conference),
            sequence=sequence_now(),
        ),
        users=recipients.organization_members(organization_ids=[registration.organization_id]),
    )


def registration_cancelled(registration: Registration) -> None:
    conference = registration.conference
    notification_send(
        message=m.RegistrationCancelled(
            conference_id=conference.pk,
            conference=conference.title,
            supplier=registration.organization.name,
        ),
        users=recipients.conference_hosts(conference=conference),
    )


def meeting_booked(slot: MeetingSlot, *, booker: Organization) -> None:
    """The host hears which supplier booked; the supplier's people get a confirmation with
    the meeting for their calendars."""
    conference = slot.conference
    notification_send(
        message=m.MeetingBooked(
            conference_id=conference.pk,
            conference=conference.title,
            supplier=booker.name,
            starts_at=m.stamp(slot.starts_at),
        ),
        users=recipients.conference_hosts(conference=conference),
    )
    notification_send(
        message=m.MeetingConfirmed(
            conference_id=conference.pk,
            conference=conference.title,
            host=conference.organization.name,
            meeting_id=slot.pk,
            starts_at=m.stamp(slot.starts_at),
            ends_at=m.stamp(slot.ends_at),
            place=_place(conference),
            sequence=sequence_now(),
        ),
        users=recipients.organization_members(organization_ids=[booker.pk]),
    )


def meeting_cancelled_by_supplier(
    slot: MeetingSlot, *, booker: Organization, user: User, reason: str = ""
) -> None:
    """The host hears when the supplier that booked cancels, and why if it said (a
    cancellation by the host or an advisor is told to the supplier:
    ``meeting_cancelled_by_host``)."""
    if booker.pk not in user_org_ids(user):
        return
    conference = slot.conference
    notification_send(
        message=m.MeetingCancelled(
            conference_id=conference.pk,
            conference=conference.title,
            party=booker.name,
            starts_at=m.stamp(slot.starts_at),
            ends_at=m.stamp(slot.ends_at),
            by_host=False,
            reason=reason,
        ),
        users=recipients.conference_hosts(conference=conference),
    )


def research_partner_invited(partnership: "ResearchPartnership") -> None:
    """The invited research institution's members (the buyer named, never a response)."""
    need = partnership.need
    notification_send(
        message=m.ResearchPartnerInvited(
            partnership_id=partnership.pk, need=need.title, buyer=need.organization.name
        ),
        users=recipients.organization_members(organization_ids=[partnership.organization_id]),
    )


def co_buyer_requested(request: CoBuyerRequest, *, admins: list[User]) -> None:
    need = request.need
    notification_send(
        message=m.CoBuyerRequested(need_id=need.pk, need=need.title, buyer=need.organization.name),
        users=admins,
    )


def joint_invited(membership: GroupMembership) -> None:
    """The invited buyer's members hear of an invitation to a joint procurement."""
    group = membership.group
    notification_send(
        message=m.JointInvitation(
            membership_id=membership.pk,
            group=group.title,
            buyer=group.lead_organization.name,
            need=membership.need.title,
        ),
        users=recipients.organization_members(organization_ids=[membership.organization_id]),
    )


def joint_answered(membership: GroupMembership) -> None:
    """The lead buyer hears whether an invited buyer joined or declined."""
    group = membership.group
    notification_send(
        message=m.JointAnswered(
            need_id=group.lead_need_id,
            group=group.title,
            buyer=membership.organization.name,
            accepted=membership.state == GroupMembership.State.ACCEPTED,
        ),
        users=recipients.organization_members(organization_ids=[group.lead_organization_id]),
    )


def joint_changed(
    group: ProcurementGroup, *, event: str, buyer: Organization, members: Iterable[GroupMembership]
) -> None:
    """The other members hear that the lead changed, a member left, or the group dissolved;
    each is sent to its own need's page."""
    for member in members:
        if member.organization_id == buyer.pk:
            continue
        notification_send(
            message=m.JointChanged(
                need_id=member.need_id, group=group.title, event=event, buyer=buyer.name
            ),
            users=recipients.organization_members(organization_ids=[member.organization_id]),
        )


# ---------------------------------------------------------------------------- suppliers


def _rebook_until(conference: DialogueConference) -> str:
    """The booking deadline while it lies ahead (a supplier may book another time)."""
    deadline = conference.registration_deadline
    return m.stamp(deadline) if timezone.now() < deadline else ""


#: What a registered supplier plans by: a change of any of these is news to it.
CONFERENCE_PLAN_FIELDS = frozenset({"starts_at", "ends_at", "format", "location", "stream_url"})


def conference_changed(conference: DialogueConference, *, fields: Collection[str]) -> None:
    """Every registered and every invited supplier hears when the time or place of an
    announced conference changes (its other texts are read on the page): the calendar event
    their confirmation or invitation made is updated."""
    if not CONFERENCE_PLAN_FIELDS & set(fields):
        return
    if conference.status != DialogueConference.Status.PUBLISHED:
        return
    notification_send(
        message=m.ConferenceChanged(
            conference_id=conference.pk,
            conference=conference.title,
            starts_at=m.stamp(conference.starts_at),
            place=_place(conference),
            host=conference.organization.name,
            ends_at=m.stamp(conference.ends_at),
            sequence=sequence_now(),
        ),
        users=recipients.conference_suppliers(conference=conference),
    )


def meeting_moved(slot: MeetingSlot, *, previous: tuple[datetime, datetime]) -> None:
    """The supplier that booked hears that the host moved the meeting (its booking moves)."""
    conference = slot.conference
    notification_send(
        message=m.MeetingChanged(
            conference_id=conference.pk,
            conference=conference.title,
            host=conference.organization.name,
            starts_at=m.stamp(slot.starts_at),
            ends_at=m.stamp(slot.ends_at),
            previous_starts_at=m.stamp(previous[0]),
            previous_ends_at=m.stamp(previous[1]),
            rebook_until=_rebook_until(conference),
            meeting_id=slot.pk,
            place=_place(conference),
            sequence=sequence_now(),
        ),
        users=recipients.organization_members(organization_ids=[slot.booked_by_id or 0]),
    )


def meeting_cancelled_by_host(slot: MeetingSlot, *, organization_id: int, reason: str = "") -> None:
    """The supplier that booked hears that the host (or an advisor) cancelled or deleted
    the meeting, and why if they said: the time is no longer theirs, its place in their
    limit is free again, and its calendar drops the meeting."""
    conference = slot.conference
    notification_send(
        message=m.MeetingCancelled(
            conference_id=conference.pk,
            conference=conference.title,
            party=conference.organization.name,
            starts_at=m.stamp(slot.starts_at),
            ends_at=m.stamp(slot.ends_at),
            by_host=True,
            rebook_until=_rebook_until(conference),
            meeting_id=slot.pk,
            place=_place(conference),
            sequence=sequence_now(),
            reason=reason,
        ),
        users=recipients.organization_members(organization_ids=[organization_id]),
    )


def conference_cancelled(
    conference: DialogueConference,
    *,
    registered: Iterable[int],
    booked: dict[int, list[tuple[datetime, datetime]]],
) -> None:
    """Every member of every registered (or invited) organisation hears of the cancellation
    and its reason, each organisation of its own cancelled meetings only (``booked``: the
    times by organisation id)."""
    meetings = dict(conference.slots.values_list("starts_at", "pk"))
    sequence = sequence_now()
    # The invited have it in their calendars too (their invitation's event).
    invited = conference.invitations.values_list("organization_id", flat=True)
    for organization_id in sorted({*registered, *invited}):
        times = booked.get(organization_id, [])
        notification_send(
            message=m.ConferenceCancelled(
                conference_id=conference.pk,
                conference=conference.title,
                host=conference.organization.name,
                starts_at=m.stamp(conference.starts_at),
                reason=conference.cancellation_reason,
                booked=[(m.stamp(start), m.stamp(end)) for start, end in times],
                ends_at=m.stamp(conference.ends_at),
                place=_place(conference),
                meeting_ids=[meetings[start] for start, _end in times if start in meetings],
                sequence=sequence,
            ),
            users=recipients.organization_members(organization_ids=[organization_id]),
        )


def question_answered(question: Question) -> None:
    """Every registered supplier hears the answer alike (equal treatment), the asker too,
    and none is told who asked."""
    conference = question.conference
    notification_send(
        message=m.QuestionAnswered(
            conference_id=conference.pk,
            conference=conference.title,
            question=question.text,
            answer=question.answer,
        ),
        users=recipients.registered_suppliers(conference=conference),
    )


def _acting_for(user: User, conference: DialogueConference) -> str:
    """The organisation a person invites for: the host, or the advisors' organisation."""
    if conference.organization_id in user_org_ids(user):
        return conference.organization.name
    membership = (
        user.memberships.filter(organization__kind=Organization.Kind.ADVISORY)
        .select_related("organization")
        .first()
    )
    return membership.organization.name if membership is not None else ""


def conference_invitation(invitation: ConferenceInvitation) -> None:
    """Every person of the invited organisation hears who invites them to which conference,
    when and where it is, the registration deadline and the personal message, with the
    conference for their calendar. Only the organisation's own solution is named, never who
    else was invited."""
    conference = invitation.conference
    person = invitation.invited_by
    notification_send(
        message=m.ConferenceInvitation(
            conference_id=conference.pk,
            conference=conference.title,
            buyer=conference.organization.name,
            starts_at=m.stamp(conference.starts_at),
            ends_at=m.stamp(conference.ends_at),
            registration_deadline=m.stamp(conference.registration_deadline),
            place=_place(conference),
            person=str(person) if person is not None else "",
            person_organization=_acting_for(person, conference) if person is not None else "",
            solution=invitation.solution.title if invitation.solution is not None else "",
            message=invitation.message,
            sequence=sequence_now(),
        ),
        users=recipients.organization_members(organization_ids=[invitation.organization_id]),
    )


def response_readers_added(
    *, need: Need, organization: Organization, role: str = "co_buyer"
) -> None:
    """Suppliers who responded learn who can now read their response (a co-buyer, or a
    research partner the buyer granted it)."""
    responders = need.responses.values_list("organization_id", flat=True)
    notification_send(
        message=m.ResponseReadersAdded(
            need_id=need.pk, need=need.title, organization=organization.name, role=role
        ),
        users=recipients.organization_members(organization_ids=responders),
    )


def introduction(match: Match) -> None:
    """Both sides of an introduced pair (both published: the service checks it)."""
    other = match.solution if match.solution is not None else match.other_need
    if other is None:
        return
    notification_send(
        message=m.Introduction(need_id=match.need_id, need=match.need.title, other=other.title),
        users=recipients.organization_members(
            organization_ids=[match.need.organization_id, other.organization_id]
        ),
    )


def need_matches_solutions(need: Need, solutions: Iterable[Solution]) -> None:
    """The suppliers of solutions the matching engine newly found for a published need."""
    for solution in solutions:
        notification_send(
            message=m.NeedMatchesSolution(
                need_id=need.pk,
                need=need.title,
                buyer=need.organization.name,
                solution=solution.title,
            ),
            users=recipients.organization_members(organization_ids=[solution.organization_id]),
        )


def saved_search_hits(saved: SavedSearch, *, hits: list[dict[str, str]], more: int) -> None:
    """The owner of a saved search hears what it newly found (published things only: the
    alert checks each hit against the database)."""
    notification_send(
        message=m.SavedSearchHits(
            name=saved.name,
            query=saved.query,
            filters=[[name, value] for name, values in saved.filters.items() for value in values],
            hits=hits,
            more=more,
        ),
        users=[saved.user],
    )


def similar_need_published(need: Need, others: Iterable[Need]) -> None:
    """The buyers of needs the engine newly found similar to a published need, other than
    its own buyer (joint procurement starts here)."""
    for other in others:
        if other.organization_id == need.organization_id:
            continue
        notification_send(
            message=m.SimilarNeedPublished(
                need_id=need.pk,
                need=need.title,
                buyer=need.organization.name,
                own_need=other.title,
            ),
            users=recipients.need_buyers(need=other),
        )


# ----------------------------------------------------------------------------- advisors


def need_published(need: Need) -> None:
    """Advisors hear of a new need to curate."""
    notification_send(
        message=m.NeedToCurate(need_id=need.pk, need=need.title, buyer=need.organization.name),
        users=recipients.advisors(),
    )


def organization_registered(organization: Organization) -> None:
    """Advisors hear of an organisation waiting for verification."""
    if organization.verified or organization.kind == Organization.Kind.ADVISORY:
        return
    notification_send(
        message=m.OrganizationUnverified(
            organization_id=organization.pk, organization=organization.name
        ),
        users=recipients.advisors(),
    )


# ------------------------------------------------------------------- everyone: their org


def organization_verified(organization: Organization, *, admins: list[User]) -> None:
    notification_send(
        message=m.OrganizationVerified(
            organization_id=organization.pk, organization=organization.name
        ),
        users=admins,
    )


def join_requested(request: JoinRequest, *, deciders: list[User]) -> None:
    notification_send(
        message=m.JoinRequested(
            organization_id=request.organization_id,
            organization=request.organization.name,
            person=str(request.user),
        ),
        users=deciders,
    )


def join_decided(request: JoinRequest, *, approved: bool) -> None:
    notification_send(
        message=m.JoinDecided(
            organization_id=request.organization_id,
            organization=request.organization.name,
            approved=approved,
        ),
        users=[request.user],
    )


# ------------------------------------------------------- the equal-treatment record (dialogue)


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


# ------------------------------------------------------- a need's ongoing dialogue (dialogue)


def _request_buyers(request: MeetingRequest) -> list[User]:
    return recipients.organization_members(organization_ids=[request.dialogue.need.organization_id])


def _request_supplier(request: MeetingRequest) -> list[User]:
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
        users=_request_buyers(request),
    )


def _accepted_sequence(request: MeetingRequest) -> int:
    """The SEQUENCE of an accepted meeting's calendar event: when it was accepted."""
    decided = request.decided_at
    return int(decided.timestamp()) if decided is not None else sequence_now()


def _ended_sequence(request: MeetingRequest) -> int:
    """The SEQUENCE that cancels an accepted meeting: later than its event's, even within
    the second it was accepted in."""
    return max(sequence_now(), _accepted_sequence(request) + 1)


def _own_calendar(
    request: MeetingRequest, *, party: str, times: tuple[datetime, datetime], cancelled: bool
) -> m.MeetingRequestCalendar:
    need = request.dialogue.need
    return m.MeetingRequestCalendar(
        need_id=need.pk,
        need=need.title,
        host=need.organization.name,
        party=party,
        request_id=request.pk,
        starts_at=m.stamp(times[0]),
        ends_at=m.stamp(times[1]),
        place=request.place,
        cancelled=cancelled,
        sequence=_ended_sequence(request) if cancelled else _accepted_sequence(request),
    )


def meeting_request_accepted(
    *, request: MeetingRequest, starts_at: datetime, ends_at: datetime
) -> None:
    """The supplier hears the time and place of its meeting (``starts_at``, ``ends_at``: the
    time the buyer accepted it for); the people of both sides get it for their calendars."""
    need = request.dialogue.need
    notification_send(
        message=m.MeetingRequestAccepted(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            starts_at=m.stamp(starts_at),
            ends_at=m.stamp(ends_at),
            place=request.place,
            request_id=request.pk,
            sequence=_accepted_sequence(request),
        ),
        users=_request_supplier(request),
    )
    notification_send(
        message=_own_calendar(
            request,
            party=request.organization.name,
            times=(starts_at, ends_at),
            cancelled=False,
        ),
        users=_request_buyers(request),
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
        users=_request_supplier(request),
    )


def meeting_request_withdrawn(*, request: MeetingRequest, was_accepted: bool) -> None:
    """The buyer hears that a supplier withdrew its request or its accepted meeting; a
    meeting leaves the calendars of both sides' people."""
    need = request.dialogue.need
    times = request_meeting_times(request) if was_accepted else None
    notification_send(
        message=m.MeetingRequestWithdrawn(
            need_id=need.pk,
            need=need.title,
            supplier=request.organization.name,
            week=request.week.isoformat(),
            starts_at=m.stamp(times[0]) if times else "",
            ends_at=m.stamp(times[1]) if times else "",
            request_id=request.pk if times else 0,
            host=need.organization.name,
            place=request.place if times else "",
            sequence=_ended_sequence(request) if times else 0,
        ),
        users=_request_buyers(request),
    )
    if times is not None:
        notification_send(
            message=_own_calendar(
                request, party=need.organization.name, times=times, cancelled=True
            ),
            users=_request_supplier(request),
        )


def meeting_request_cancelled(
    *, request: MeetingRequest, times: tuple[datetime, datetime], reason: str
) -> None:
    """The supplier hears that the buyer cancelled its meeting (``times``: its start and
    end), with the reason if given; the meeting leaves the calendars of both sides' people.
    No other supplier hears of it."""
    need = request.dialogue.need
    host = need.organization.name
    notification_send(
        message=m.MeetingRequestCancelled(
            need_id=need.pk,
            need=need.title,
            host=host,
            request_id=request.pk,
            starts_at=m.stamp(times[0]),
            ends_at=m.stamp(times[1]),
            place=request.place,
            reason=reason,
            sequence=_ended_sequence(request),
        ),
        users=_request_supplier(request),
    )
    notification_send(
        message=_own_calendar(
            request, party=request.organization.name, times=times, cancelled=True
        ),
        users=_request_buyers(request),
    )
