"""Factories of joint procurement (backend/joint)."""

import factory
from django.utils import timezone

from backend.joint.models import GroupMembership, ProcurementGroup
from backend.matches.models import Match
from tests.factories import MatchFactory, NeedFactory


class ProcurementGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcurementGroup

    lead_need = factory.SubFactory(NeedFactory)
    lead_organization = factory.LazyAttribute(lambda g: g.lead_need.organization)
    title = factory.LazyAttribute(lambda g: g.lead_need.title)
    description = factory.LazyAttribute(lambda g: g.lead_need.description)
    status = ProcurementGroup.Status.ACTIVE


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(ProcurementGroupFactory)
    need = factory.SubFactory(NeedFactory)
    organization = factory.LazyAttribute(lambda m: m.need.organization)
    state = GroupMembership.State.ACCEPTED
    invited_at = factory.LazyFunction(timezone.now)


def similar_pair(need: object, other_need: object) -> Match:
    """The engine's suggestion that two needs are alike (from `need`'s side)."""
    return MatchFactory(  # type: ignore[no-any-return]
        need=need, other_need=other_need, solution=None, kind=Match.Kind.NEED_NEED
    )
