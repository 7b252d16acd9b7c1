from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import translation

from backend.accounts.models import Organization, User
from backend.needs.models import Need
from tests.factories import MembershipFactory, NeedFactory, OrganizationFactory, UserFactory
from tests.factories.joint import similar_pair


@dataclass
class Trio:
    """Three municipalities with the same need (digital night-time care), suggested as alike."""

    bergen: Organization
    askoy: Organization
    oygarden: Organization
    bergen_user: User
    askoy_user: User
    oygarden_user: User
    bergen_need: Need
    askoy_need: Need
    oygarden_need: Need


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The services' messages are matched in English here (test_api reads the nb ones)."""
    with translation.override("en"):
        yield


def _member(org: Organization, email: str) -> User:
    user = UserFactory(email=email)
    MembershipFactory(user=user, organization=org)
    return user


@pytest.fixture
def trio(db: None) -> Trio:
    bergen = OrganizationFactory(name="Bergen kommune")
    askoy = OrganizationFactory(name="Askøy kommune")
    oygarden = OrganizationFactory(name="Øygarden kommune")
    needs = {
        org.pk: NeedFactory(
            organization=org,
            title=f"Digitalt nattilsyn i {org.name.split()[0]}",
            estimated_users=users,
            budget_min=low,
            budget_max=high,
        )
        for org, users, low, high in (
            (bergen, 400, 2_000_000, 4_000_000),
            (askoy, 60, 300_000, 600_000),
            (oygarden, 90, None, 900_000),
        )
    }
    trio = Trio(
        bergen=bergen,
        askoy=askoy,
        oygarden=oygarden,
        bergen_user=_member(bergen, "innkjop@bergen.kommune.no"),
        askoy_user=_member(askoy, "innkjop@askoy.kommune.no"),
        oygarden_user=_member(oygarden, "innkjop@oygarden.kommune.no"),
        bergen_need=needs[bergen.pk],
        askoy_need=needs[askoy.pk],
        oygarden_need=needs[oygarden.pk],
    )
    for a, b in (
        (trio.bergen_need, trio.askoy_need),
        (trio.bergen_need, trio.oygarden_need),
        (trio.askoy_need, trio.oygarden_need),
    ):
        similar_pair(a, b)
        similar_pair(b, a)
    return trio
