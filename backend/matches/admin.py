from django.contrib import admin

from backend.common.admin import ScopedAdmin
from backend.matches.models import Match, MatchNote
from backend.matches.selectors import match_list


@admin.register(Match)
class MatchAdmin(ScopedAdmin[Match]):
    visible = match_list
    list_display = ["need", "solution", "other_need", "score", "state", "source"]
    list_filter = ["state", "kind", "source"]
    raw_id_fields = ["need", "solution", "other_need", "decided_by", "created_by"]


@admin.register(MatchNote)
class MatchNoteAdmin(ScopedAdmin[MatchNote]):
    """Advisors' notes: advisors only."""

    list_display = ["match", "author", "created_at"]
    raw_id_fields = ["match", "author"]
