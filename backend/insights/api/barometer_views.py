"""The public innovation barometer, as JSON and as CSV/XLSX (open data)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import (
    EXPORT_RESPONSES,
    FILE_FORMAT_PARAMETER,
    ExportApi,
    export_format,
    export_response,
)
from backend.insights.barometer import PERIODS, Period, barometer, barometer_table

PERIOD_PARAMETER = OpenApiParameter(
    "period",
    str,
    enum=list(PERIODS),
    required=False,
    description="Count per quarter (default) or per month.",
)
DESCRIPTION = (
    "Public figures for the sector (open data, no login): needs published per period, sector "
    "and county (from each need's publication); needs per stage at the end of each period and "
    "the median days in each stage (from the stage changes the audit log records; only stays "
    "that ended count); the share of published needs that reached contract follow-up or "
    "implementation; the published cases' gains summed by type, unit and period; joint "
    "procurements; pilots by status. Drafts, responses and anything confidential never count."
)


def _count(name: str, key: str) -> serializers.Serializer:  # type: ignore[type-arg]
    return inline_serializer(
        name=name,
        many=True,
        fields={
            "period": serializers.CharField(),
            key: serializers.CharField(),
            "label": serializers.CharField(),
            "count": serializers.IntegerField(),
        },
    )


BarometerOutput = inline_serializer(
    name="BarometerOutput",
    fields={
        "generated_at": serializers.DateTimeField(),
        "period": serializers.ChoiceField(choices=PERIODS),
        "needs_published": serializers.IntegerField(),
        "published_by_period": inline_serializer(
            name="BarometerPeriodCount",
            many=True,
            fields={"period": serializers.CharField(), "count": serializers.IntegerField()},
        ),
        "published_by_sector": _count("BarometerSectorCount", "sector"),
        "published_by_county": _count("BarometerCountyCount", "county"),
        "stage_by_period": _count("BarometerStageCount", "stage"),
        "stage_durations": inline_serializer(
            name="BarometerStageDuration",
            many=True,
            fields={
                "stage": serializers.CharField(),
                "label": serializers.CharField(),
                "median_days": serializers.FloatField(allow_null=True),
                "needs": serializers.IntegerField(),
            },
        ),
        "reached_contract": inline_serializer(
            name="BarometerReachedContract",
            fields={
                "needs": serializers.IntegerField(),
                "of": serializers.IntegerField(),
                "share": serializers.FloatField(allow_null=True),
            },
        ),
        "gains": inline_serializer(
            name="BarometerGain",
            many=True,
            fields={
                "type": serializers.CharField(),
                "type_label": serializers.CharField(),
                "unit": serializers.CharField(),
                "unit_label": serializers.CharField(),
                "period": serializers.CharField(),
                "period_label": serializers.CharField(),
                "total": serializers.DecimalField(
                    max_digits=20, decimal_places=2, coerce_to_string=False
                ),
                "cases": serializers.IntegerField(),
            },
        ),
        "joint_procurements": inline_serializer(
            name="BarometerJointProcurements",
            fields={
                "groups_active": serializers.IntegerField(),
                "groups_forming": serializers.IntegerField(),
                "needs_in_groups": serializers.IntegerField(),
                "buyers_in_groups": serializers.IntegerField(),
            },
        ),
        "pilots": inline_serializer(
            name="BarometerPilots",
            fields={
                "wanted": serializers.IntegerField(),
                "running": serializers.IntegerField(),
                "completed": serializers.IntegerField(),
                "cancelled": serializers.IntegerField(),
            },
        ),
    },
)


def _period(request: Request) -> Period:
    chosen = request.query_params.get("period", "quarter")
    if chosen not in PERIODS:
        raise serializers.ValidationError(
            {"period": [_("Choose one of: %(periods)s.") % {"periods": ", ".join(PERIODS)}]}
        )
    return chosen


class BarometerApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[PERIOD_PARAMETER],
        responses=BarometerOutput,
        summary="The innovation barometer (open data, JSON)",
        description=DESCRIPTION,
    )
    def get(self, request: Request) -> Response:
        figures = barometer(period=_period(request))
        return Response(BarometerOutput.to_representation(figures))


class BarometerExportApi(ExportApi):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[PERIOD_PARAMETER, FILE_FORMAT_PARAMETER],
        responses=EXPORT_RESPONSES,
        summary="The innovation barometer (open data, CSV or XLSX)",
        description=DESCRIPTION
        + " One row per figure, period and value: figure, period, key, label, unit, value.",
    )
    def get(self, request: Request) -> HttpResponse:
        period, file_format = _period(request), export_format(request)
        table = barometer_table(barometer(period=period))
        return export_response(table, filename="innovasjonsbarometer", file_format=file_format)
