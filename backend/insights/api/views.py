from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.access import check_advisor
from backend.common.api import auth_user
from backend.insights.selectors import pipeline_overview


def _bucket(name: str, key: str) -> serializers.Serializer:  # type: ignore[type-arg]
    return inline_serializer(
        name=name,
        many=True,
        fields={
            key: serializers.CharField(),
            "label": serializers.CharField(),
            "count": serializers.IntegerField(),
        },
    )


PipelineOutput = inline_serializer(
    name="PipelineOutput",
    fields={
        "needs_total": serializers.IntegerField(),
        "needs_draft": serializers.IntegerField(),
        "needs_by_stage": _bucket("StageCount", "stage"),
        "needs_by_sector": _bucket("SectorCount", "sector"),
        "needs_by_county": _bucket("CountyCount", "county"),
        "conferences_upcoming": serializers.IntegerField(),
        "conferences_total": serializers.IntegerField(),
        "responses_count": serializers.IntegerField(),
        "matches_suggested": serializers.IntegerField(),
        "matches_shortlisted": serializers.IntegerField(),
        "introductions_count": serializers.IntegerField(),
        "joint_groups_active": serializers.IntegerField(),
        "joint_needs_in_groups": serializers.IntegerField(),
    },
)


class PipelineApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=PipelineOutput, summary="Pipeline overview (advisors)")
    def get(self, request: Request) -> Response:
        check_advisor(user=auth_user(request))
        return Response(pipeline_overview())
