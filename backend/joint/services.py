"""Writes of joint procurement groups. Each service is atomic, checks everything before it
writes (a refused step changes nothing), logs the step to the audit trail and tells the
buyers concerned (backend/notifications/news.py)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act, check_org_may, org_may
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member
from backend.common.services import model_update
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.joint.selectors import need_live_membership, similar_pair_suggested
from backend.needs.models import Need
from backend.notifications import news

State = GroupMembership.State
GROUP_FIELDS = ("title", "description", "combined_users", "combined_budget")


def _locked_need(need: Need) -> Need:
    """The need's row, locked: two invitations or answers for one need wait for each other."""
    return Need.objects.select_for_update().select_related("organization").get(pk=need.pk)


def _check_published(need: Need) -> None:
    if need.status != Need.Status.PUBLISHED:
        raise ValidationError(
            _("“%(need)s” is not published: only published needs join a joint procurement.")
            % {"need": need.title}
        )


def _check_partner(need: Need, *, own: Organization) -> None:
    org = need.organization
    if org.pk == own.pk:
        raise ValidationError(
            _("“%(need)s” is your own organisation's need: invite another buyer's need.")
            % {"need": need.title}
        )
    if org.kind != Organization.Kind.PUBLIC_BUYER:
        raise ValidationError(
            _("%(org)s is not a public buyer: only public buyers procure together.")
            % {"org": org.name}
        )
    if not org_may(kind=org.kind, verified=org.verified, act=Act.BE_CO_BUYER):
        raise ValidationError(
            _("%(org)s cannot join until an advisor has verified it.") % {"org": org.name}
        )


def _check_lead(*, user: User, group: ProcurementGroup) -> None:
    check_member(user=user, organization=group.lead_organization)
    if not group.is_live:
        raise ValidationError(_("The joint procurement has been dissolved."))


def _group_for(*, user: User, need: Need) -> ProcurementGroup:
    """The live group `need` is in (its lead's user may invite into it), or a new one led by
    the need's buyer, with the need as its first member."""
    membership = need_live_membership(need=need)
    if membership is not None:
        group = membership.group
        if group.lead_organization_id != need.organization_id:
            raise PermissionDenied(
                _("Only the lead buyer, %(org)s, invites others into the joint procurement.")
                % {"org": group.lead_organization.name}
            )
        return group
    group = ProcurementGroup.objects.create(
        lead_organization=need.organization,
        lead_need=need,
        title=need.title,
        description=need.description,
        created_by=user,
    )
    GroupMembership.objects.create(
        group=group,
        need=need,
        organization=need.organization,
        state=State.ACCEPTED,
        invited_by=user,
        invited_at=timezone.now(),
        decided_by=user,
        decided_at=timezone.now(),
    )
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=group, data={"need": need.pk})
    return group


@transaction.atomic
def group_invite(*, user: User, need: Need, other_need: Need, message: str = "") -> GroupMembership:
    """`user`'s buyer invites the buyer of `other_need` (a similar need suggested for `need`)
    to procure together. Starts a group led by `need`'s buyer unless `need` is in one."""
    check_member(user=user, organization=need.organization, kind=Organization.Kind.PUBLIC_BUYER)
    check_org_may(organization=need.organization, act=Act.BE_CO_BUYER)
    need, other_need = _locked_need(need), _locked_need(other_need)
    _check_published(need)
    _check_partner(other_need, own=need.organization)
    _check_published(other_need)
    if not similar_pair_suggested(user=user, need=need, other_need=other_need):
        raise ValidationError(
            _("“%(other)s” is not among the similar needs suggested for “%(need)s”.")
            % {"other": other_need.title, "need": need.title}
        )
    if need_live_membership(need=other_need) is not None:
        raise ValidationError(
            _("“%(need)s” is already in a joint procurement.") % {"need": other_need.title}
        )
    group = _group_for(user=user, need=need)
    membership, _new = GroupMembership.objects.get_or_create(
        group=group,
        need=other_need,
        defaults={"organization": other_need.organization},
    )
    if not _new and membership.state == State.INVITED:
        raise ValidationError(
            _("%(org)s has already been invited with “%(need)s”.")
            % {"org": other_need.organization.name, "need": other_need.title}
        )
    membership.state, membership.message = State.INVITED, message.strip()
    membership.invited_by, membership.invited_at = user, timezone.now()
    membership.decided_by, membership.decided_at = None, None
    membership.full_clean()
    membership.save()
    audit_log(
        actor=user,
        action=AuditEvent.Action.INVITED,
        obj=membership,
        data={"group": group.pk, "need": other_need.pk},
    )
    news.joint_invited(membership)
    return membership


def _locked_membership(membership: GroupMembership) -> GroupMembership:
    return (
        GroupMembership.objects.select_for_update()
        .select_related("group", "group__lead_organization", "need", "organization")
        .get(pk=membership.pk)
    )


@transaction.atomic
def membership_answer(*, user: User, membership: GroupMembership, accept: bool) -> GroupMembership:
    """The invited buyer accepts (its need joins the group) or declines."""
    locked = _locked_membership(membership)
    check_member(user=user, organization=locked.organization)
    if locked.state != State.INVITED:
        raise ValidationError(_("The invitation has already been answered."))
    group = locked.group
    if not group.is_live:
        raise ValidationError(_("The joint procurement has been dissolved."))
    if accept:
        check_org_may(organization=locked.organization, act=Act.BE_CO_BUYER)
        need = _locked_need(locked.need)
        if need.status != Need.Status.PUBLISHED:
            raise ValidationError(
                _("“%(need)s” is no longer published: publish it again to join.")
                % {"need": need.title}
            )
        if need_live_membership(need=need) is not None:
            raise ValidationError(
                _("“%(need)s” is already in a joint procurement.") % {"need": need.title}
            )
    locked.state = State.ACCEPTED if accept else State.DECLINED
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    if accept and group.status == ProcurementGroup.Status.FORMING:
        group.status = ProcurementGroup.Status.ACTIVE
        group.save(update_fields=["status", "updated_at"])
    action = AuditEvent.Action.APPROVED if accept else AuditEvent.Action.DECLINED
    audit_log(actor=user, action=action, obj=locked, data={"group": group.pk})
    news.joint_answered(locked)
    return locked


@transaction.atomic
def group_update(*, user: User, group: ProcurementGroup, data: dict[str, Any]) -> ProcurementGroup:
    """The lead edits the shared need text and the combined volume."""
    group = (
        ProcurementGroup.objects.select_for_update()
        .select_related("lead_organization")
        .get(pk=group.pk)
    )
    _check_lead(user=user, group=group)
    if "title" in data and not str(data["title"]).strip():
        raise ValidationError({"title": [_("The shared need needs a title.")]})
    group, changed = model_update(instance=group, fields=GROUP_FIELDS, data=data)
    if changed:
        audit_log(
            actor=user,
            action=AuditEvent.Action.CHANGED,
            obj=group,
            data={"fields": sorted(k for k in data if k in GROUP_FIELDS)},
        )
    return group


def _members(group: ProcurementGroup) -> list[GroupMembership]:
    return list(group.members.filter(state=State.ACCEPTED).select_related("organization"))


@transaction.atomic
def group_hand_over(
    *, user: User, group: ProcurementGroup, membership: GroupMembership
) -> ProcurementGroup:
    """The lead hands the lead over to another member (its need becomes the lead need)."""
    group = ProcurementGroup.objects.select_for_update().get(pk=group.pk)
    _check_lead(user=user, group=group)
    if (
        membership.group_id != group.pk
        or membership.state != State.ACCEPTED
        or membership.organization_id == group.lead_organization_id
    ):
        raise ValidationError(
            {"membership": [_("Hand the lead over to another member of the group.")]}
        )
    group.lead_organization_id = membership.organization_id
    group.lead_need_id = membership.need_id
    group.save(update_fields=["lead_organization", "lead_need", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.ROLE_CHANGED,
        obj=group,
        data={"lead_organization": membership.organization_id, "lead_need": membership.need_id},
    )
    news.joint_changed(
        group, event="handed_over", buyer=membership.organization, members=_members(group)
    )
    return group


@transaction.atomic
def membership_leave(*, user: User, membership: GroupMembership) -> GroupMembership:
    """A member's need leaves the group; the lead hands over or dissolves instead."""
    locked = _locked_membership(membership)
    check_member(user=user, organization=locked.organization)
    group = locked.group
    if locked.state != State.ACCEPTED or not group.is_live:
        raise ValidationError(_("Only a member of a joint procurement can leave it."))
    if locked.need_id == group.lead_need_id:
        raise ValidationError(
            _("The lead buyer cannot leave: hand the lead over to another member or dissolve.")
        )
    locked.state, locked.decided_by, locked.decided_at = State.LEFT, user, timezone.now()
    locked.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    remaining = _members(group)
    if len(remaining) < 2 and group.status == ProcurementGroup.Status.ACTIVE:
        group.status = ProcurementGroup.Status.FORMING
        group.save(update_fields=["status", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.WITHDRAWN, obj=locked, data={"group": group.pk})
    news.joint_changed(group, event="left", buyer=locked.organization, members=remaining)
    return locked


@transaction.atomic
def group_dissolve(*, user: User, group: ProcurementGroup) -> ProcurementGroup:
    """The lead dissolves the group: its needs are free to join another; open invitations
    can no longer be accepted."""
    group = ProcurementGroup.objects.select_for_update().get(pk=group.pk)
    _check_lead(user=user, group=group)
    members = _members(group)
    group.status, group.dissolved_at = ProcurementGroup.Status.DISSOLVED, timezone.now()
    group.save(update_fields=["status", "dissolved_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.CLOSED, obj=group)
    news.joint_changed(group, event="dissolved", buyer=group.lead_organization, members=members)
    return group
