from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import (
    Decision,
    Invitation,
    JoinRequest,
    Membership,
    Organization,
    User,
)
from backend.accounts.selectors import user_manages_org
from backend.accounts.validators import normalize_org_number
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_advisor, check_can_act
from backend.common.services import model_update
from backend.notifications import news
from backend.outbox.entities import ENTITIES
from backend.outbox.services import derived_refresh


@transaction.atomic
def user_register(*, email: str, password: str, full_name: str) -> User:
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": [_("A user with this e-mail address already exists.")]})
    user = User(email=email, username=email, full_name=full_name.strip())
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


LANGUAGES = ("nb", "en")


def user_language_set(*, user: User, language: str) -> User:
    """The language the person is written to in (notifications, e-mails)."""
    if language not in LANGUAGES:
        raise ValidationError(
            {"preferred_language": [_("Choose Norwegian Bokmål (nb) or English (en).")]}
        )
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


SELF_SERVICE_KINDS = (
    Organization.Kind.PUBLIC_BUYER,
    Organization.Kind.SUPPLIER,
    Organization.Kind.RESEARCH,
)


@transaction.atomic
def organization_register(
    *,
    user: User,
    name: str,
    org_number: str,
    kind: str,
    municipality: str = "",
    county: str = "",
    website: str = "",
    description: str = "",
    message: str = "",
) -> Organization | JoinRequest:
    """Register a public buyer, supplier or research institution; its creator becomes its
    administrator, and it is unverified until an advisor verifies it. A number already
    registered is never taken over: the user gets a request to join that the organisation's
    administrators decide."""
    check_can_act(user=user)
    if kind not in SELF_SERVICE_KINDS:
        raise ValidationError(
            {
                "kind": [
                    _(
                        "Advisory organisations are set up by the operators of "
                        "Innovasjonstorget. Ask a LUP advisor for an invitation."
                    )
                ]
            }
        )
    number = normalize_org_number(org_number)
    existing = Organization.objects.filter(org_number=number).first()
    if existing is not None:
        return join_request_create(user=user, organization=existing, message=message)
    return _organization_create(
        user=user,
        name=name,
        org_number=number,
        kind=kind,
        municipality=municipality,
        county=county,
        website=website,
        description=description,
    )


def _organization_create(*, user: User, **fields: str) -> Organization:
    org = Organization(**fields)
    org.name = org.name.strip()
    org.full_clean()
    org.save()
    Membership.objects.create(user=user, organization=org, role=Membership.Role.ADMIN)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=org)
    audit_log(
        actor=user,
        action=AuditEvent.Action.GRANTED,
        obj=org,
        data={"user": user.pk, "role": Membership.Role.ADMIN},
    )
    news.organization_registered(org)
    return org


@transaction.atomic
def advisory_organization_create(
    *, name: str, org_number: str, admin_email: str, actor: User | None = None
) -> Organization:
    """Operators only (management command or Django admin): a verified advisory
    organisation with its first advisor, who must already have an account."""
    admin = User.objects.filter(email__iexact=admin_email.strip()).first()
    if admin is None:
        raise ValidationError({"admin_email": [_("No user has this e-mail address.")]})
    org = Organization(
        name=name.strip(),
        org_number=normalize_org_number(org_number),
        kind=Organization.Kind.ADVISORY,
        verified=True,
        verified_at=timezone.now(),
        verified_by=actor,
    )
    org.full_clean()
    org.save()
    Membership.objects.create(user=admin, organization=org, role=Membership.Role.ADMIN)
    audit_log(actor=actor, action=AuditEvent.Action.CREATED, obj=org)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.GRANTED,
        obj=org,
        data={"user": admin.pk, "role": Membership.Role.ADMIN},
    )
    return org


def _check_may_verify(*, user: User, organization: Organization) -> None:
    check_advisor(user=user)
    if organization.kind == Organization.Kind.ADVISORY and not user.is_superuser:
        raise PermissionDenied(_("Only the operators verify advisory organisations."))


@transaction.atomic
def organization_verify(*, user: User, organization: Organization) -> Organization:
    _check_may_verify(user=user, organization=organization)
    if organization.verified:
        raise ValidationError(_("The organisation is already verified."))
    organization.verified, organization.verified_at, organization.verified_by = (
        True,
        timezone.now(),
        user,
    )
    organization.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.VERIFIED, obj=organization)
    news.organization_verified(organization, admins=_admins(organization))
    return organization


@transaction.atomic
def organization_verification_revoke(
    *, user: User, organization: Organization, reason: str
) -> Organization:
    _check_may_verify(user=user, organization=organization)
    if not organization.verified:
        raise ValidationError(_("The organisation is not verified."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the verification is withdrawn.")]})
    organization.verified, organization.verified_at, organization.verified_by = False, None, None
    organization.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.REVOKED,
        obj=organization,
        data={"verification": True, "reason": reason.strip()},
    )
    return organization


#: what an organisation's administrators keep up to date themselves: its public profile and
#: contact (its name, number, kind, place and verification are checked facts: advisors')
ORGANIZATION_PROFILE = ("website", "description", "phone", "email", "postcode")
ORGANIZATION_EDITABLE = ("name", "org_number", "municipality", "county", *ORGANIZATION_PROFILE)


@transaction.atomic
def organization_profile_update(
    *, user: User, organization: Organization, data: dict[str, Any]
) -> Organization:
    """The organisation's administrators (and advisors) update its public profile and contact
    (``ORGANIZATION_PROFILE``); audited. None of these fields is in a search document."""
    if not user_manages_org(user, organization):
        raise PermissionDenied(
            _("Only the organisation's administrators or an advisor change its profile.")
        )
    organization, _fields = _organization_change(user, organization, data, ORGANIZATION_PROFILE)
    return organization


@transaction.atomic
def organization_update(
    *, user: User, organization: Organization, data: dict[str, Any]
) -> Organization:
    """An advisor or operator corrects an organisation's facts (its kind and verification
    change only through their own paths). Its name and county are in the search documents
    of its public needs, solutions and conferences: those are refreshed."""
    check_advisor(user=user)
    organization, fields = _organization_change(user, organization, data, ORGANIZATION_EDITABLE)
    if {"name", "county"} & set(fields):
        _public_content_refresh(organization)
    return organization


def _organization_change(
    user: User, organization: Organization, data: dict[str, Any], editable: tuple[str, ...]
) -> tuple[Organization, list[str]]:
    """``data``'s ``editable`` fields saved and, if anything changed, audited: the fields sent
    (none when nothing changed)."""
    organization, changed = model_update(instance=organization, fields=editable, data=data)
    if not changed:
        return organization, []
    fields = sorted(k for k in data if k in editable)
    audit_log(
        actor=user, action=AuditEvent.Action.CHANGED, obj=organization, data={"fields": fields}
    )
    return organization, fields


def _public_content_refresh(organization: Organization) -> None:
    """Its public documents carry the organisation's name and county: refresh them."""
    for spec in ENTITIES.values():
        rows = spec.public().filter(organization=organization)
        for pk in rows.values_list("pk", flat=True):
            derived_refresh(entity=spec.entity, entity_id=pk, matching=False)


def _admins(organization: Organization) -> list[User]:
    return [
        m.user
        for m in organization.memberships.filter(role=Membership.Role.ADMIN).select_related("user")
    ]


def _advisors() -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organization__kind=Organization.Kind.ADVISORY,
            memberships__organization__verified=True,
        ).distinct()
    )


# ---------------------------------------------------------------- join requests


def join_request_create(
    *, user: User, organization: Organization, message: str = ""
) -> JoinRequest:
    check_can_act(user=user)
    if organization.memberships.filter(user=user).exists():
        raise ValidationError(
            _("You are already a member of %(org)s.") % {"org": organization.name}
        )
    if organization.kind == Organization.Kind.ADVISORY:
        raise ValidationError(
            {"org_number": [_("Advisors join their organisation by invitation only.")]}
        )
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                user=user, organization=organization, message=message.strip()[:1000]
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already asked to join %(org)s. Its administrators decide.")
            % {"org": organization.name}
        ) from None
    audit_log(actor=user, action=AuditEvent.Action.REQUESTED, obj=request)
    news.join_requested(request, deciders=_admins(organization) or _advisors())
    return request


@transaction.atomic
def join_request_decide(*, user: User, join_request: JoinRequest, approve: bool) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    org = locked.organization
    if not user_manages_org(user, org):
        raise PermissionDenied(_("Only the organisation's administrators or an advisor decide."))
    if locked.status != Decision.PENDING:
        raise ValidationError(_("The request has already been decided."))
    locked.status = Decision.APPROVED if approve else Decision.DECLINED
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    action = AuditEvent.Action.APPROVED if approve else AuditEvent.Action.DECLINED
    audit_log(actor=user, action=action, obj=locked)
    if approve:
        Membership.objects.get_or_create(user=locked.user, organization=org)
        audit_log(
            actor=user,
            action=AuditEvent.Action.GRANTED,
            obj=org,
            data={"user": locked.user_id, "role": Membership.Role.MEMBER},
        )
    news.join_decided(locked, approved=approve)
    return locked


@transaction.atomic
def join_request_withdraw(*, user: User, join_request: JoinRequest) -> JoinRequest:
    if join_request.user_id != user.pk:
        raise PermissionDenied(_("Only the person who asked can withdraw the request."))
    if join_request.status != Decision.PENDING:
        raise ValidationError(_("The request has already been decided."))
    join_request.status = Decision.WITHDRAWN
    join_request.save(update_fields=["status", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.WITHDRAWN, obj=join_request)
    return join_request


# ---------------------------------------------------------------- members


def _check_manages(*, user: User, organization: Organization) -> None:
    check_can_act(user=user)
    if not user_manages_org(user, organization):
        raise PermissionDenied(
            _("Only the administrators of %(org)s can do this.") % {"org": organization.name}
        )
    if organization.kind == Organization.Kind.ADVISORY and not _is_admin(user, organization):
        raise PermissionDenied(_("Only the advisory organisation's administrators can do this."))


def _is_admin(user: User, organization: Organization) -> bool:
    return organization.memberships.filter(user=user, role=Membership.Role.ADMIN).exists()


def _check_keeps_an_admin(membership: Membership) -> None:
    org = membership.organization
    others = org.memberships.filter(role=Membership.Role.ADMIN).exclude(pk=membership.pk)
    if membership.role == Membership.Role.ADMIN and not others.exists():
        raise ValidationError(
            _(
                "%(org)s must keep at least one administrator. Hand the administrator role "
                "to another member first."
            )
            % {"org": org.name}
        )


@transaction.atomic
def membership_role_change(*, user: User, membership: Membership, role: str) -> Membership:
    locked = (
        Membership.objects.select_for_update().select_related("organization").get(pk=membership.pk)
    )
    _check_manages(user=user, organization=locked.organization)
    if role not in Membership.Role.values:
        raise ValidationError({"role": [_("Unknown role.")]})
    if role == locked.role:
        return locked
    if role != Membership.Role.ADMIN:
        _check_keeps_an_admin(locked)
    locked.role = role
    locked.save(update_fields=["role", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.ROLE_CHANGED,
        obj=locked.organization,
        data={"user": locked.user_id, "role": role},
    )
    return locked


@transaction.atomic
def membership_remove(*, user: User, membership: Membership) -> None:
    """An administrator (or advisor) removes a member; a member may leave by removing
    themself. The last administrator cannot leave."""
    locked = (
        Membership.objects.select_for_update().select_related("organization").get(pk=membership.pk)
    )
    if locked.user_id != user.pk:
        _check_manages(user=user, organization=locked.organization)
    _check_keeps_an_admin(locked)
    org, member_id = locked.organization, locked.user_id
    locked.delete()
    audit_log(
        actor=user,
        action=AuditEvent.Action.REVOKED,
        obj=org,
        data={"user": member_id, "left": member_id == user.pk},
    )


@transaction.atomic
def admin_role_hand_over(*, user: User, organization: Organization, to: Membership) -> Membership:
    """The administrator makes another member administrator and becomes a member."""
    if to.organization_id != organization.pk or to.user_id == user.pk:
        raise ValidationError(_("Choose another member of the organisation."))
    own = organization.memberships.select_for_update().filter(user=user).first()
    if own is None or own.role != Membership.Role.ADMIN:
        raise PermissionDenied(_("Only an administrator can hand over the role."))
    membership_role_change(user=user, membership=to, role=Membership.Role.ADMIN)
    return membership_role_change(user=user, membership=own, role=Membership.Role.MEMBER)


# ---------------------------------------------------------------- invitations

INVITATION_DAYS = 14
_INVITATION_SALT = "accounts.invitation"


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"id": invitation.pk, "email": invitation.email}, salt=_INVITATION_SALT)


def invitation_link(invitation: Invitation) -> str:
    return f"{settings.SITE_URL}/invitations/accept?token={invitation_token(invitation)}"


@transaction.atomic
def invitation_create(
    *, user: User, organization: Organization, email: str, role: str = Membership.Role.MEMBER
) -> Invitation:
    """An administrator (an advisor, for buyers and suppliers) invites an address. The
    e-mail carries a signed link; nobody becomes a member without accepting it."""
    _check_manages(user=user, organization=organization)
    address = User.objects.normalize_email(email.strip()).lower()
    if organization.memberships.filter(user__email__iexact=address).exists():
        raise ValidationError({"email": [_("This person is already a member.")]})
    invitation = organization.invitations.filter(
        email__iexact=address, status=Decision.PENDING
    ).first() or Invitation(organization=organization, email=address)
    invitation.role, invitation.invited_by = role, user
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    invitation.full_clean()
    invitation.save()
    audit_log(actor=user, action=AuditEvent.Action.INVITED, obj=invitation, data={"role": role})
    _send_invitation(invitation, inviter=user)
    return invitation


def _send_invitation(invitation: Invitation, *, inviter: User) -> None:
    org = invitation.organization.name
    subject = _("Invitation to %(org)s on Innovasjonstorget") % {"org": org}
    body = _(
        "%(inviter)s has invited you to act for %(org)s on Innovasjonstorget.\n\n"
        "Accept the invitation (valid for %(days)s days; sign in or create an account with "
        "this e-mail address first):\n%(link)s\n\n"
        "If you did not expect this, ignore the e-mail."
    ) % {
        "inviter": inviter,
        "org": org,
        "days": INVITATION_DAYS,
        "link": invitation_link(invitation),
    }
    message = (subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    transaction.on_commit(lambda: send_mail(*message, fail_silently=True))


def _invitation_from_token(token: str) -> Invitation:
    invalid = ValidationError({"token": [_("The invitation link is invalid or has expired.")]})
    try:
        data = signing.loads(token, salt=_INVITATION_SALT, max_age=timedelta(days=INVITATION_DAYS))
    except signing.BadSignature:
        raise invalid from None
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("organization")
        .filter(pk=data.get("id"), email=data.get("email"))
        .first()
    )
    if invitation is None or invitation.expires_at < timezone.now():
        raise invalid
    return invitation


@transaction.atomic
def invitation_accept(*, user: User, token: str) -> Membership:
    invitation = _invitation_from_token(token)
    if invitation.status != Decision.PENDING:
        raise ValidationError({"token": [_("The invitation has already been used or withdrawn.")]})
    if invitation.email.lower() != user.email.lower():
        raise PermissionDenied(
            _("The invitation was sent to another e-mail address. Sign in as %(email)s.")
            % {"email": invitation.email}
        )
    if user.email_verified_at is None:
        # The signed link reached this address: that proves it.
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    membership, _created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.status, invitation.decided_at = Decision.APPROVED, timezone.now()
    invitation.save(update_fields=["status", "decided_at", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.GRANTED,
        obj=invitation.organization,
        data={"user": user.pk, "role": membership.role, "invitation": invitation.pk},
    )
    return membership


@transaction.atomic
def invitation_revoke(*, user: User, invitation: Invitation) -> Invitation:
    _check_manages(user=user, organization=invitation.organization)
    if invitation.status != Decision.PENDING:
        raise ValidationError(_("The invitation has already been used or withdrawn."))
    invitation.status, invitation.decided_at = Decision.WITHDRAWN, timezone.now()
    invitation.save(update_fields=["status", "decided_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.REVOKED, obj=invitation)
    return invitation
