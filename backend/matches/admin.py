from django.contrib import admin
from django.http import HttpRequest

from backend.common.admin import ScopedAdmin
from backend.matches.models import Match, MatchNote
from backend.matches.selectors import match_list


@admin.register(Match)
class MatchAdmin(ScopedAdmin[Match]):
    """Read-only: curation goes through the advisors' services (audited, notifying), and a
    decided pair is never deleted, or a rejected one would come back."""

    visible = match_list
    list_display = ["need", "solution", "other_need", "score", "state", "source"]
    list_filter = ["state", "kind", "source"]
    raw_id_fields = ["need", "solution", "other_need", "decided_by", "created_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Match | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Match | None = None) -> bool:
        return False


@admin.register(MatchNote)
class MatchNoteAdmin(ScopedAdmin[MatchNote]):
    """Advisors' notes: advisors only."""

    list_display = ["match", "author", "created_at"]
    raw_id_fields = ["match", "author"]
