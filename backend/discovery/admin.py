from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.common.admin import ScopedAdmin
from backend.discovery.models import MissedSearch


@admin.register(MissedSearch)
class MissedSearchAdmin(ScopedAdmin[MissedSearch]):
    """What people could not find: advisors and operators only. Read-only, but a row can be
    deleted (say a query that names a person got past the personal-data check)."""

    list_display = ["day", "query", "filters", "semantic", "hits", "relaxation", "count"]
    list_filter = ["day", "semantic"]
    search_fields = ["query"]
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
