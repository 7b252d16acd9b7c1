from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.common.admin_services import ServiceAdmin, service_action
from backend.solutions import services
from backend.solutions.models import Solution
from backend.solutions.selectors import solution_list


@admin.register(Solution)
class SolutionAdmin(ServiceAdmin[Solution]):
    """Edits go through solution_update; status through the actions (audit and outbox)."""

    visible = solution_list
    row_name = "solution"
    editable = services.EDITABLE_FIELDS
    list_display = ["title", "organization", "sector", "trl", "language", "status"]
    list_filter = ["status", "sector", "language", "trl"]
    search_fields = ["title", "description"]
    actions = [
        service_action(
            services.solution_publish,
            description=_("Publish the selected solutions"),
            done=_("%(count)d solution(s) published."),
        ),
        service_action(
            services.solution_archive,
            description=_("Archive the selected solutions (out of search)"),
            done=_("%(count)d solution(s) archived."),
        ),
    ]

    def update(self, request: HttpRequest, row: Solution, data: dict[str, Any]) -> None:
        services.solution_update(user=request.user, solution=row, data=data)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Solution | None = None) -> bool:
        return False
