from django.contrib import admin

from backend.dialogue.models import DialogueConference, MeetingSlot, Registration


class SlotInline(admin.TabularInline[MeetingSlot, DialogueConference]):
    model = MeetingSlot
    extra = 0
    raw_id_fields = ["booked_by", "booked_by_user"]


@admin.register(DialogueConference)
class ConferenceAdmin(admin.ModelAdmin[DialogueConference]):
    list_display = ["title", "organization", "starts_at", "registration_deadline", "status"]
    list_filter = ["status", "format"]
    search_fields = ["title"]
    raw_id_fields = ["organization", "created_by"]
    inlines = [SlotInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin[Registration]):
    list_display = ["conference", "organization", "created_at"]
    raw_id_fields = ["conference", "organization", "registered_by"]
