"""Reads about users and organisations, including the role checks the rest builds on."""

from django.db.models import QuerySet

from backend.accounts.models import Membership, Organization, User
from backend.common.types import AnyUser

_CACHE_ATTR = "_org_kinds_cache"


def _org_kinds(user: AnyUser) -> dict[int, str]:
    """Organisation id → kind for the user's memberships, cached on the user object."""
    if not user.is_authenticated:
        return {}
    cached: dict[int, str] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user=user).values_list(
                "organization_id", "organization__kind"
            )
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def user_org_ids(user: AnyUser, *, kind: str | None = None) -> set[int]:
    return {oid for oid, k in _org_kinds(user).items() if kind is None or k == kind}


def user_buyer_org_ids(user: AnyUser) -> set[int]:
    return user_org_ids(user, kind=Organization.Kind.PUBLIC_BUYER)


def user_supplier_org_ids(user: AnyUser) -> set[int]:
    return user_org_ids(user, kind=Organization.Kind.SUPPLIER)


def user_is_advisor(user: AnyUser) -> bool:
    """Advisors are members of an advisory organisation (or operators)."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser) or bool(user_org_ids(user, kind=Organization.Kind.ADVISORY))


def user_roles(user: AnyUser) -> list[str]:
    roles: list[str] = []
    if user_buyer_org_ids(user):
        roles.append("buyer")
    if user_supplier_org_ids(user):
        roles.append("supplier")
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
