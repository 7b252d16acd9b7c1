from django.contrib import admin

from backend.common.admin import ScopedAdmin, ScopedTabularInline
from backend.dialogue.models import DialogueConference, MeetingSlot, Registration
from backend.dialogue.selectors import conference_list


class SlotInline(ScopedTabularInline[MeetingSlot, DialogueConference]):
    model = MeetingSlot
    # Who booked is for the host and advisors (equal treatment).
    advisor_fields = ("booked_by", "booked_by_user", "booked_at")
    extra = 0
    raw_id_fields = ["booked_by", "booked_by_user"]


@admin.register(DialogueConference)
class ConferenceAdmin(ScopedAdmin[DialogueConference]):
    visible = conference_list
    list_display = ["title", "organization", "starts_at", "registration_deadline", "status"]
    list_filter = ["status", "format"]
    search_fields = ["title"]
    raw_id_fields = ["organization", "created_by"]
    inlines = [SlotInline]


@admin.register(Registration)
class RegistrationAdmin(ScopedAdmin[Registration]):
    """Participants' contact data: advisors only."""

    list_display = ["conference", "organization", "created_at"]
    raw_id_fields = ["conference", "organization", "registered_by"]
