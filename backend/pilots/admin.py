from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.common.admin import ReadOnlyScopedAdmin
from backend.pilots.models import Measure, Pilot


class MeasureInline(admin.TabularInline[Measure, Pilot]):
    model = Measure
    extra = 0
    can_delete = False
    fields = ("name", "unit", "baseline", "result_value", "result_note", "result_recorded_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Pilot | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Pilot)
class PilotAdmin(ReadOnlyScopedAdmin[Pilot]):
    """The need's buyer runs its pilot in the app. Results that are not public yet are the
    buyer's and the advisors': other staff see no pilot here (`visible` is None)."""

    list_display = ["need", "status", "starts_on", "ends_on", "users", "results_public"]
    list_filter = ["status", "results_public"]
    search_fields = ["need__title"]
    readonly_fields = [
        "need",
        "scope",
        "starts_on",
        "ends_on",
        "users",
        "status",
        "results_public",
        "created_by",
    ]
    inlines = [MeasureInline]
