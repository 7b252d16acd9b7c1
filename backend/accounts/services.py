from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Membership, Organization, User
from backend.accounts.validators import normalize_org_number
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_advisor, check_member


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


@transaction.atomic
def organization_create(
    *,
    user: User,
    name: str,
    org_number: str,
    kind: str,
    municipality: str = "",
    county: str = "",
    website: str = "",
    description: str = "",
) -> Organization:
    """Register an organisation; its creator becomes its administrator. Unverified until an
    advisor verifies it."""
    number = normalize_org_number(org_number)
    if Organization.objects.filter(org_number=number).exists():
        raise ValidationError(
            {"org_number": [_("An organisation with this number is already registered.")]}
        )
    org = Organization(
        name=name.strip(),
        org_number=number,
        kind=kind,
        municipality=municipality,
        county=county,
        website=website,
        description=description,
    )
    org.full_clean()
    org.save()
    Membership.objects.create(user=user, organization=org, role=Membership.Role.ADMIN)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=org)
    return org


@transaction.atomic
def organization_verify(*, user: User, organization: Organization) -> Organization:
    check_advisor(user=user)
    if organization.verified:
        raise ValidationError(_("The organisation is already verified."))
    organization.verified, organization.verified_at, organization.verified_by = (
        True,
        timezone.now(),
        user,
    )
    organization.save(update_fields=["verified", "verified_at", "verified_by", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.VERIFIED, obj=organization)
    return organization


@transaction.atomic
def membership_add(
    *, user: User, organization: Organization, email: str, role: str = Membership.Role.MEMBER
) -> Membership:
    check_member(user=user, organization=organization)
    if not organization.memberships.filter(user=user, role=Membership.Role.ADMIN).exists():
        raise ValidationError(_("Only the organisation's administrators can add members."))
    member = User.objects.filter(email__iexact=email.strip()).first()
    if member is None:
        raise ValidationError({"email": [_("No user has this e-mail address.")]})
    if organization.memberships.filter(user=member).exists():
        raise ValidationError({"email": [_("The user is already a member.")]})
    membership = Membership.objects.create(user=member, organization=organization, role=role)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=membership)
    return membership
