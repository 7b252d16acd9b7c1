from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.common.admin import ReadOnlyScopedAdmin
from backend.common.admin_services import ServiceAdmin, service_action
from backend.research import selectors, services
from backend.research.models import CompetenceProfile, ResearchPartnership


@admin.register(CompetenceProfile)
class CompetenceProfileAdmin(ServiceAdmin[CompetenceProfile]):
    """Edits go through profile_update; status through the actions (audited)."""

    visible = selectors.profile_list
    row_name = "profile"
    editable = services.PROFILE_FIELDS
    list_display = ["title", "organization", "language", "status"]
    list_filter = ["status", "language"]
    search_fields = ["title", "description"]
    actions = [
        service_action(
            services.profile_publish,
            description=_("Publish the selected competence profiles"),
            done=_("%(count)d profile(s) published."),
        ),
        service_action(
            services.profile_withdraw,
            description=_("Withdraw the selected competence profiles"),
            done=_("%(count)d profile(s) withdrawn."),
        ),
    ]

    def update(self, request: HttpRequest, row: CompetenceProfile, data: dict[str, Any]) -> None:
        services.profile_update(user=request.user, profile=row, data=data)  # type: ignore[arg-type]

    def has_delete_permission(
        self, request: HttpRequest, obj: CompetenceProfile | None = None
    ) -> bool:
        return False


@admin.register(ResearchPartnership)
class ResearchPartnershipAdmin(ReadOnlyScopedAdmin[ResearchPartnership]):
    """Read-only: the buyer and the institution decide through the API (audited)."""

    visible = selectors.partnership_list
    list_display = ["need", "organization", "state", "may_read_responses", "created_at"]
    list_filter = ["state", "may_read_responses"]
    readonly_fields = [
        "need",
        "organization",
        "profile",
        "state",
        "may_read_responses",
        "shared_note",
        "invited_by",
        "decided_by",
        "decided_at",
        "ended_at",
    ]
