from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.discovery.missed.selectors import missed_filters
from backend.discovery.missed.services import RETENTION_DAYS
from search.types import RELAXATIONS


class MissedSearchParams(serializers.Serializer):  # type: ignore[type-arg]
    days = serializers.IntegerField(
        min_value=1,
        max_value=RETENTION_DAYS,
        default=30,
        help_text=f"The period: the last this many days, today included (at most {RETENTION_DAYS}, "
        "as long as searches are kept).",
    )


class MissedFilterOutput(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField(help_text="The search parameter (type, sector, county, …).")
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class MissedSearchOutput(serializers.Serializer):  # type: ignore[type-arg]
    query = serializers.CharField(help_text="The search text, lower case, single spaces.")
    filters = serializers.SerializerMethodField()
    filters_query = serializers.CharField(
        source="filters", help_text="The filters and types as search parameters (a=b&c=d)."
    )
    semantic = serializers.BooleanField(help_text="Searched by similar meaning.")
    searches = serializers.IntegerField(help_text="How many times, over the period.")
    days = serializers.IntegerField(help_text="On how many days.")
    last_seen = serializers.DateField()
    hits = serializers.IntegerField(help_text="Hits the latest time.")
    relaxation = serializers.ChoiceField(
        choices=list(RELAXATIONS),
        help_text="Which words the results matched the latest time (as GET /api/search/ "
        "says): all of them; most or any of them, when all of them found fewer than 3; "
        "semantic: results of similar meaning joined the few word matches.",
    )

    @extend_schema_field(MissedFilterOutput(many=True))
    def get_filters(self, row: dict[str, Any]) -> list[dict[str, str]]:
        return missed_filters(row["filters"])
