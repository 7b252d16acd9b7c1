from rest_framework import serializers

from backend.common import limits
from backend.common.fields import PlainTextField, model_text
from backend.discovery.models import SavedSearch
from backend.outbox.entities import Entity
from search.types import FILTER_KEYS, RELAXATIONS


class SearchParams(serializers.Serializer):  # type: ignore[type-arg]
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    type = serializers.MultipleChoiceField(choices=Entity.values(), required=False)
    sort = serializers.ChoiceField(choices=["relevance", "newest", "deadline"], default="relevance")
    page = serializers.IntegerField(min_value=1, max_value=500, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=20)
    semantic = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Hybrid search (words and meaning); absent: the site's default mode.",
    )
    facet = serializers.MultipleChoiceField(choices=FILTER_KEYS, required=False)


class FacetValueOutput(serializers.Serializer):  # type: ignore[type-arg]
    value = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class SearchHitOutput(serializers.Serializer):  # type: ignore[type-arg]
    type = serializers.ChoiceField(choices=Entity.values())
    id = serializers.IntegerField()
    title = serializers.CharField()
    score = serializers.FloatField()
    highlights = serializers.ListField(child=serializers.CharField())
    organization_name = serializers.CharField(required=False)
    organization_id = serializers.IntegerField(required=False)
    organization_verified = serializers.BooleanField(required=False)
    sector = serializers.CharField(required=False)
    sector_label = serializers.CharField(required=False)
    counties = serializers.ListField(child=serializers.CharField(), required=False)
    stage = serializers.CharField(required=False, allow_null=True)
    stage_label = serializers.CharField(required=False)
    procedure = serializers.CharField(required=False, allow_null=True)
    trl = serializers.IntegerField(required=False, allow_null=True)
    language = serializers.CharField(required=False)
    status = serializers.CharField(required=False)
    published_at = serializers.DateTimeField(required=False, allow_null=True)
    deadline = serializers.DateTimeField(required=False, allow_null=True)
    starts_at = serializers.DateTimeField(required=False, allow_null=True)
    cpv_codes = serializers.ListField(child=serializers.CharField(), required=False)


class SearchOutput(serializers.Serializer):  # type: ignore[type-arg]
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    suggestion = serializers.CharField(
        allow_null=True,
        help_text="Did you mean: a corrected query, offered only if it finds more than the "
        "query's own words did (all its words, under the same filters).",
    )
    suggestion_hits = serializers.IntegerField(
        allow_null=True, help_text="How many results the suggestion finds (all its words)."
    )
    relaxation = serializers.ChoiceField(
        choices=list(RELAXATIONS),
        help_text="Which words the results match: all of them; most (e.g. 2 of 3) or any of "
        "them, when all of them found fewer than 3; semantic: results of similar meaning "
        "joined the few word matches.",
    )
    all_words_total = serializers.IntegerField(
        allow_null=True,
        help_text="How many results have every word of the query (typos tolerated); when the "
        "search relaxed, they come first. Null without words.",
    )
    semantic = serializers.BooleanField(
        help_text="Whether results of similar meaning are among the results (hybrid mode, "
        "or the semantic level)."
    )
    results = SearchHitOutput(many=True)
    facets = serializers.DictField(child=FacetValueOutput(many=True))


class AutocompleteOutput(serializers.Serializer):  # type: ignore[type-arg]
    suggestions = serializers.ListField(child=serializers.CharField())


class SavedSearchOutput(serializers.ModelSerializer[SavedSearch]):
    class Meta:
        model = SavedSearch
        fields = [
            "id",
            "name",
            "query",
            "filters",
            "alert_frequency",
            "last_alerted_at",
            "created_at",
        ]


class SavedSearchInput(serializers.Serializer):  # type: ignore[type-arg]
    name = model_text(SavedSearch, "name")
    query = model_text(SavedSearch, "query", required=False, allow_blank=True)
    filters = serializers.DictField(
        child=serializers.ListField(
            child=PlainTextField(max_length=limits.FILTER_VALUE),
            max_length=limits.FILTER_VALUES,
        ),
        required=False,
        help_text="Search filters by name (see /api/search/), each with a list of values.",
    )
    alert_frequency = serializers.ChoiceField(choices=SavedSearch.Frequency.choices, required=False)
