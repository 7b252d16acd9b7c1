from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from backend.accounts.models import Organization
from backend.accounts.selectors import user_buyer_org_ids, user_is_advisor, user_supplier_org_ids
from backend.common.types import AnyUser
from backend.dialogue.models import (
    ConferenceInvitation,
    DialogueConference,
    MeetingSlot,
    Question,
    Registration,
)
from backend.dialogue.rules import booking_refusal
from backend.needs.models import Need
from backend.needs.selectors import need_visibility_q

PUBLIC = (DialogueConference.Status.PUBLISHED, DialogueConference.Status.CANCELLED)


def conference_list(*, user: AnyUser) -> QuerySet[DialogueConference]:
    """Conferences the user may see, each with `visible_needs`: the linked needs the user may
    see (a draft never shows through a public conference that links it)."""
    visible_needs = Need.objects.filter(need_visibility_q(user)).order_by("pk")
    qs = (
        DialogueConference.objects.select_related("organization")
        .prefetch_related(Prefetch("needs", queryset=visible_needs, to_attr="visible_needs"))
        .annotate(registration_count=Count("registrations", distinct=True))
        .order_by("starts_at", "id")
    )
    if user_is_advisor(user):
        return qs
    q = Q(status__in=PUBLIC)
    orgs = user_buyer_org_ids(user)
    if orgs:
        q |= Q(organization_id__in=orgs)
    return qs.filter(q)


def conference_get(*, user: AnyUser, conference_id: int) -> DialogueConference:
    conference = conference_list(user=user).filter(pk=conference_id).first()
    if conference is None:
        raise Http404
    return conference


def user_hosts_conference(*, user: AnyUser, conference: DialogueConference) -> bool:
    return user_is_advisor(user) or conference.organization_id in user_buyer_org_ids(user)


def registration_list(*, user: AnyUser, conference: DialogueConference) -> QuerySet[Registration]:
    """The host and advisors see every registration; a supplier sees its own."""
    qs = conference.registrations.select_related("organization", "registered_by")
    if user_hosts_conference(user=user, conference=conference):
        return qs
    return qs.filter(organization_id__in=user_supplier_org_ids(user))


def invitation_list(
    *, user: AnyUser, conference: DialogueConference
) -> QuerySet[ConferenceInvitation]:
    """The host and advisors see every invitation and whether each organisation has
    registered (`registered`); a supplier sees its own organisations' only, never who else
    was invited; anyone else sees none."""
    registered = Registration.objects.filter(
        conference_id=OuterRef("conference_id"), organization_id=OuterRef("organization_id")
    )
    qs = (
        conference.invitations.select_related("organization", "solution", "invited_by")
        .annotate(registered=Exists(registered))
        .order_by("created_at", "id")
    )
    if user_hosts_conference(user=user, conference=conference):
        return qs
    return qs.filter(organization_id__in=user_supplier_org_ids(user))


def slot_list(*, conference: DialogueConference) -> QuerySet[MeetingSlot]:
    return conference.slots.select_related("booked_by")


@dataclass(frozen=True)
class BookingAllowance:
    """How many 1:1 meetings a supplier organisation has booked at a conference and may
    still book, and why it may book none (`reason`, "" when it may)."""

    organization: Organization
    registered: bool
    max_meetings: int
    booked: int
    booking_deadline: datetime
    reason: str

    @property
    def remaining(self) -> int:
        return 0 if self.reason else max(0, self.max_meetings - self.booked)

    @property
    def can_book(self) -> bool:
        return not self.reason


def booking_allowance(
    *, conference: DialogueConference, organization: Organization
) -> BookingAllowance:
    """What `organization` may still book at `conference` (the caller checks that the user
    acts for it: this is its own business)."""
    registered = conference.registrations.filter(organization=organization).exists()
    booked = conference.slots.filter(booked_by=organization).count()
    return BookingAllowance(
        organization=organization,
        registered=registered,
        max_meetings=conference.max_slots_per_supplier,
        booked=booked,
        booking_deadline=conference.registration_deadline,
        reason=booking_refusal(conference, registered=registered, booked=booked),
    )


def question_list(*, user: AnyUser, conference: DialogueConference) -> QuerySet[Question]:
    """The host and advisors see every question. Registered suppliers see every answered
    question and their own; nobody else sees any."""
    qs = conference.questions.select_related("organization")  # the host sees who asked
    if user_hosts_conference(user=user, conference=conference):
        return qs
    own = user_supplier_org_ids(user)
    if not conference.registrations.filter(organization_id__in=own).exists():
        return qs.none()
    return qs.filter(Q(answered_at__isnull=False) | Q(organization_id__in=own))


def question_get(*, user: AnyUser, question_id: int) -> Question:
    """A question the user may see (the conference's visibility, then the question's)."""
    question = Question.objects.select_related("conference").filter(pk=question_id).first()
    if question is None:
        raise Http404
    conference = conference_get(user=user, conference_id=question.conference_id)
    if not question_list(user=user, conference=conference).filter(pk=question_id).exists():
        raise Http404
    return question
