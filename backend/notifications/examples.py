"""One notification of every kind for the demo's buyer, supplier and advisor, each about
real rows of the demo market, so that every kind's link opens a real page. The end-to-end
run loads them after the demo data (``manage.py notifications_examples``) and follows every
link in the browser. Not part of the demo data itself: some tell of events (a cancelled
conference, a moved meeting) that the demo market does not hold."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Case, QuerySet, When

from backend.accounts.models import Organization, User
from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.joint.models import GroupMembership
from backend.needs.models import Need
from backend.notifications import messages as m
from backend.notifications.calendar import sequence_now
from backend.notifications.models import Notification
from backend.notifications.services import notification_send
from backend.solutions.models import Solution


def _public_needs() -> QuerySet[Need]:
    return Need.objects.filter(status=Need.Status.PUBLISHED).select_related("organization")


def _org_of(user: User) -> Organization:
    membership = user.memberships.select_related("organization").first()
    if membership is None:
        raise ValueError(f"{user} is a member of no organisation")
    return membership.organization


def _person_of(organization: Organization) -> str:
    membership = organization.memberships.select_related("user").order_by("pk").first()
    return str(membership.user) if membership is not None else organization.name


def _conference(**filters: object) -> DialogueConference:
    published = DialogueConference.objects.filter(status=DialogueConference.Status.PUBLISHED)
    conference = published.filter(**filters).first() or published.first()
    if conference is None:
        raise ValueError("The demo market has no announced conference")
    return conference


def _meeting(conference: DialogueConference) -> tuple[str, str]:
    slot = MeetingSlot.objects.filter(conference=conference).order_by("starts_at").first()
    starts = slot.starts_at if slot else conference.starts_at + timedelta(days=1)
    return m.stamp(starts), m.stamp(starts + timedelta(minutes=45))


def _slot_id(conference: DialogueConference, booked_by: Organization | None = None) -> int:
    """A 1:1 meeting of the conference (one the organisation booked, if it has)."""
    slots = MeetingSlot.objects.filter(conference=conference).order_by("starts_at")
    slot = slots.filter(booked_by=booked_by).first() if booked_by else None
    slot = slot or slots.first()
    return slot.pk if slot else 0


def _buyer_news(buyer: User, supplier_name: str, rival_name: str) -> list[m.Message]:
    org = _org_of(buyer)
    need = _public_needs().filter(organization=org).first() or _public_needs().first()
    other = _public_needs().exclude(organization=org).first()
    conference = _conference(organization=org)
    if need is None or other is None:
        raise ValueError("The demo market needs published needs of two buyers")
    starts, ends = _meeting(conference)
    cid, title = conference.pk, conference.title
    return [
        m.ResponseReceived(need_id=need.pk, need=need.title, supplier=supplier_name),
        m.QuestionAsked(
            conference_id=cid,
            conference=title,
            question="Kan løsningen kobles til fagsystemet vi bruker i dag?",
        ),
        m.RegistrationReceived(conference_id=cid, conference=title, supplier=supplier_name),
        m.RegistrationCancelled(conference_id=cid, conference=title, supplier=rival_name),
        m.MeetingBooked(
            conference_id=cid, conference=title, supplier=supplier_name, starts_at=starts
        ),
        m.MeetingCancelled(
            conference_id=cid,
            conference=title,
            party=rival_name,
            starts_at=starts,
            ends_at=ends,
            by_host=False,
        ),
        m.CoBuyerRequested(need_id=other.pk, need=other.title, buyer=other.organization.name),
        m.SimilarNeedPublished(
            need_id=other.pk, need=other.title, buyer=other.organization.name, own_need=need.title
        ),
        m.JoinRequested(organization_id=org.pk, organization=org.name, person="Per Hansen"),
        m.OrganizationVerified(organization_id=org.pk, organization=org.name),
        m.MinutesCommented(
            conference_id=cid,
            meeting_id=_slot_id(conference),
            dialogue=title,
            supplier=supplier_name,
            starts_at=starts,
            ends_at=ends,
        ),
        m.MeetingRequested(
            need_id=need.pk,
            need=need.title,
            supplier=supplier_name,
            week=starts[:10],
            topic="Vi vil vise hvordan sensorene kan kobles til pasientvarslingsanlegget.",
        ),
        m.MeetingRequestWithdrawn(
            need_id=need.pk, need=need.title, supplier=rival_name, week=starts[:10]
        ),
        m.MeetingReminder(
            conference_id=cid, conference=title, party=supplier_name, starts_at=starts, ends_at=ends
        ),
        m.MeetingRequestCalendar(
            need_id=need.pk,
            need=need.title,
            host=org.name,
            party=supplier_name,
            request_id=need.pk,
            starts_at=starts,
            ends_at=ends,
            place="Teams (lenken kommer i innkallingen)",
            cancelled=False,
            sequence=sequence_now(),
        ),
    ]


def _saved_search_hits() -> m.SavedSearchHits:
    """A saved search for needs about safety alarms, with the demo's needs it finds."""
    needs = _public_needs().filter(description__icontains="trygghetsalarm").order_by("pk")[:3]
    hits = [
        {
            "kind": "need",
            "title": need.title,
            "organization": need.organization.name,
            "deadline": m.stamp(need.response_deadline) if need.response_deadline else "",
        }
        for need in needs
    ]
    return m.SavedSearchHits(
        name="Trygghetsalarmer",
        query="trygghetsalarm",
        filters=[["kind", "need"]],
        hits=hits,
        more=0,
    )


def _supplier_news(supplier: User) -> list[m.Message]:
    org = _org_of(supplier)
    conference = _conference(registrations__organization=org)
    host = conference.organization.name
    starts, ends = _meeting(conference)
    earlier = m.stamp(conference.starts_at + timedelta(days=1, hours=-1))
    need = _public_needs().first()
    solution = Solution.objects.filter(organization=org).first()
    if need is None or solution is None:
        raise ValueError("The demo market needs a published need and the supplier's solution")
    cid, title = conference.pk, conference.title
    return [
        m.NeedMatchesSolution(
            need_id=need.pk, need=need.title, buyer=need.organization.name, solution=solution.title
        ),
        _saved_search_hits(),
        m.QuestionAnswered(
            conference_id=cid,
            conference=title,
            question="Må løsningen virke uten strøm?",
            answer="Ja, i minst åtte timer med batteri.",
        ),
        m.ConferenceInvitation(
            conference_id=cid,
            conference=title,
            buyer=host,
            starts_at=m.stamp(conference.starts_at),
            ends_at=m.stamp(conference.ends_at),
            registration_deadline=m.stamp(conference.registration_deadline),
            place=conference.location or conference.stream_url,
            person=_person_of(conference.organization),
            person_organization=host,
            solution=solution.title,
            message="Vi har sett løsningen deres og tror den kan svare på behovet. Etter "
            "konferansen setter vi av tid til 1:1-møter.",
            sequence=sequence_now(),
        ),
        m.Introduction(need_id=need.pk, need=need.title, other=solution.title),
        m.ConferenceChanged(
            conference_id=cid,
            conference=title,
            starts_at=m.stamp(conference.starts_at),
            place=conference.location or host,
        ),
        m.ConferenceCancelled(
            conference_id=cid,
            conference=title,
            host=host,
            starts_at=m.stamp(conference.starts_at),
            reason="Behovet må forankres på nytt etter budsjettbehandlingen.",
            booked=[(starts, ends)],
        ),
        m.MeetingChanged(
            conference_id=cid,
            conference=title,
            host=host,
            starts_at=starts,
            ends_at=ends,
            previous_starts_at=earlier,
            previous_ends_at=m.stamp(conference.starts_at + timedelta(days=1, minutes=-15)),
        ),
        m.ResponseReadersAdded(need_id=need.pk, need=need.title, organization="Larvik kommune"),
        m.JoinDecided(organization_id=org.pk, organization=org.name, approved=True),
        m.SharedInformationPublished(
            conference_id=cid,
            dialogue=title,
            meeting_type="one_to_one",
            meeting_at=starts,
            what="clarification",
            text="Løsningen skal kunne brukes av nattevakter uten egen opplæring i IKT.",
        ),
        m.MinutesSent(
            conference_id=cid,
            meeting_id=_slot_id(conference, booked_by=org),
            dialogue=title,
            host=host,
            starts_at=starts,
            ends_at=ends,
        ),
        m.MeetingRequestAccepted(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            starts_at=starts,
            ends_at=ends,
            place="Teams (lenken kommer i innkallingen)",
        ),
        m.MeetingRequestDeclined(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            week=starts[:10],
            reason="capacity",
        ),
        m.MeetingRequestCancelled(
            need_id=need.pk,
            need=need.title,
            host=need.organization.name,
            request_id=need.pk,
            starts_at=starts,
            ends_at=ends,
            place="Rådhuset, møterom 3",
            reason="Prosjektlederen er syk; vi foreslår en ny tid så snart hun er tilbake.",
            sequence=sequence_now(),
        ),
        m.RegistrationConfirmed(
            conference_id=cid,
            conference=title,
            host=host,
            supplier=org.name,
            starts_at=m.stamp(conference.starts_at),
            ends_at=m.stamp(conference.ends_at),
            place=conference.location or host,
            sequence=sequence_now(),
        ),
        m.MeetingConfirmed(
            conference_id=cid,
            conference=title,
            host=host,
            meeting_id=_slot_id(conference, booked_by=org),
            starts_at=starts,
            ends_at=ends,
            place=conference.location or host,
            sequence=sequence_now(),
        ),
        m.BookingClosesReminder(
            conference_id=cid,
            conference=title,
            deadline=m.stamp(conference.registration_deadline),
            booked=1,
            allowed=2,
        ),
        m.ConferenceReminder(
            conference_id=cid,
            conference=title,
            starts_at=m.stamp(conference.starts_at),
            place=conference.location or host,
        ),
    ]


def _advisor_news() -> list[m.Message]:
    need = _public_needs().first()
    waiting = Organization.objects.filter(verified=False).first()
    if need is None or waiting is None:
        raise ValueError("The demo market needs a published need and an unverified organisation")
    from backend.research.models import ResearchPartnership

    partnership = ResearchPartnership.objects.select_related("need__organization").first()
    if partnership is None:
        raise ValueError("The demo market needs a research partnership")
    return [
        m.NeedToCurate(need_id=need.pk, need=need.title, buyer=need.organization.name),
        m.OrganizationUnverified(organization_id=waiting.pk, organization=waiting.name),
        # The advisor opens the partnership as the institution would (advisors see them all).
        m.ResearchPartnerInvited(
            partnership_id=partnership.pk,
            need=partnership.need.title,
            buyer=partnership.need.organization.name,
        ),
    ]


def _joint_news(buyer: User) -> list[m.Message]:
    """A joint procurement the buyer's organisation leads (the demo's group on digital
    night-time care) and an invitation into it; any published need where there is none."""
    org = _org_of(buyer)
    invited = (
        GroupMembership.objects.filter(state=GroupMembership.State.INVITED)
        .select_related("group", "group__lead_organization", "need", "organization")
        .order_by(Case(When(group__lead_organization=org, then=0), default=1), "pk")
        .first()
    )
    need = _public_needs().filter(organization=org).first() or _public_needs().first()
    if need is None:
        raise ValueError("The demo market has no published need")
    group = invited.group.title if invited else need.title
    other = invited.organization.name if invited else "Askøy kommune"
    lead_need = invited.group.lead_need_id if invited else need.pk
    return [
        m.JointInvitation(
            membership_id=invited.pk if invited else 0,
            group=group,
            buyer=invited.group.lead_organization.name if invited else org.name,
            need=invited.need.title if invited else need.title,
        ),
        m.JointAnswered(need_id=lead_need, group=group, buyer=other, accepted=True),
        m.JointChanged(need_id=lead_need, group=group, event="left", buyer="Øygarden kommune"),
    ]


@transaction.atomic
def notification_examples(*, buyer: User, supplier: User, advisor: User) -> int:
    """Send each person the examples of the kinds they have none of yet (run again: no
    more). Returns how many notifications were made."""
    supplier_name = _org_of(supplier).name
    rival = Organization.objects.filter(kind=Organization.Kind.SUPPLIER).exclude(name=supplier_name)
    rival_name = rival.values_list("name", flat=True).first() or "Tellu AS"
    cast = [
        (buyer, _buyer_news(buyer, supplier_name, rival_name)),
        (supplier, _supplier_news(supplier)),
        (advisor, _advisor_news()),
        (buyer, _joint_news(buyer)),
    ]
    made = 0
    for user, news in cast:
        had = set(Notification.objects.filter(user=user).values_list("kind", flat=True))
        for message in news:
            if message.kind not in had:
                made += len(notification_send(message=message, users=[user]))
    return made
