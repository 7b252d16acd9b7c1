"""The advisors' list of what people could not find: one line per search over a period."""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone

from backend.discovery.models import MissedSearch
from backend.discovery.selectors import facet_label

_SAME_SEARCH = ("query", "filters", "semantic")


def missed_search_list(*, days: int) -> QuerySet[MissedSearch, dict[str, Any]]:
    """The searches of the last `days` days (today included) that found little, most frequent
    first: how often, on how many days, when last, and with how many hits and which
    relaxation the latest time."""
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = MissedSearch.objects.filter(day__gte=since)
    latest = rows.filter(**{f: OuterRef(f) for f in _SAME_SEARCH}).order_by("-day")
    searches: QuerySet[MissedSearch, dict[str, Any]] = (
        rows.values(*_SAME_SEARCH)
        .annotate(
            searches=Sum("count"),
            days=Count("id"),
            last_seen=Max("day"),
            hits=Subquery(latest.values("hits")[:1]),
            relaxation=Subquery(latest.values("relaxation")[:1]),
        )
        .order_by("-searches", "-last_seen", "query", "filters", "semantic")
    )
    return searches


def missed_filters(filters: str) -> list[dict[str, str]]:
    """A row's filters, each with its label in the user's language."""
    return [
        {
            "name": name,
            "value": value,
            "label": facet_label("kind" if name == "type" else name, value),
        }
        for name, value in parse_qsl(filters)
    ]
