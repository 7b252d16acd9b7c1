from django.contrib import admin

from backend.responses.models import Response


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin[Response]):
    """Operators see that a response exists, not its confidential text."""

    list_display = ["summary", "need", "organization", "confidential", "created_at"]
    list_filter = ["confidential"]
    exclude = ["body"]
    raw_id_fields = ["need", "organization", "author"]
