from django.contrib import admin

from backend.outbox.models import OutboxEntry


@admin.register(OutboxEntry)
class OutboxEntryAdmin(admin.ModelAdmin[OutboxEntry]):
    list_display = ["id", "topic", "entity", "entity_id", "created_at", "processed_at", "attempts"]
    list_filter = ["topic", "entity"]
    readonly_fields = ["last_error"]
