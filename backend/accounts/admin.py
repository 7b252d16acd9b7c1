from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from backend.accounts.models import Membership, Organization, User


class MembershipInline(admin.TabularInline[Membership, Organization]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    fieldsets = (
        (None, {"fields": ("email", "username", "password", "full_name", "preferred_language")}),
        ("Tilganger", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["name", "org_number", "kind", "county", "verified"]
    list_filter = ["kind", "verified", "county"]
    search_fields = ["name", "org_number"]
    inlines = [MembershipInline]
    readonly_fields = ["verified_at", "verified_by"]
