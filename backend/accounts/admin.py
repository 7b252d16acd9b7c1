from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet
from django.http import HttpRequest

from backend.accounts import services
from backend.accounts.models import Invitation, JoinRequest, Membership, Organization, User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.admin_services import RefusalMessageMixin, changes


class MembershipInline(admin.TabularInline[Membership, Organization]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    list_display = ["email", "full_name", "email_verified_at", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    readonly_fields = ["email_verified_at", "last_login", "date_joined"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "email",
                    "username",
                    "password",
                    "full_name",
                    "preferred_language",
                    "email_verified_at",
                )
            },
        ),
        ("Tilganger", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )


@admin.register(Organization)
class OrganizationAdmin(RefusalMessageMixin[Organization]):
    """Verification goes through the service (audited, advisory kinds by operators only);
    every membership added or removed here is audited as a grant or revocation. An edit of
    an existing organisation goes through organization_update (audited; the search documents
    that carry its name are refreshed); its kind is fixed once it exists."""

    list_display = ["name", "org_number", "kind", "county", "verified"]
    list_filter = ["kind", "verified", "county"]
    search_fields = ["name", "org_number"]
    inlines = [MembershipInline]
    readonly_fields = ["verified", "verified_at", "verified_by"]
    actions = ["verify"]

    def get_readonly_fields(self, request: HttpRequest, obj: Organization | None = None) -> Any:
        fixed = list(super().get_readonly_fields(request, obj))
        return [*fixed, "kind"] if obj is not None else fixed

    def save_model(self, request: HttpRequest, obj: Organization, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            audit_log(actor=request.user, action=AuditEvent.Action.CREATED, obj=obj)
            return
        stored = Organization.objects.get(pk=obj.pk)
        data = changes(stored, form, services.ORGANIZATION_EDITABLE)
        if data:
            services.organization_update(user=request.user, organization=stored, data=data)  # type: ignore[arg-type]

    @admin.action(description="Verifiser valgte virksomheter")
    def verify(self, request: HttpRequest, queryset: QuerySet[Organization]) -> None:
        for org in queryset.filter(verified=False):
            try:
                services.organization_verify(user=request.user, organization=org)  # type: ignore[arg-type]
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(request, f"{org}: {exc}", messages.ERROR)

    def save_formset(
        self,
        request: HttpRequest,
        form: Any,
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            audit_log(
                actor=request.user,
                action=AuditEvent.Action.REVOKED,
                obj=form.instance,
                data={"user": deleted.user_id, "admin": True},
            )
            deleted.delete()
        for membership in instances:
            membership.save()
            audit_log(
                actor=request.user,
                action=AuditEvent.Action.GRANTED,
                obj=form.instance,
                data={"user": membership.user_id, "role": membership.role, "admin": True},
            )
        formset.save_m2m()


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin[JoinRequest]):
    list_display = ["user", "organization", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "organization__name", "organization__org_number"]
    readonly_fields = ["user", "organization", "message", "status", "decided_by", "decided_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "organization", "role", "status", "expires_at"]
    list_filter = ["status", "role"]
    search_fields = ["email", "organization__name"]
    readonly_fields = ["organization", "email", "role", "invited_by", "status", "decided_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
