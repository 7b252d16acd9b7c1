from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.common.admin import ReadOnlyScopedAdmin
from backend.joint import selectors
from backend.joint.models import GroupMembership, ProcurementGroup


class MembershipInline(admin.TabularInline[GroupMembership, ProcurementGroup]):
    model = GroupMembership
    extra = 0
    can_delete = False
    fields = ("organization", "need", "state", "invited_at", "decided_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: ProcurementGroup | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
