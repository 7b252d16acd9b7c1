from django.contrib import admin

from backend.common.admin import ScopedAdmin
from backend.solutions.models import Solution
from backend.solutions.selectors import solution_list


@admin.register(Solution)
class SolutionAdmin(ScopedAdmin[Solution]):
    visible = solution_list
    list_display = ["title", "organization", "sector", "trl", "language", "status"]
    list_filter = ["status", "sector", "language", "trl"]
    search_fields = ["title", "description"]
    raw_id_fields = ["organization", "created_by"]
    readonly_fields = ["version", "published_at"]
