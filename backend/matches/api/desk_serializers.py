"""The advisor's desk: the queue's query (filters, sort), its rows, the counts per view and
the bulk decisions."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.common.fields import model_text
from backend.common.serializers import OrganizationBrief, county_label, sector_label, stage_label
from backend.matches.desk_selectors import DEFAULT_SORT, DESK_SORTS, DeskFilters
from backend.matches.desk_services import BULK_MAX_ITEMS, BulkAction
from backend.matches.models import Match
from backend.needs.models import Need
from backend.reference.vocabularies import county_choices, sector_choices, stage_choices
from backend.solutions.models import Solution

MAX_AGE_DAYS = 3650


def _choice(choices: Any, label: Any, **kwargs: Any) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=choices,
        error_messages={"invalid_choice": label},
        **kwargs,
    )


class DeskQueryInput(serializers.Serializer):  # type: ignore[type-arg]
    """The desk's filters and sort, from the query string."""

    kind = _choice(
        Match.Kind.choices,
        _("Choose need_solution (solutions) or need_need (joint procurement)."),
        default=Match.Kind.NEED_SOLUTION,
        help_text="need_solution: suggested solutions; need_need: joint procurement",
    )
    state = serializers.MultipleChoiceField(
        choices=Match.State.choices,
        required=False,
        error_messages={
            "invalid_choice": _("Choose suggested, shortlisted, introduced or rejected.")
        },
        help_text="Repeat for several states; suggested when left out",
    )
    sector = _choice(
        sector_choices(), _("Choose a sector from the list."), required=False, allow_blank=True
    )
    county = _choice(
        county_choices(), _("Choose a county from the list."), required=False, allow_blank=True
    )
    stage = _choice(
        stage_choices(), _("Choose a stage from the list."), required=False, allow_blank=True
    )
    score_min = serializers.FloatField(
        required=False, min_value=0, max_value=1, help_text="Lowest score, 0–1"
    )
    score_max = serializers.FloatField(
        required=False, min_value=0, max_value=1, help_text="Highest score, 0–1"
    )
    max_age_days = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_AGE_DAYS,
        help_text="Suggested within the last this many days",
    )
    min_age_days = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_AGE_DAYS,
        help_text="Suggested at least this many days ago",
    )
    sort = _choice(
        list(DESK_SORTS),
        _("Sort by score, newest or deadline."),
        default=DEFAULT_SORT,
        help_text="score (highest first), newest (suggested last first), deadline (soonest first)",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low, high = attrs.get("score_min"), attrs.get("score_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError(
                {"score_max": [_("The highest score cannot be below the lowest.")]}
            )
        newest, oldest = attrs.get("max_age_days"), attrs.get("min_age_days")
        if newest is not None and oldest is not None and oldest > newest:
            raise serializers.ValidationError(
                {"min_age_days": [_("No suggestion can be both that old and that new.")]}
            )
        return attrs

    def filters(self) -> DeskFilters:
        data = self.validated_data
        states = tuple(sorted(data.get("state") or ())) or (Match.State.SUGGESTED,)
        return DeskFilters(
            kind=data["kind"],
            states=states,
            sector=data.get("sector", ""),
            county=data.get("county", ""),
            stage=data.get("stage", ""),
            score_min=data.get("score_min"),
            score_max=data.get("score_max"),
            max_age_days=data.get("max_age_days"),
            min_age_days=data.get("min_age_days"),
            sort=data["sort"],
        )


class DeskNeed(serializers.ModelSerializer[Need]):
    organization = OrganizationBrief(read_only=True)
    sector = sector_label()
    county = county_label(allow_null=True)
    stage = stage_label()

    class Meta:
        model = Need
        fields = ["id", "title", "organization", "sector", "county", "stage", "response_deadline"]


class DeskSolution(serializers.ModelSerializer[Solution]):
    organization = OrganizationBrief(read_only=True)

    class Meta:
        model = Solution
        fields = ["id", "title", "organization", "trl"]


class DeskMatchOutput(serializers.ModelSerializer[Match]):
    need = DeskNeed(read_only=True)
    solution = DeskSolution(read_only=True, allow_null=True)
    other_need = DeskNeed(read_only=True, allow_null=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "kind",
            "need",
            "solution",
            "other_need",
            "score",
            "state",
            "source",
            "created_at",
            "decided_at",
        ]


class DeskCountsOutput(serializers.Serializer):  # type: ignore[type-arg]
    need_solution = serializers.IntegerField(help_text="Suggested solutions")
    need_need = serializers.IntegerField(help_text="Joint procurement (need ↔ need)")


class BulkDecisionInput(serializers.Serializer):  # type: ignore[type-arg]
    action = _choice(BulkAction.choices, _("Choose shortlist or reject."))
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        help_text=f"The matches to decide on, at most {BULK_MAX_ITEMS}",
    )
    reason = model_text(Match, "rejection_reason", required=False, allow_blank=True)


class BulkItemOutput(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField(source="match_id")
    state = serializers.ChoiceField(choices=Match.State.choices)
    also_rejected = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="The same two needs the other way round, rejected with this pair",
    )


class BulkDecisionOutput(serializers.Serializer):  # type: ignore[type-arg]
    results = BulkItemOutput(many=True)
