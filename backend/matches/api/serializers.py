from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.common.fields import model_text
from backend.common.serializers import (
    OrganizationBrief,
    VisiblePrimaryKeyRelatedField,
    sector_label,
)
from backend.matches.explain import Perspective, fit_level, match_explanation, shown_terms
from backend.matches.explain import thresholds_get as explain_thresholds
from backend.matches.models import Match, MatchNote
from backend.needs.models import Need
from backend.needs.selectors import need_list
from backend.solutions.models import Solution
from backend.solutions.selectors import solution_list


class Signal(serializers.Serializer):  # type: ignore[type-arg]
    name = serializers.CharField()
    value = serializers.FloatField()
    weight = serializers.FloatField()
    contribution = serializers.FloatField()


class MatchNeed(serializers.ModelSerializer[Need]):
    organization = OrganizationBrief(read_only=True)
    sector = sector_label()

    class Meta:
        model = Need
        fields = ["id", "title", "description", "sector", "stage", "status", "organization"]


class MatchSolution(serializers.ModelSerializer[Solution]):
    organization = OrganizationBrief(read_only=True)
    sector = sector_label()

    class Meta:
        model = Solution
        fields = ["id", "title", "description", "sector", "trl", "language", "organization"]


FIT_CHOICES = [
    ("very_good", "very good: relevance from MATCHING_STRONG_RELEVANCE"),
    ("good", "good: relevance from MATCHING_RELEVANCE_FLOOR"),
    ("weak", "weak: below the floor (advisors only)"),
]
#: Fields only advisors are sent: the engine's workings.
ADVISOR_ONLY = ("signals", "relevance")


class MatchOutput(serializers.ModelSerializer[Match]):
    """A suggested pair. `explanation` says in the reader's language why it fits, from the
    page it is read on (context `perspective`: "need", the default, describes the solution or
    other need; "solution" describes the need); `fit` says how well in a word. The signals
    and relevance behind them are for advisors only (MatchAdvisorOutput)."""

    #: Send the advisor-only fields (MatchAdvisorOutput).
    detailed = False

    need = MatchNeed(read_only=True)
    solution = MatchSolution(read_only=True, allow_null=True)
    other_need = MatchNeed(read_only=True, allow_null=True)
    fit = serializers.SerializerMethodField()
    explanation = serializers.SerializerMethodField()
    # Optional (not read-only, so the schema marks them so): sent to advisors only.
    signals = Signal(many=True, required=False, help_text="Advisors only")
    relevance = serializers.FloatField(
        required=False, help_text="Advisors only: the topical part of the score"
    )
    shared_terms = serializers.SerializerMethodField()
    best_pair = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "kind",
            "need",
            "solution",
            "other_need",
            "score",
            "fit",
            "explanation",
            "relevance",
            "signals",
            "shared_terms",
            "best_pair",
            "state",
            "source",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=FIT_CHOICES))
    def get_fit(self, match: Match) -> str:
        return fit_level(match.relevance, explain_thresholds())

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_explanation(self, match: Match) -> list[str]:
        perspective: Perspective = self.context.get("perspective", "need")
        return match_explanation(match, perspective, explain_thresholds())

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_shared_terms(self, match: Match) -> list[str]:
        return shown_terms(match.shared_terms or [])

    def to_representation(self, instance: Match) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not self.detailed:
            for name in ADVISOR_ONLY:
                data.pop(name, None)
        return data


class MatchAdvisorOutput(MatchOutput):
    detailed = True
    # Optional: the match detail answers advisors with these fields and everyone else without.
    decided_by = serializers.CharField(source="decided_by.email", allow_null=True, required=False)

    class Meta(MatchOutput.Meta):
        fields = [*MatchOutput.Meta.fields, "rejection_reason", "decided_by", "decided_at"]


class NoteOutput(serializers.ModelSerializer[MatchNote]):
    author = serializers.CharField(source="author.email", allow_null=True, read_only=True)

    class Meta:
        model = MatchNote
        fields = ["id", "author", "text", "created_at"]


class NoteInput(serializers.Serializer):  # type: ignore[type-arg]
    text = model_text(MatchNote, "text")


class RejectInput(serializers.Serializer):  # type: ignore[type-arg]
    reason = model_text(Match, "rejection_reason")


class ManualMatchInput(serializers.Serializer):  # type: ignore[type-arg]
    need = VisiblePrimaryKeyRelatedField(scope=need_list)
    solution = VisiblePrimaryKeyRelatedField(scope=solution_list, required=False, allow_null=True)
    other_need = VisiblePrimaryKeyRelatedField(scope=need_list, required=False, allow_null=True)
    note = model_text(MatchNote, "text", required=False, allow_blank=True)
