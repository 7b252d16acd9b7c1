from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.cases.models import Case, CaseReuse, Gain
from backend.cases.services import MAX_AMOUNT, MAX_GAINS, gain_errors
from backend.common import field_messages
from backend.common.fields import ChoiceInput, PlainTextField, bounded_many, model_text
from backend.common.serializers import (
    CodeLabel,
    CpvListField,
    OrganizationBrief,
    VisiblePrimaryKeyRelatedField,
    procedure_label,
    sector_label,
    stage_label,
)
from backend.needs.selectors import need_list
from backend.pilots.selectors import pilot_results_for_need
from backend.reference.vocabularies import (
    language_choices,
    procedure_choices,
    sector_choices,
    stage_choices,
)

MAX_SUPPLIERS = 10


@extend_schema_field(CodeLabel(allow_null=True))
class ChoiceLabelField(serializers.Field):  # type: ignore[type-arg]
    """A TextChoices value as {code, label} in the request's language."""

    def __init__(self, choices: type[models.TextChoices], **kwargs: Any) -> None:
        self.choices = choices
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> dict[str, str] | None:
        return {"code": value, "label": str(self.choices(value).label)} if value else None


class GainOutput(serializers.ModelSerializer[Gain]):
    type = ChoiceLabelField(Gain.Type)
    unit = ChoiceLabelField(Gain.Unit)
    period = ChoiceLabelField(Gain.Period)
    beneficiary = ChoiceLabelField(Gain.Beneficiary)
    beneficiary_sector = sector_label()

    class Meta:
        model = Gain
        fields = [
            "id",
            "type",
            "description",
            "amount",
            "unit",
            "period",
            "beneficiary",
            "beneficiary_sector",
            "measurement",
        ]


class NeedLink(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()


class CaseOutput(serializers.ModelSerializer[Case]):
    organization = OrganizationBrief(read_only=True)
    sector = sector_label()
    procedure = procedure_label()
    stage_reached = stage_label()
    cpv_codes = CpvListField()
    suppliers = OrganizationBrief(many=True, read_only=True)
    gains = GainOutput(many=True, read_only=True)
    supplier_names = serializers.ListField(child=serializers.CharField(), read_only=True)
    reuse_count = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "id",
            "title",
            "summary",
            "sector",
            "cpv_codes",
            "procedure",
            "stage_reached",
            "suppliers",
            "supplier_names",
            "language",
            "status",
            "published_at",
            "organization",
            "gains",
            "reuse_count",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_reuse_count(self, case: Case) -> int:
        return int(getattr(case, "reuse_count", 0))


class ReuseOutput(serializers.ModelSerializer[CaseReuse]):
    organization = OrganizationBrief(read_only=True)

    class Meta:
        model = CaseReuse
        fields = ["organization", "created_at"]


class PilotResultOutput(serializers.Serializer):  # type: ignore[type-arg]
    measure = serializers.CharField()
    unit = serializers.CharField()
    unit_label = serializers.CharField()
    baseline = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    note = serializers.CharField()


class CaseDetailOutput(CaseOutput):
    need = serializers.SerializerMethodField(
        help_text="The need the case tells of, while that need is public (or the reader's own)."
    )
    reuses = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    can_reuse = serializers.SerializerMethodField(
        help_text="The reader may start a new need from the case (a verified public buyer)."
    )

    pilot_results = serializers.SerializerMethodField(
        help_text="The public results of the need's pilot (backend/pilots), measure by measure."
    )

    class Meta(CaseOutput.Meta):
        fields = [
            *CaseOutput.Meta.fields,
            "lessons",
            "need",
            "reuses",
            "can_edit",
            "can_reuse",
            "pilot_results",
        ]

    @extend_schema_field(PilotResultOutput(many=True))
    def get_pilot_results(self, case: Case) -> list[dict[str, Any]]:
        results = pilot_results_for_need(case.need_id)
        return list(PilotResultOutput([asdict(r) for r in results], many=True).data)

    @extend_schema_field(NeedLink(allow_null=True))
    def get_need(self, case: Case) -> dict[str, Any] | None:
        visible: Mapping[str, Any] = self.context.get("need_visible", {})
        if not visible.get("need"):
            return None
        return {"id": case.need_id, "title": case.need.title}

    @extend_schema_field(ReuseOutput(many=True))
    def get_reuses(self, case: Case) -> list[dict[str, Any]]:
        return list(ReuseOutput(case.reuses.all(), many=True).data)

    def get_can_edit(self, case: Case) -> bool:
        return bool(self.context.get("can_edit", False))

    def get_can_reuse(self, case: Case) -> bool:
        return bool(self.context.get("can_reuse", False))


class CaseSuggestionOutput(serializers.Serializer):  # type: ignore[type-arg]
    case = CaseOutput()
    similarity = serializers.FloatField()


class GainInput(serializers.Serializer):  # type: ignore[type-arg]
    type = ChoiceInput(
        choices=Gain.Type.choices, error_messages={"required": _("Choose the type of gain.")}
    )
    description = model_text(Gain, "description", required=False, allow_blank=True)
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        max_value=MAX_AMOUNT - 1,
        error_messages={
            key: _("Enter the gain as a positive amount with digits, for example 250000.")
            for key in (
                "invalid",
                "required",
                "null",
                "min_value",
                "max_value",
                "max_digits",
                "max_decimal_places",
                "max_whole_digits",
                "max_string_length",
            )
        },
    )
    unit = ChoiceInput(
        choices=Gain.Unit.choices, error_messages={"required": _("Choose the unit.")}
    )
    period = ChoiceInput(
        choices=Gain.Period.choices,
        error_messages={"required": _("Choose the period the gain is counted over.")},
    )
    beneficiary = ChoiceInput(
        choices=Gain.Beneficiary.choices,
        error_messages={"required": _("Choose who benefits.")},
    )
    beneficiary_sector = ChoiceInput(choices=sector_choices(), required=False, allow_blank=True)
    measurement = model_text(
        Gain,
        "measurement",
        error_messages=field_messages.required_text(_("Say how the gain was measured.")),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = gain_errors(attrs)
        if errors:
            raise serializers.ValidationError(errors)
        attrs.setdefault("beneficiary_sector", "")
        return attrs


SUMMARY_MIN = 40


class CaseUpdateInput(serializers.Serializer):  # type: ignore[type-arg]
    title = model_text(
        Case, "title", error_messages=field_messages.required_text(_("Give the case a title."))
    )
    summary = model_text(
        Case,
        "summary",
        min_length=SUMMARY_MIN,
        error_messages=field_messages.required_text(
            _("Describe what was bought in at least {min_length} characters."),
            min_length=SUMMARY_MIN,
        ),
    )
    procedure = ChoiceInput(
        choices=procedure_choices(),
        error_messages={"required": _("Choose the procedure that was used.")},
    )
    stage_reached = ChoiceInput(
        choices=stage_choices(), error_messages={"required": _("Choose the stage reached.")}
    )
    supplier_ids = bounded_many(
        serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all()),
        max_length=MAX_SUPPLIERS,
        required=False,
        source="suppliers",
    )
    supplier_names = serializers.ListField(
        child=PlainTextField(max_length=200), required=False, max_length=MAX_SUPPLIERS
    )
    lessons = model_text(Case, "lessons", required=False, allow_blank=True)
    language = ChoiceInput(choices=language_choices(), required=False)
    gains = serializers.ListField(child=GainInput(), required=False, max_length=MAX_GAINS)


class CaseInput(CaseUpdateInput):
    need = VisiblePrimaryKeyRelatedField(
        scope=need_list, error_messages={"required": _("Choose the need the case tells of.")}
    )
    title = model_text(Case, "title", required=False)
    procedure = ChoiceInput(choices=procedure_choices(), required=False)
    stage_reached = ChoiceInput(choices=stage_choices(), required=False)


class ReuseInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        error_messages={"required": _("Choose the organisation the new need belongs to.")},
    )


class ReuseCreatedOutput(serializers.Serializer):  # type: ignore[type-arg]
    need_id = serializers.IntegerField()
    case_id = serializers.IntegerField()
