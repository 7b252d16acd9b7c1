"""Reads about users and organisations, including the role checks the rest builds on."""

from django.db.models import QuerySet

from backend.accounts.models import (
    Decision,
    Invitation,
    JoinRequest,
    Membership,
    Organization,
    User,
)
from backend.accounts.policy import Act, org_may
from backend.common.types import AnyUser

_CACHE_ATTR = "_org_kinds_cache"


def user_can_act(user: AnyUser) -> bool:
    """Only an active account with a confirmed e-mail address acts for an organisation."""
    return bool(user.is_authenticated and user.is_active and user.email_verified)


def _org_kinds(user: AnyUser) -> dict[int, tuple[str, bool]]:
    """Organisation id → (kind, verified) for the user's memberships, cached on the user.

    Every role check in the project reads this: a user who may not act has no organisations.
    """
    if not user_can_act(user):
        return {}
    cached: dict[int, tuple[str, bool]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        rows = Membership.objects.filter(user_id=user.pk or 0).values_list(
            "organization_id", "organization__kind", "organization__verified"
        )
        cached = {oid: (kind, verified) for oid, kind, verified in rows}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def user_org_ids(user: AnyUser, *, kind: str | None = None) -> set[int]:
    return {oid for oid, (k, _v) in _org_kinds(user).items() if kind is None or k == kind}


def user_org_ids_that_may(user: AnyUser, act: Act) -> set[int]:
    """The user's organisations that may `act` (policy.py), e.g. read responses."""
    return {oid for oid, (k, v) in _org_kinds(user).items() if org_may(kind=k, verified=v, act=act)}


def user_buyer_org_ids(user: AnyUser) -> set[int]:
    return user_org_ids(user, kind=Organization.Kind.PUBLIC_BUYER)


def user_supplier_org_ids(user: AnyUser) -> set[int]:
    return user_org_ids(user, kind=Organization.Kind.SUPPLIER)


def user_research_org_ids(user: AnyUser) -> set[int]:
    return user_org_ids(user, kind=Organization.Kind.RESEARCH)


def user_is_advisor(user: AnyUser) -> bool:
    """Advisors are members of a *verified* advisory organisation, or operators. The one
    check behind every advisor power; registering an organisation never grants it."""
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser) or bool(user_org_ids_that_may(user, Act.ADVISE))


def user_is_org_admin(user: AnyUser, organization: Organization) -> bool:
    if organization.pk not in user_org_ids(user):
        return False
    return organization.memberships.filter(
        user_id=user.pk or 0, role=Membership.Role.ADMIN
    ).exists()


def user_manages_org(user: AnyUser, organization: Organization) -> bool:
    """Administrators of the organisation, and advisors, decide on its members."""
    return user_is_advisor(user) or user_is_org_admin(user, organization)


def user_roles(user: AnyUser) -> list[str]:
    roles: list[str] = []
    if user_buyer_org_ids(user):
        roles.append("buyer")
    if user_supplier_org_ids(user):
        roles.append("supplier")
    if user_research_org_ids(user):
        roles.append("research")
    if user_is_advisor(user):
        roles.append("advisor")
    return roles


def organization_list(*, user: AnyUser) -> QuerySet[Organization]:
    """Every organisation is public (name, number, kind), as in Brønnøysund's register."""
    return Organization.objects.all()


def organization_members(*, organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by("user__full_name")


def user_memberships(*, user: User) -> QuerySet[Membership]:
    return user.memberships.select_related("organization").order_by("organization__name")


def organization_admin_count(*, organization: Organization) -> int:
    return organization.memberships.filter(role=Membership.Role.ADMIN).count()


def join_requests_pending(*, organization: Organization) -> QuerySet[JoinRequest]:
    return organization.join_requests.filter(status=Decision.PENDING).select_related("user")


def join_requests_of_user(*, user: User) -> QuerySet[JoinRequest]:
    return user.join_requests.select_related("organization")


def invitations_pending(*, organization: Organization) -> QuerySet[Invitation]:
    return organization.invitations.filter(status=Decision.PENDING)


def invitations_for_user(*, user: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(email__iexact=user.email, status=Decision.PENDING)
