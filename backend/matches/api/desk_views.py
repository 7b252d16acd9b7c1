"""The advisor's desk: the queue page by page with its filters and sort, the count of each
view (suggested solutions, joint procurement), and bulk shortlisting and rejecting.
Advisors only: everyone else gets 403 on every path, before any input is read."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.access import check_advisor
from backend.common.api import auth_user, validated
from backend.matches import desk_selectors, desk_services
from backend.matches.api import desk_serializers as s
from backend.matches.desk_selectors import DeskFilters
from backend.matches.models import Match


def _desk_filters(request: Request) -> DeskFilters:
    check_advisor(user=request.user)
    query = s.DeskQueryInput(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.filters()


class MatchQueueApi(generics.ListAPIView[Match]):
    """The advisor's desk: suggestions of one kind, filtered and sorted in the database."""

    queryset = Match.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.DeskMatchOutput
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Match]:
        filters = _desk_filters(self.request)
        return desk_selectors.match_desk(user=self.request.user, filters=filters)

    @extend_schema(parameters=[s.DeskQueryInput], summary="The advisor's desk (advisors)")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class MatchQueueCountsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[s.DeskQueryInput],
        responses=s.DeskCountsOutput,
        summary="How many suggestions each view of the desk holds under the filters (advisors)",
    )
    def get(self, request: Request) -> Response:
        filters = _desk_filters(request)
        counts = desk_selectors.match_desk_counts(user=request.user, filters=filters)
        return Response(s.DeskCountsOutput(counts).data)


class MatchBulkApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.BulkDecisionInput,
        responses=s.BulkDecisionOutput,
        summary="Shortlist or reject many suggestions at once, all or none (advisors)",
    )
    def post(self, request: Request) -> Response:
        user = auth_user(request)
        check_advisor(user=user)
        data = validated(s.BulkDecisionInput, request)
        outcomes = desk_services.matches_bulk_decide(
            user=user, ids=data["ids"], action=data["action"], reason=data.get("reason", "")
        )
        return Response(s.BulkDecisionOutput({"results": outcomes}).data)
