from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.cases import services
from backend.cases.models import Case, Gain
from backend.cases.selectors import case_list
from backend.common.admin_services import ServiceAdmin, service_action


class GainInline(admin.TabularInline[Gain, Case]):
    """Gains are read here; they change through the case form (validated as a whole)."""

    model = Gain
    extra = 0
    can_delete = False
    fields = ("type", "amount", "unit", "period", "beneficiary", "beneficiary_sector")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ServiceAdmin[Case]):
    """Edits go through case_update; status through the actions (audit and outbox)."""

    visible = case_list
    row_name = "case"
    editable = services.EDITABLE_FIELDS
    list_display = ["title", "organization", "sector", "procedure", "status"]
    list_filter = ["status", "sector", "procedure", "language"]
    search_fields = ["title", "summary"]
    inlines = [GainInline]
    actions = [
        service_action(
            services.case_publish,
            description=_("Publish the selected cases"),
            done=_("%(count)d case(s) published."),
        ),
        service_action(
            services.case_unpublish,
            description=_("Take the selected cases back to draft (out of search)"),
            done=_("%(count)d case(s) taken back to draft."),
        ),
    ]

    def update(self, request: HttpRequest, row: Case, data: dict[str, Any]) -> None:
        services.case_update(user=request.user, case=row, data=data)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return False
