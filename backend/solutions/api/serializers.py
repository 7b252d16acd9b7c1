from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common import field_messages, limits
from backend.common.fields import ChoiceInput, PlainTextField, WebAddressField, model_text
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


# What a reader needs to act on a description (the form counts it as one types).
DESCRIPTION_MIN = 40


class SolutionInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    title = model_text(
        Solution,
        "title",
        error_messages=field_messages.required_text(_("Enter the name of the solution.")),
    )
    description = model_text(
        Solution,
        "description",
        min_length=DESCRIPTION_MIN,
        error_messages=field_messages.required_text(
            _("Describe the solution in at least {min_length} characters."),
            min_length=DESCRIPTION_MIN,
        ),
    )
    sector = ChoiceInput(
        choices=sector_choices(),
        error_messages={"required": _("Choose the sector the solution belongs to.")},
    )
    cpv_codes = serializers.ListField(
        child=PlainTextField(max_length=12), required=False, max_length=limits.CPV_CODES
    )
    trl = serializers.IntegerField(
        min_value=1,
        max_value=9,
        error_messages={
            key: _("Choose a maturity from TRL 1 to TRL 9.")
            for key in ("invalid", "required", "null", "min_value", "max_value")
        },
    )
    regions = serializers.ListField(
        child=ChoiceInput(choices=county_choices()),
        required=False,
        max_length=len(COUNTIES),
    )
    language = ChoiceInput(choices=language_choices(), required=False)
    website = WebAddressField(required=False, allow_blank=True)
    status = ChoiceInput(choices=[("draft", "draft"), ("published", "published")], required=False)


class SolutionUpdateInput(SolutionInput):
    organization = None  # type: ignore[assignment]
    status = None  # type: ignore[assignment]
