from django.contrib import admin

from backend.solutions.models import Solution


@admin.register(Solution)
class SolutionAdmin(admin.ModelAdmin[Solution]):
    list_display = ["title", "organization", "sector", "trl", "language", "status"]
    list_filter = ["status", "sector", "language", "trl"]
    search_fields = ["title", "description"]
    raw_id_fields = ["organization", "created_by"]
    readonly_fields = ["version", "published_at"]
