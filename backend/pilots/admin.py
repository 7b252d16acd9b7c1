from django.contrib import admin

from backend.common.admin import ReadOnlyScopedAdmin, ReadOnlyTabularInline
from backend.pilots.models import Measure, Pilot


class MeasureInline(ReadOnlyTabularInline[Measure, Pilot]):
    model = Measure
    fields = ("name", "unit", "baseline", "result_value", "result_note", "result_recorded_at")


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
