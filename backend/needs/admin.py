from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.common.admin_services import ServiceAdmin, service_action
from backend.needs import services
from backend.needs.models import Need
from backend.needs.selectors import need_list


@admin.register(Need)
class NeedAdmin(ServiceAdmin[Need]):
    """Edits go through need_update; status through the actions (audit and outbox)."""

    visible = need_list
    row_name = "need"
    editable = services.EDITABLE_FIELDS
    list_display = ["title", "organization", "sector", "stage", "status", "published_at"]
    list_filter = ["status", "stage", "sector", "county"]
    search_fields = ["title", "description"]
    actions = [
        service_action(
            services.need_publish,
            description=_("Publish the selected needs"),
            done=_("%(count)d need(s) published."),
        ),
        service_action(
            services.need_close,
            description=_("Close the selected needs"),
            done=_("%(count)d need(s) closed."),
        ),
        service_action(
            services.need_unpublish,
            description=_("Take the selected needs back to draft (out of search)"),
            done=_("%(count)d need(s) taken back to draft."),
        ),
    ]

    def update(self, request: HttpRequest, row: Need, data: dict[str, Any]) -> None:
        services.need_update(user=request.user, need=row, data=data)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Need | None = None) -> bool:
        """Only a draft is deleted, and only through need_delete (one at a time)."""
        allowed = super().has_delete_permission(request, obj)
        return allowed and obj is not None and obj.status == Need.Status.DRAFT

    def delete_model(self, request: HttpRequest, obj: Need) -> None:
        services.need_delete(user=request.user, need=obj)  # type: ignore[arg-type]
