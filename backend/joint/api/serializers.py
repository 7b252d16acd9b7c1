from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.selectors import user_org_ids
from backend.common.fields import model_text
from backend.common.serializers import OrganizationBrief, VisiblePrimaryKeyRelatedField
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.joint.selectors import (
    Volume,
    accepted_members,
    group_members,
    group_volume,
    need_brief_for,
)
from backend.needs.api.serializers import NeedBrief
from backend.needs.models import Need
from backend.needs.selectors import need_list


class JointInviteInput(serializers.Serializer):  # type: ignore[type-arg]
    other_need = VisiblePrimaryKeyRelatedField(scope=need_list)
    message = model_text(GroupMembership, "message", required=False, allow_blank=True)


class JointGroupUpdateInput(serializers.Serializer):  # type: ignore[type-arg]
    title = model_text(ProcurementGroup, "title")
    description = model_text(ProcurementGroup, "description")
    combined_users = serializers.IntegerField(
        min_value=0, max_value=10_000_000, allow_null=True, required=False
    )
    combined_budget = serializers.IntegerField(
        min_value=0, max_value=10**13, allow_null=True, required=False
    )


class JointHandOverInput(serializers.Serializer):  # type: ignore[type-arg]
    membership = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        error_messages={"min_value": _("Choose a member of the group.")},
    )


@extend_schema_field(NeedBrief)
class LeadNeedField(serializers.Field):  # type: ignore[type-arg]
    """The lead need, its title hidden from a reader who may not see it (a draft again)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Need) -> dict[str, object]:
        return need_brief_for(need=value, user=self.context["request"].user)


class JointGroupBrief(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    lead_organization = OrganizationBrief()
    lead_need = LeadNeedField()


class JointMemberOutput(serializers.ModelSerializer[GroupMembership]):
    """A member as the group's readers see it: its need and organisation, no message."""

    need = NeedBrief(read_only=True)
    organization = OrganizationBrief(read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    is_lead = serializers.SerializerMethodField()
    mine = serializers.SerializerMethodField()
    estimated_users = serializers.IntegerField(source="need.estimated_users", allow_null=True)
    budget_min = serializers.IntegerField(source="need.budget_min", allow_null=True)
    budget_max = serializers.IntegerField(source="need.budget_max", allow_null=True)

    class Meta:
        model = GroupMembership
        fields = [
            "id",
            "need",
            "organization",
            "state",
            "state_label",
            "is_lead",
            "mine",
            "estimated_users",
            "budget_min",
            "budget_max",
        ]

    def get_is_lead(self, membership: GroupMembership) -> bool:
        return membership.need_id == membership.group.lead_need_id

    def get_mine(self, membership: GroupMembership) -> bool:
        return membership.organization_id in user_org_ids(self.context["request"].user)


class JointVolumeOutput(serializers.Serializer):  # type: ignore[type-arg]
    users = serializers.IntegerField()
    budget_min = serializers.IntegerField()
    budget_max = serializers.IntegerField()


class JointGroupOutput(serializers.ModelSerializer[ProcurementGroup]):
    lead_organization = OrganizationBrief(read_only=True)
    lead_need = LeadNeedField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    members = serializers.SerializerMethodField()
    member_count = serializers.SerializerMethodField()
    volume = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    class Meta:
        model = ProcurementGroup
        fields = [
            "id",
            "title",
            "description",
            "status",
            "status_label",
            "lead_organization",
            "lead_need",
            "combined_users",
            "combined_budget",
            "volume",
            "member_count",
            "members",
            "can_edit",
            "created_at",
            "dissolved_at",
        ]

    @extend_schema_field(JointMemberOutput(many=True))
    def get_members(self, group: ProcurementGroup) -> list[dict[str, Any]]:
        rows = group_members(group=group, user=self.context["request"].user)
        for row in rows:
            row.group = group  # the group is at hand: is_lead reads it without a query
        return list(JointMemberOutput(rows, many=True, context=self.context).data)

    def get_member_count(self, group: ProcurementGroup) -> int:
        return len(accepted_members(group))

    @extend_schema_field(JointVolumeOutput)
    def get_volume(self, group: ProcurementGroup) -> Volume:
        return group_volume(group=group)

    def get_can_edit(self, group: ProcurementGroup) -> bool:
        user = self.context["request"].user
        return group.is_live and group.lead_organization_id in user_org_ids(user)


class JointMembershipOutput(serializers.ModelSerializer[GroupMembership]):
    """An invitation or membership, for the invited organisation, the lead and advisors."""

    group = JointGroupBrief(read_only=True)
    need = NeedBrief(read_only=True)
    organization = OrganizationBrief(read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    invited_by = serializers.SerializerMethodField()
    can_answer = serializers.SerializerMethodField()

    class Meta:
        model = GroupMembership
        fields = [
            "id",
            "group",
            "need",
            "organization",
            "state",
            "state_label",
            "message",
            "invited_by",
            "invited_at",
            "decided_at",
            "can_answer",
        ]

    def get_invited_by(self, membership: GroupMembership) -> str:
        return str(membership.invited_by) if membership.invited_by else ""

    def get_can_answer(self, membership: GroupMembership) -> bool:
        user = self.context["request"].user
        return (
            membership.state == GroupMembership.State.INVITED
            and membership.group.is_live
            and membership.organization_id in user_org_ids(user)
        )


class JointPublicLineOutput(serializers.Serializer):  # type: ignore[type-arg]
    member_count = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()


class NeedJointOutput(serializers.Serializer):  # type: ignore[type-arg]
    """A need's joint procurement as its page shows it to the reader."""

    public = JointPublicLineOutput(allow_null=True)
    group = JointGroupOutput(allow_null=True)
    invitations = JointMembershipOutput(many=True)
    can_invite = serializers.BooleanField()
