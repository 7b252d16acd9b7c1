from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from backend.common.admin import ScopedAdmin
from backend.responses.models import Response, ResponseRead
from backend.responses.selectors import response_list
from backend.responses.services import response_reads_record


@admin.register(Response)
class ResponseAdmin(ScopedAdmin[Response]):
    """Operators see that a response exists, not its confidential text. Opening one is
    logged in its access log like any other read. Read-only: a response is the supplier's
    own words, changed only by the supplier."""

    visible = response_list
    list_display = ["summary", "need", "organization", "confidential", "created_at"]
    list_filter = ["confidential"]
    exclude = ["body", "sections"]
    raw_id_fields = ["need", "organization", "author"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Response | None = None) -> bool:
        return False

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = self.get_object(request, object_id)
        if request.method == "GET" and response is not None:
            response_reads_record(
                user=request.user, responses=[response], via=ResponseRead.Via.ADMIN
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ResponseRead)
class ResponseReadAdmin(ScopedAdmin[ResponseRead]):
    """The access log, read-only: append-only, as an audit trail must be. Advisors only."""

    list_display = ["read_at", "response", "reader", "organization", "via"]
    list_filter = ["via"]
    raw_id_fields = ["response", "reader", "organization"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ResponseRead | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ResponseRead | None = None) -> bool:
        return False
