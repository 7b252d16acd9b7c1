"""Reads of the advisors' notes on suggested pairs, beyond one pair's own list."""

from django.db.models import Count

from backend.common.access import check_advisor
from backend.common.types import AnyUser
from backend.matches.models import MatchNote


def match_note_counts(*, user: AnyUser, need_id: int) -> dict[int, int]:
    """How many notes each pair of the need's board has (the pairs whose need it is), in one
    query; a pair without notes is left out. Advisors only (notes are theirs)."""
    check_advisor(user=user)
    rows = (
        MatchNote.objects.filter(match__need_id=need_id)
        .values("match_id")
        .annotate(count=Count("id"))
        .order_by("match_id")
    )
    return {row["match_id"]: row["count"] for row in rows}
