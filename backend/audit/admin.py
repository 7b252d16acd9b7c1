from django.contrib import admin

from backend.audit.models import AuditEvent
from backend.common.admin import ScopedAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ScopedAdmin[AuditEvent]):
    """Who did what: it says who asked, booked or read, so advisors and operators only."""

    list_display = ["created_at", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "actor__email"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
