from django.contrib import admin

from backend.common.admin import ReadOnlyScopedAdmin, ReadOnlyTabularInline
from backend.joint import selectors
from backend.joint.models import GroupMembership, ProcurementGroup


class MembershipInline(ReadOnlyTabularInline[GroupMembership, ProcurementGroup]):
    model = GroupMembership
    fields = ("organization", "need", "state", "invited_at", "decided_at")


@admin.register(ProcurementGroup)
class ProcurementGroupAdmin(ReadOnlyScopedAdmin[ProcurementGroup]):
    visible = selectors.group_list
    list_display = ["title", "lead_organization", "status", "combined_users", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "lead_organization__name"]
    readonly_fields = [
        "title",
        "description",
        "lead_organization",
        "lead_need",
        "combined_users",
        "combined_budget",
        "status",
        "created_by",
        "dissolved_at",
    ]
    inlines = [MembershipInline]


@admin.register(GroupMembership)
class GroupMembershipAdmin(ReadOnlyScopedAdmin[GroupMembership]):
    visible = selectors.membership_list
    list_display = ["group", "organization", "need", "state", "invited_at", "decided_at"]
    list_filter = ["state"]
    readonly_fields = [
        "group",
        "need",
        "organization",
        "state",
        "message",
        "invited_by",
        "invited_at",
        "decided_by",
        "decided_at",
    ]
