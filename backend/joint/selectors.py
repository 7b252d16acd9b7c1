"""Reads of joint procurement groups, scoped to what the user may see.

- A group's members, lead, shared text and combined volume: the members' organisations
  (accepted), the organisations invited and not yet answered (they decide on it), advisors.
- An invitation (its message, who was invited): the invited organisation, the lead's
  organisation and advisors. Declined and left states: the same, never the public.
- The public line on a published need of an active group: how many buyers procure together,
  and the shared title and description while the lead need is public.
"""

from dataclasses import dataclass
from typing import TypedDict

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from backend.accounts.selectors import user_buyer_org_ids, user_is_advisor, user_org_ids
from backend.common.types import AnyUser
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.matches.selectors import need_similar_needs
from backend.needs.models import Need

State = GroupMembership.State
LIVE = (ProcurementGroup.Status.FORMING, ProcurementGroup.Status.ACTIVE)


def need_live_membership(*, need: Need) -> GroupMembership | None:
    """The need's membership of a group not dissolved, if it has one."""
    return (
        GroupMembership.objects.filter(need=need, state=State.ACCEPTED, group__status__in=LIVE)
        .select_related("group", "group__lead_organization")
        .first()
    )


def similar_pair_suggested(*, user: AnyUser, need: Need, other_need: Need) -> bool:
    """`other_need` is among the similar needs `user` is shown for `need` (either way round:
    the engine stores a pair from each need's side)."""
    return need_similar_needs(user=user, need_id=need.pk).filter(other_need=other_need).exists()


def _group_q(user: AnyUser) -> Q:
    orgs = user_buyer_org_ids(user)
    return Q(
        members__organization_id__in=orgs,
        members__state__in=(State.ACCEPTED, State.INVITED),
    )


def group_list(*, user: AnyUser) -> QuerySet[ProcurementGroup]:
    """Groups the user reads in full: advisors all; buyers those their organisation is a
    member of or invited to (not dissolved ones they left or declined)."""
    rows = GroupMembership.objects.select_related("need", "organization").order_by(
        "created_at", "id"
    )
    base = ProcurementGroup.objects.select_related(
        "lead_organization", "lead_need", "lead_need__organization"
    ).prefetch_related(Prefetch("members", queryset=rows))
    if user_is_advisor(user):
        return base
    if not user.is_authenticated:
        return base.none()
    visible = ProcurementGroup.objects.filter(_group_q(user)).values("pk")
    return base.filter(pk__in=visible)


def group_get(*, user: AnyUser, group_id: int) -> ProcurementGroup:
    group = group_list(user=user).filter(pk=group_id).first()
    if group is None:
        raise Http404
    return group


def group_members(*, group: ProcurementGroup, user: AnyUser) -> list[GroupMembership]:
    """The memberships a reader of the group sees: every state for the lead's organisation
    and advisors (who was invited, who declined or left); accepted and its own for others.
    Reads the members prefetched by `group_list`."""
    rows = list(group.members.all())
    own = user_org_ids(user)
    if user_is_advisor(user):
        return rows
    # Another buyer's need taken back to draft never shows, not even its title.
    rows = [m for m in rows if m.need.is_public or m.organization_id in own]
    if group.lead_organization_id in own:
        return rows
    return [m for m in rows if m.state == State.ACCEPTED or m.organization_id in own]


def need_brief_for(*, need: Need, user: AnyUser) -> dict[str, object]:
    """A need named in a group: its title only while the reader may see the need."""
    shown = need.is_public or user_is_advisor(user) or need.organization_id in user_org_ids(user)
    return {"id": need.pk, "title": need.title if shown else "", "status": need.status}


def accepted_members(group: ProcurementGroup) -> list[GroupMembership]:
    return [m for m in group.members.all() if m.state == State.ACCEPTED]


def membership_list(*, user: AnyUser) -> QuerySet[GroupMembership]:
    """Invitations and memberships of the user's buyer organisations, and those of the
    groups they lead; advisors all."""
    base = GroupMembership.objects.select_related(
        "group",
        "group__lead_organization",
        "group__lead_need",
        "need",
        "organization",
        "invited_by",
    )
    if user_is_advisor(user):
        return base
    orgs = user_buyer_org_ids(user)
    if not orgs:
        return base.none()
    return base.filter(Q(organization_id__in=orgs) | Q(group__lead_organization_id__in=orgs))


def membership_get(*, user: AnyUser, membership_id: int) -> GroupMembership:
    membership = membership_list(user=user).filter(pk=membership_id).first()
    if membership is None:
        raise Http404
    return membership


@dataclass(frozen=True)
class PublicLine:
    """What anyone reading a published need sees of its group."""

    member_count: int
    title: str
    description: str


def need_public_line(*, need: Need) -> PublicLine | None:
    """'Part of a joint procurement with N buyers' for a public need in an active group;
    the shared text while the lead need is public."""
    if not need.is_public:
        return None
    membership = (
        GroupMembership.objects.filter(
            need=need, state=State.ACCEPTED, group__status=ProcurementGroup.Status.ACTIVE
        )
        .select_related("group", "group__lead_need")
        .first()
    )
    if membership is None:
        return None
    group = membership.group
    count = group.members.filter(state=State.ACCEPTED).count()
    shared = group.lead_need.is_public
    return PublicLine(
        member_count=count,
        title=group.title if shared else "",
        description=group.description if shared else "",
    )


def need_group(*, user: AnyUser, need: Need) -> ProcurementGroup | None:
    """The live group of the need, for a user who reads it in full; None otherwise."""
    membership = need_live_membership(need=need)
    if membership is None:
        return None
    return group_list(user=user).filter(pk=membership.group_id).first()


def need_invitations(*, user: AnyUser, need: Need) -> list[GroupMembership]:
    """Open invitations for the need, to members of its organisation (and advisors)."""
    if not (user_is_advisor(user) or need.organization_id in user_buyer_org_ids(user)):
        return []
    return list(
        membership_list(user=user).filter(need=need, state=State.INVITED, group__status__in=LIVE)
    )


class Volume(TypedDict):
    users: int
    budget_min: int
    budget_max: int


def group_volume(*, group: ProcurementGroup) -> Volume:
    """The members' estimated users and budgets, summed (an empty figure counts as 0).
    Reads the members prefetched by `group_list`."""
    needs = [m.need for m in accepted_members(group)]
    return {
        "users": sum(n.estimated_users or 0 for n in needs),
        "budget_min": sum(n.budget_min or 0 for n in needs),
        "budget_max": sum(n.budget_max or 0 for n in needs),
    }


class JointProcurementCounts(TypedDict):
    """Joint procurement in the pipeline's figures."""

    groups_active: int
    groups_forming: int
    needs_in_groups: int
    buyers_in_groups: int


def joint_procurement_counts() -> JointProcurementCounts:
    """Groups active and forming, and the needs and buyers in active groups."""
    by_status = dict(
        ProcurementGroup.objects.values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    members = GroupMembership.objects.filter(
        state=State.ACCEPTED, group__status=ProcurementGroup.Status.ACTIVE
    ).aggregate(needs=Count("need", distinct=True), buyers=Count("organization", distinct=True))
    return {
        "groups_active": by_status.get(ProcurementGroup.Status.ACTIVE, 0),
        "groups_forming": by_status.get(ProcurementGroup.Status.FORMING, 0),
        "needs_in_groups": members["needs"],
        "buyers_in_groups": members["buyers"],
    }
