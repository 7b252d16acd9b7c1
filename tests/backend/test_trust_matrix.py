"""Escalation roles against every endpoint of the permission matrix.

Each of these users tried to gain power without being granted it: a self-made advisory
organisation, an unverified public buyer, a buyer asked (not yet accepted) to be co-buyer,
a person whose request to join is pending, a removed member, a member whose e-mail is
not confirmed, and research institutions (issue 14): one on the need and its draft as
research partner, with and without the buyer's grant to read the responses, one whose
partnership ended or was declined, and one not verified. A research partner reads the need
and the responses only through its partnership (tests/backend/test_research.py), never
through the paths of buyers and suppliers. None may do more than an unrelated signed-in
buyer (`other_buyer`), and no answer to them carries the confidential markers of the
world: the response's text, the draft need's and the draft solution's titles.
"""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from backend.accounts.auth_services import api_token_create, api_token_revoke, password_change
from backend.accounts.models import Organization, User
from backend.joint.models import GroupMembership, ProcurementGroup
from tests.backend.conftest import ROLES, World
from tests.backend.test_permissions import CASES, Case
from tests.factories import (
    CoBuyerRequestFactory,
    JoinRequestFactory,
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.factories.joint import GroupMembershipFactory, ProcurementGroupFactory
from tests.factories.research import ResearchOrganizationFactory, ResearchPartnershipFactory


def _self_made_advisor(w: World) -> User:
    org = OrganizationFactory(kind=Organization.Kind.ADVISORY, verified=False, name="Rådgiver AS")
    return MembershipFactory(organization=org).user


def _unverified_buyer(w: World) -> User:
    return MembershipFactory(organization=OrganizationFactory(verified=False)).user


def _pending_co_buyer(w: World) -> User:
    CoBuyerRequestFactory(need=w.need, organization=w.other_buyer_org)
    CoBuyerRequestFactory(need=w.draft_need, organization=w.other_buyer_org)
    user = w.users["other_buyer"]
    assert user is not None
    return user


def _join_requester(w: World) -> User:
    return JoinRequestFactory(organization=w.buyer_org).user


def _removed_member(w: World) -> User:
    membership = MembershipFactory(organization=w.buyer_org)
    membership.delete()
    return membership.user


def _unconfirmed_email(w: World) -> User:
    user = UserFactory(email_verified_at=None)
    MembershipFactory(user=user, organization=w.buyer_org)
    return user


def _research_partner(w: World, *, state: str = "accepted", grant: bool = False) -> User:
    org = ResearchOrganizationFactory(name="SINTEF Digital")
    for need in (w.need, w.draft_need):
        ResearchPartnershipFactory(
            need=need, organization=org, state=state, may_read_responses=grant
        )
    return MembershipFactory(organization=org).user


def _unverified_research(w: World) -> User:
    return MembershipFactory(organization=ResearchOrganizationFactory(verified=False)).user


def _joint(w: World, state: str) -> User:
    """Trondheim's need in Bergen's joint procurement (issue 14): a member, invited and not
    answered, declined or left. A group shows its members, lead, shared text and volume;
    it opens neither the other members' drafts nor the responses to their needs."""
    accepted = state == GroupMembership.State.ACCEPTED
    status = ProcurementGroup.Status.ACTIVE if accepted else ProcurementGroup.Status.FORMING
    group = ProcurementGroupFactory(lead_need=w.need, status=status)
    GroupMembershipFactory(group=group, need=w.need)
    other_need = NeedFactory(organization=w.other_buyer_org)
    GroupMembershipFactory(group=group, need=other_need, state=state, message="Sammen?")
    user = w.users["other_buyer"]
    assert user is not None
    return user


ESCALATIONS: dict[str, Callable[[World], User]] = {
    "self-made advisor": _self_made_advisor,
    "unverified buyer": _unverified_buyer,
    "pending co-buyer": _pending_co_buyer,
    "pending join request": _join_requester,
    "removed member": _removed_member,
    "unconfirmed e-mail": _unconfirmed_email,
    "joint procurement group member": lambda w: _joint(w, GroupMembership.State.ACCEPTED),
    "joint procurement invited, not accepted": lambda w: _joint(w, GroupMembership.State.INVITED),
    "joint procurement declined": lambda w: _joint(w, GroupMembership.State.DECLINED),
    "joint procurement left": lambda w: _joint(w, GroupMembership.State.LEFT),
    "research partner": _research_partner,
    "research partner granted the responses": lambda w: _research_partner(w, grant=True),
    "invited research partner": lambda w: _research_partner(w, state="invited", grant=True),
    "ended research partner": lambda w: _research_partner(w, state="ended", grant=True),
    "declined research partner": lambda w: _research_partner(w, state="declined", grant=True),
    "unverified research institution": _unverified_research,
}


def _markers(w: World) -> list[str]:
    return [w.response.body, w.draft_need.title, w.draft_solution.title]


@pytest.mark.parametrize("escalation", ESCALATIONS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_no_escalation_gets_more_than_an_unrelated_buyer(
    world: World, case: Case, escalation: str
) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    client = APIClient()
    client.force_authenticate(ESCALATIONS[escalation](world))
    body = case.body(world) if case.body else None
    # when
    response = getattr(client, case.method)(case.url(world), body, format="json")
    # then
    assert response.status_code == case.expected[ROLES.index("other_buyer")], (
        escalation,
        case.name,
        response.content[:300],
    )
    leaked = [m for m in _markers(world) if m.encode() in response.content]
    assert leaked == [], (escalation, case.name)


def _expired_token(w: World) -> str:
    user = w.users["buyer"]
    assert user is not None
    instance, token = api_token_create(user=user)
    AuthToken.objects.filter(pk=instance.pk).update(expiry=timezone.now() - timedelta(minutes=1))
    return token


def _revoked_token(w: World) -> str:
    user = w.users["buyer"]
    assert user is not None
    instance, token = api_token_create(user=user)
    api_token_revoke(user=user, token_key=instance.token_key)
    return token


def _token_before_password_change(w: World) -> str:
    user = w.users["buyer"]
    assert user is not None
    _instance, token = api_token_create(user=user)
    password_change(
        user=user, old_password="hemmelig-passord-1", new_password="Nytt-langt-passord-2026"
    )
    return token


DEAD_TOKENS: dict[str, Callable[[World], str]] = {
    "expired token": _expired_token,
    "revoked token": _revoked_token,
    "token from before a password change": _token_before_password_change,
}


@pytest.mark.parametrize("dead", DEAD_TOKENS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_dead_token_of_the_owning_buyer_opens_nothing(
    world: World, case: Case, dead: str
) -> None:
    # given
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {DEAD_TOKENS[dead](world)}")
    body = case.body(world) if case.body else None
    # when
    response = getattr(client, case.method)(case.url(world), body, format="json")
    # then
    assert response.status_code in (401, 403), (dead, case.name, response.status_code)
    leaked = [m for m in _markers(world) if m.encode() in response.content]
    assert leaked == [], (dead, case.name)
