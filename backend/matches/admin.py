from django.contrib import admin

from backend.matches.models import Match, MatchNote


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin[Match]):
    list_display = ["need", "solution", "other_need", "score", "state", "source"]
    list_filter = ["state", "kind", "source"]
    raw_id_fields = ["need", "solution", "other_need", "decided_by", "created_by"]


@admin.register(MatchNote)
class MatchNoteAdmin(admin.ModelAdmin[MatchNote]):
    list_display = ["match", "author", "created_at"]
    raw_id_fields = ["match", "author"]
