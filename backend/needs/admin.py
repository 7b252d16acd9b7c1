from django.contrib import admin

from backend.needs.models import Need


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin[Need]):
    list_display = ["title", "organization", "sector", "stage", "status", "published_at"]
    list_filter = ["status", "stage", "sector", "county"]
    search_fields = ["title", "description"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["co_buyers"]
    readonly_fields = ["version", "published_at", "closed_at"]
