from rest_framework import serializers

from backend.common.fields import model_text
from backend.common.serializers import (
    OrganizationBrief,
    VisiblePrimaryKeyRelatedField,
    sector_label,
)
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


class MatchOutput(serializers.ModelSerializer[Match]):
    need = MatchNeed(read_only=True)
    solution = MatchSolution(read_only=True, allow_null=True)
    other_need = MatchNeed(read_only=True, allow_null=True)
    signals = Signal(many=True, read_only=True)
    shared_terms = serializers.ListField(child=serializers.CharField(), read_only=True)
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
            "signals",
            "shared_terms",
            "best_pair",
            "state",
            "source",
            "created_at",
            "updated_at",
        ]


class MatchAdvisorOutput(MatchOutput):
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
