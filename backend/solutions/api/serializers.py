from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common import limits
from backend.common.fields import PlainTextField, WebAddressField, model_text
from backend.common.serializers import (
    CountyListField,
    CpvListField,
    OrganizationBrief,
    sector_label,
)
from backend.outbox.entities import Entity
from backend.outbox.selectors import suggestions_pending
from backend.reference.vocabularies import (
    COUNTIES,
    county_choices,
    language_choices,
    sector_choices,
)
from backend.solutions.models import Solution


class SolutionOutput(serializers.ModelSerializer[Solution]):
    organization = OrganizationBrief(read_only=True)
    sector = sector_label()
    cpv_codes = CpvListField()
    regions = CountyListField()

    class Meta:
        model = Solution
        fields = [
            "id",
            "title",
            "description",
            "sector",
            "cpv_codes",
            "trl",
            "regions",
            "language",
            "website",
            "status",
            "published_at",
            "organization",
            "version",
            "created_at",
            "updated_at",
        ]


class SolutionDetailOutput(SolutionOutput):
    suggestions_pending = serializers.SerializerMethodField(
        help_text="The needs recommended for this solution are being computed in the "
        "background after a change; they follow without a new request (ask again)."
    )

    class Meta(SolutionOutput.Meta):
        fields = [*SolutionOutput.Meta.fields, "suggestions_pending"]

    def get_suggestions_pending(self, solution: Solution) -> bool:
        return suggestions_pending(entity=Entity.SOLUTION, entity_id=solution.pk)


class SolutionInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    title = model_text(Solution, "title")
    description = model_text(Solution, "description", min_length=40)
    sector = serializers.ChoiceField(choices=sector_choices())
    cpv_codes = serializers.ListField(
        child=PlainTextField(max_length=12), required=False, max_length=limits.CPV_CODES
    )
    trl = serializers.IntegerField(min_value=1, max_value=9)
    regions = serializers.ListField(
        child=serializers.ChoiceField(choices=county_choices()),
        required=False,
        max_length=len(COUNTIES),
    )
    language = serializers.ChoiceField(choices=language_choices(), required=False)
    website = WebAddressField(required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=[("draft", "draft"), ("published", "published")], required=False
    )


class SolutionUpdateInput(SolutionInput):
    organization = None  # type: ignore[assignment]
    status = None  # type: ignore[assignment]
