"""What we hold about a person (their copy under GDPR art. 15 and 20), and what stands in the
way of deleting their account.

Only the person's own data: rows about other people that mention them are named by type and
id, never copied (another member's e-mail, who decided a request, a colleague a response was
written with).
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from axes.models import AccessLog
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from knox.models import AuthToken

from backend.accounts.models import Invitation, JoinRequest, Membership, Organization, User
from backend.audit.models import AuditEvent
from backend.dialogue.models import (
    ConferenceInvitation,
    DialogueConference,
    MeetingMinutes,
    MeetingRequest,
    MeetingSlot,
    MinutesComment,
    OngoingDialogue,
    Question,
    Registration,
    SharedInformation,
)
from backend.discovery.models import SavedSearch
from backend.identity.models import ExternalIdentity
from backend.matches.models import MatchNote
from backend.needs.models import CoBuyerRequest, Need
from backend.notifications.models import Delivery, Notification, NotificationPreference
from backend.responses.models import Response, ResponseRead
from backend.solutions.models import Solution

# How long after signing in with ID-porten a person without a password may delete their account.
OIDC_REAUTH_WINDOW = timedelta(minutes=10)
OIDC_BACKEND = "backend.identity.auth.IdentityBackend"


def _same_address(a: object, b: str) -> bool:
    return isinstance(a, str) and a.strip().lower() == b.strip().lower()


def confirmed_address(*, user: User) -> str | None:
    """The address whose copies elsewhere (participant lists, invitations) are the person's:
    only one they have confirmed. Anyone can sign up with someone else's address, and until
    it is confirmed it proves nothing, so such an account reads or erases none of them."""
    return user.email.strip().lower() if user.email_verified else None


def registrations_naming(*, email: str) -> QuerySet[Registration]:
    """Registrations whose participant list may name the address (check each entry with
    `participant_is`): a text match, since SQLite has no JSON containment."""
    return Registration.objects.filter(participants__icontains=email.strip().lower())


def participant_is(participant: object, email: str) -> bool:
    return isinstance(participant, dict) and _same_address(participant.get("email"), email)


def user_audit_events(*, user: User) -> QuerySet[AuditEvent]:
    """What the person did, and what was done to their account."""
    return AuditEvent.objects.filter(
        Q(actor=user) | Q(object_type=User._meta.label_lower, object_id=str(user.pk))
    )


@dataclass(frozen=True)
class PersonalData:
    """The person's data, section by section; the API shapes it (privacy/api/serializers)."""

    user: User
    memberships: QuerySet[Membership]
    join_requests: QuerySet[JoinRequest]
    invitations: QuerySet[Invitation]
    identities: QuerySet[ExternalIdentity]
    api_tokens: QuerySet[AuthToken]
    sign_ins: QuerySet[AccessLog]
    audit_events: QuerySet[AuditEvent]
    responses_read: QuerySet[ResponseRead]
    questions: QuerySet[Question]
    registrations: list[Registration]
    bookings: QuerySet[MeetingSlot]
    responses: QuerySet[Response]
    member_org_ids: frozenset[int]
    saved_searches: QuerySet[SavedSearch]
    notifications: QuerySet[Notification]
    notification_preferences: QuerySet[NotificationPreference]
    notification_emails: QuerySet[Delivery]
    other_records: list[dict[str, Any]]


def _other_records(user: User) -> list[dict[str, Any]]:
    """Rows that name the person as creator or decider, by type and id: their content belongs
    to the organisation (or names other people), so it is not copied here."""
    sources: list[tuple[str, QuerySet[Any]]] = [
        ("need", Need.objects.filter(created_by=user)),
        ("solution", Solution.objects.filter(created_by=user)),
        ("conference", DialogueConference.objects.filter(created_by=user)),
        ("question_answered", Question.objects.filter(answered_by=user)),
        ("match_note", MatchNote.objects.filter(author=user)),
        ("co_buyer_request", CoBuyerRequest.objects.filter(requested_by=user)),
        ("join_request_decided", JoinRequest.objects.filter(decided_by=user)),
        ("invitation_sent", Invitation.objects.filter(invited_by=user)),
        ("meeting_minutes", MeetingMinutes.objects.filter(written_by=user)),
        ("minutes_comment", MinutesComment.objects.filter(author=user)),
        ("shared_information", SharedInformation.objects.filter(published_by=user)),
        ("ongoing_dialogue_opened", OngoingDialogue.objects.filter(opened_by=user)),
        ("meeting_request", MeetingRequest.objects.filter(requested_by=user)),
        ("meeting_request_answered", MeetingRequest.objects.filter(decided_by=user)),
        ("conference_invitation_sent", ConferenceInvitation.objects.filter(invited_by=user)),
    ]
    return [
        {"type": kind, "id": pk, "created_at": created_at}
        for kind, qs in sources
        for pk, created_at in qs.order_by("created_at").values_list("pk", "created_at")
    ]


def personal_data(*, user: User) -> PersonalData:
    email = confirmed_address(user=user)
    named = registrations_naming(email=email) if email else Registration.objects.none()
    registrations = [
        r
        for r in named.select_related("conference", "organization")
        if any(participant_is(p, user.email) for p in r.participants)
    ]
    registered = Registration.objects.filter(registered_by=user).select_related(
        "conference", "organization"
    )
    seen = {r.pk for r in registrations}
    registrations += [r for r in registered if r.pk not in seen]
    return PersonalData(
        user=user,
        memberships=user.memberships.select_related("organization").order_by("created_at"),
        join_requests=user.join_requests.select_related("organization").order_by("created_at"),
        invitations=(
            Invitation.objects.filter(email__iexact=email) if email else Invitation.objects.none()
        )
        .select_related("organization")
        .order_by("created_at"),
        identities=ExternalIdentity.objects.filter(user=user).order_by("created_at"),
        api_tokens=AuthToken.objects.filter(user=user).order_by("created"),
        sign_ins=AccessLog.objects.filter(username__iexact=user.email).order_by("attempt_time"),
        audit_events=user_audit_events(user=user).order_by("created_at", "id"),
        responses_read=ResponseRead.objects.filter(reader=user)
        .select_related("organization")
        .order_by("read_at", "id"),
        questions=Question.objects.filter(asked_by=user)
        .select_related("conference", "organization")
        .order_by("created_at"),
        registrations=sorted(registrations, key=lambda r: r.created_at),
        bookings=MeetingSlot.objects.filter(booked_by_user=user)
        .select_related("conference", "booked_by")
        .order_by("starts_at"),
        responses=Response.objects.filter(author=user)
        .select_related("need", "organization")
        .order_by("created_at"),
        member_org_ids=frozenset(user.memberships.values_list("organization_id", flat=True)),
        saved_searches=SavedSearch.objects.filter(user=user).order_by("created_at"),
        notifications=Notification.objects.filter(user=user).order_by("created_at"),
        notification_preferences=NotificationPreference.objects.filter(user=user).order_by("kind"),
        notification_emails=Delivery.objects.filter(user=user).order_by("created_at", "id"),
        other_records=_other_records(user),
    )


def deletion_blockers(*, user: User) -> QuerySet[Organization]:
    """Organisations the person is the last administrator of while others are members: they
    hand the role over first. An organisation where they are the only member is no blocker;
    it stays, without members, with its published content."""
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organization_id"
    )
    return (
        Organization.objects.filter(pk__in=admin_of)
        .annotate(
            admins=Count(
                "memberships", filter=Q(memberships__role=Membership.Role.ADMIN), distinct=True
            ),
            member_count=Count("memberships", distinct=True),
        )
        .filter(admins=1, member_count__gt=1)
        .order_by("name")
    )


def recent_oidc_login(*, user: User, session_backend: str | None) -> bool:
    """Signed in with ID-porten (this session) within the last few minutes: proof enough, for
    a person without a password, that it is them."""
    if session_backend != OIDC_BACKEND:
        return False
    since = timezone.now() - OIDC_REAUTH_WINDOW
    return ExternalIdentity.objects.filter(user=user, last_login_at__gte=since).exists()
