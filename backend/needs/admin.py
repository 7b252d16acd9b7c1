from django.contrib import admin

from backend.common.admin import ScopedAdmin
from backend.needs.models import Need
from backend.needs.selectors import need_list


@admin.register(Need)
class NeedAdmin(ScopedAdmin[Need]):
    visible = need_list
    list_display = ["title", "organization", "sector", "stage", "status", "published_at"]
    list_filter = ["status", "stage", "sector", "county"]
    search_fields = ["title", "description"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["co_buyers"]
    readonly_fields = ["version", "published_at", "closed_at"]
