from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.common import field_messages
from backend.common.fields import ChoiceInput, model_text
from backend.pilots.models import Measure, Pilot, Unit
from backend.pilots.selectors import user_reads_pilot_results
from backend.pilots.services import MAX_MEASURES, MeasureInput, ResultInput

#: People a pilot may involve (Norway has about 5.6 million).
MAX_USERS = 10_000_000


def _amount(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a number, such as 12 or 12.5."),
            "max_digits": _("Enter a number with at most 12 digits before the decimal point."),
            "max_decimal_places": _("Enter at most two decimals."),
            "max_whole_digits": _(
                "Enter a number with at most 12 digits before the decimal point."
            ),
        },
        **kwargs,
    )


class MeasureOutput(serializers.ModelSerializer[Measure]):
    unit_label = serializers.CharField(source="get_unit_display", read_only=True)
    baseline = serializers.DecimalField(
        max_digits=14, decimal_places=2, coerce_to_string=False, allow_null=True
    )

    class Meta:
        model = Measure
        fields = ["id", "name", "unit", "unit_label", "baseline"]


class ResultOutput(serializers.Serializer):  # type: ignore[type-arg]
    measure_id = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False)
    note = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class PilotOutput(serializers.ModelSerializer[Pilot]):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    measures = MeasureOutput(many=True, read_only=True)
    results = serializers.SerializerMethodField(
        help_text="Recorded results per measure: the need's editors always, everyone else only "
        "once the buyer marked them public (results_public)."
    )

    class Meta:
        model = Pilot
        fields = [
            "id",
            "need_id",
            "scope",
            "starts_on",
            "ends_on",
            "users",
            "status",
            "status_label",
            "results_public",
            "measures",
            "results",
            "version",
            "updated_at",
        ]

    @extend_schema_field(ResultOutput(many=True))
    def get_results(self, pilot: Pilot) -> list[dict[str, Any]]:
        user = self.context["request"].user
        if not user_reads_pilot_results(user=user, pilot=pilot):
            return []
        rows = [m for m in pilot.measures.all() if m.result_value is not None]
        return ResultOutput(  # type: ignore[return-value]
            [
                {
                    "measure_id": m.pk,
                    "value": m.result_value,
                    "note": m.result_note,
                    "recorded_at": m.result_recorded_at,
                }
                for m in rows
            ],
            many=True,
        ).data


class MeasureInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    name = model_text(
        Measure,
        "name",
        error_messages=field_messages.required_text(_("Say what the measure counts.")),
    )
    unit = ChoiceInput(
        choices=Unit.choices, error_messages={"required": _("Choose the measure's unit.")}
    )
    baseline = _amount(required=False, allow_null=True)

    def to_internal_value(self, data: Any) -> MeasureInput:
        values = super().to_internal_value(data)
        return MeasureInput(
            name=values["name"],
            unit=values["unit"],
            baseline=values.get("baseline"),
            id=values.get("id"),
        )


class PilotInput(serializers.Serializer):  # type: ignore[type-arg]
    scope = model_text(
        Pilot,
        "scope",
        error_messages=field_messages.required_text(
            _("Describe the pilot's scope: what is tried out, where and with whom.")
        ),
    )
    starts_on = serializers.DateField(
        error_messages={"required": _("Give the date the pilot starts.")}
    )
    ends_on = serializers.DateField(error_messages={"required": _("Give the date the pilot ends.")})
    users = serializers.IntegerField(
        min_value=1,
        max_value=MAX_USERS,
        error_messages={
            "required": _("Give the number of users in the pilot."),
            "min_value": _("A pilot needs at least one user."),
            "max_value": _("Enter at most {max_value} users."),
            "invalid": _("Enter the number of users as a whole number."),
        },
    )
    status = ChoiceInput(choices=Pilot.Status.choices, required=False)
    results_public = serializers.BooleanField(required=False)
    measures = serializers.ListField(
        child=MeasureInputSerializer(),
        max_length=MAX_MEASURES,
        error_messages={
            "required": _("Say what the pilot will measure: add at least one measure."),
            "max_length": _("A pilot has at most {max_length} measures."),
        },
    )


class ResultInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    measure_id = serializers.IntegerField(min_value=1)
    value = _amount()
    note = model_text(Measure, "result_note", required=False, allow_blank=True, default="")

    def to_internal_value(self, data: Any) -> ResultInput:
        values = super().to_internal_value(data)
        return ResultInput(
            measure_id=values["measure_id"], value=values["value"], note=values.get("note", "")
        )


class ResultsInput(serializers.Serializer):  # type: ignore[type-arg]
    results = serializers.ListField(
        child=ResultInputSerializer(),
        min_length=1,
        max_length=MAX_MEASURES,
        error_messages={"min_length": _("Give a result for at least one measure.")},
    )
