from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.common.admin import ScopedAdmin, ScopedTabularInline
from backend.common.admin_services import ServiceAdmin, service_action
from backend.dialogue import services
from backend.dialogue.models import DialogueConference, MeetingSlot, Registration
from backend.dialogue.selectors import conference_list


class SlotInline(ScopedTabularInline[MeetingSlot, DialogueConference]):
    model = MeetingSlot
    # Who booked is for the host and advisors (equal treatment).
    advisor_fields = ("booked_by", "booked_by_user", "booked_at")
    extra = 0
    raw_id_fields = ["booked_by", "booked_by_user"]


@admin.register(DialogueConference)
class ConferenceAdmin(ServiceAdmin[DialogueConference]):
    """Edits (needs included) go through conference_update; publishing through the action."""

    visible = conference_list
    row_name = "conference"
    editable = services.EDITABLE_FIELDS
    list_display = ["title", "organization", "starts_at", "registration_deadline", "status"]
    list_filter = ["status", "format"]
    search_fields = ["title"]
    filter_horizontal = ["needs"]
    inlines = [SlotInline]
    actions = [
        service_action(
            services.conference_publish,
            description=_("Publish the selected conferences"),
            done=_("%(count)d conference(s) published."),
        ),
    ]

    def update(self, request: HttpRequest, row: DialogueConference, data: dict[str, Any]) -> None:
        services.conference_update(user=request.user, conference=row, data=data)  # type: ignore[arg-type]

    def has_delete_permission(
        self, request: HttpRequest, obj: DialogueConference | None = None
    ) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(ScopedAdmin[Registration]):
    """Participants' contact data: advisors only."""

    list_display = ["conference", "organization", "created_at"]
    raw_id_fields = ["conference", "organization", "registered_by"]
