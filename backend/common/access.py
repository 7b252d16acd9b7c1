"""Shared checks used by services: membership of an organisation, and 404-vs-403.

Who counts as a member or an advisor is decided in backend/accounts/selectors.py, and what
an organisation may do in backend/accounts/policy.py; these checks only phrase the refusal.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from backend.accounts.models import Organization
from backend.accounts.policy import Act, check_org_may
from backend.accounts.selectors import user_can_act, user_is_advisor, user_org_ids
from backend.common.types import AnyUser


def check_can_act(*, user: AnyUser) -> None:
    if user.is_authenticated and not user_can_act(user):
        raise PermissionDenied(_("Confirm your e-mail address first: open the link we sent you."))


def check_member(
    *, user: AnyUser, organization: Organization, kind: str | None = None, act: Act | None = None
) -> None:
    """The user acts for `organization` (of `kind`, allowed to `act`), or PermissionDenied."""
    check_can_act(user=user)
    if organization.pk not in user_org_ids(user):
        raise PermissionDenied(_("You are not a member of %(org)s.") % {"org": organization.name})
    if kind is not None and organization.kind != kind:
        raise PermissionDenied(
            _("%(org)s cannot do this as a %(kind)s.")
            % {"org": organization.name, "kind": organization.get_kind_display()}
        )
    if act is not None:
        check_org_may(organization=organization, act=act)


def check_advisor(*, user: AnyUser) -> None:
    if not user_is_advisor(user):
        raise PermissionDenied(_("Only advisors can do this."))


def check_member_or_advisor(*, user: AnyUser, organization: Organization) -> None:
    """Members act for their organisation; advisors may act for any."""
    if not user_is_advisor(user):
        check_member(user=user, organization=organization)
