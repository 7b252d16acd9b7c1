from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.selectors import user_is_advisor
from backend.common.access import check_advisor
from backend.common.api import (
    EXPORT_RESPONSES,
    FILE_FORMAT_PARAMETER,
    ExportApi,
    auth_user,
    export_format,
    export_response,
    validated,
)
from backend.common.filters import visible_to
from backend.matches import selectors, services
from backend.matches.api import serializers as s
from backend.matches.models import Match, MatchNote
from backend.matches.selectors import check_need_insight, check_solution_insight
from backend.needs.selectors import need_get, need_list
from backend.solutions.selectors import solution_get, solution_list


class MatchFilter(django_filters.FilterSet):
    need = django_filters.ModelChoiceFilter(queryset=visible_to(need_list))
    solution = django_filters.ModelChoiceFilter(queryset=visible_to(solution_list))

    class Meta:
        model = Match
        fields = ["state", "kind", "need", "solution", "source"]


class _MatchListBase(generics.ListAPIView[Match]):
    filterset_class = MatchFilter
    ordering_fields = ["score", "created_at", "updated_at"]

    def get_serializer_class(self) -> Any:
        return s.MatchAdvisorOutput if user_is_advisor(self.request.user) else s.MatchOutput


class MatchListApi(_MatchListBase):
    """Advisors: all matches (the curation queue is ?state=suggested). Others: their own."""

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self) -> QuerySet[Match]:
        return selectors.match_list(user=self.request.user)

    @extend_schema(
        request=s.ManualMatchInput,
        responses={201: s.MatchAdvisorOutput},
        summary="Create a match by hand (advisors)",
    )
    def post(self, request: Request) -> Response:
        match = services.match_create_manual(
            user=auth_user(request),
            **validated(s.ManualMatchInput, request),
        )
        match = selectors.match_get(user=request.user, match_id=match.pk)
        return Response(s.MatchAdvisorOutput(match).data, status=status.HTTP_201_CREATED)


class MatchDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.MatchAdvisorOutput)
    def get(self, request: Request, pk: int) -> Response:
        match = selectors.match_get(user=request.user, match_id=pk)
        serializer = s.MatchAdvisorOutput if user_is_advisor(request.user) else s.MatchOutput
        return Response(serializer(match).data)


class _DecisionApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def _match(self, request: Request, pk: int) -> Match:
        return selectors.match_get(user=request.user, match_id=pk)

    def _out(self, request: Request, match: Match) -> Response:
        return Response(
            s.MatchAdvisorOutput(selectors.match_get(user=request.user, match_id=match.pk)).data
        )


class MatchShortlistApi(_DecisionApi):
    @extend_schema(request=None, responses=s.MatchAdvisorOutput, summary="Shortlist (advisors)")
    def post(self, request: Request, pk: int) -> Response:
        match = services.match_shortlist(user=auth_user(request), match=self._match(request, pk))
        return self._out(request, match)


class MatchIntroduceApi(_DecisionApi):
    @extend_schema(
        request=None,
        responses=s.MatchAdvisorOutput,
        summary="Introduce the parties (advisors); notifies both",
    )
    def post(self, request: Request, pk: int) -> Response:
        match = services.match_introduce(user=auth_user(request), match=self._match(request, pk))
        return self._out(request, match)


class MatchRejectApi(_DecisionApi):
    @extend_schema(
        request=s.RejectInput,
        responses=s.MatchAdvisorOutput,
        summary="Reject with a reason (advisors); the pair never comes back",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(s.RejectInput, request)
        match = services.match_reject(
            user=auth_user(request),
            match=self._match(request, pk),
            reason=data["reason"],
        )
        return self._out(request, match)


class MatchNotesApi(generics.ListAPIView[Any]):
    queryset = MatchNote.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.NoteOutput
    ordering_fields = ["created_at"]
    filterset_fields: list[str] = []

    def get_queryset(self) -> Any:
        check_advisor(user=self.request.user)
        return selectors.match_get(
            user=self.request.user, match_id=self.kwargs["pk"]
        ).notes.select_related("author")

    @extend_schema(
        request=s.NoteInput, responses={201: s.NoteOutput}, summary="Add a note (advisors)"
    )
    def post(self, request: Request, pk: int) -> Response:
        match = selectors.match_get(user=request.user, match_id=pk)
        note = services.match_note_add(
            user=auth_user(request),
            match=match,
            **validated(s.NoteInput, request),
        )
        return Response(s.NoteOutput(note).data, status=status.HTTP_201_CREATED)


class MatchExportApi(ExportApi):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[FILE_FORMAT_PARAMETER],
        responses=EXPORT_RESPONSES,
        summary="Export curation decisions as CSV or XLSX (advisors)",
    )
    def get(self, request: Request) -> Any:
        check_advisor(user=auth_user(request))
        file_format = export_format(request)
        matches = selectors.match_list(user=request.user).order_by("need_id", "-score")
        table = services.match_export(user=auth_user(request), matches=matches)
        filename = f"matcher-{timezone.localdate():%Y-%m-%d}"
        return export_response(table, filename=filename, file_format=file_format)


class NeedMatchesApi(_MatchListBase):
    """Suggested solutions for a need: its buyers and advisors."""

    queryset = Match.objects.none()

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self) -> QuerySet[Match]:
        need = need_get(user=self.request.user, need_id=self.kwargs["pk"])
        check_need_insight(user=self.request.user, need=need)
        return selectors.need_suggested_solutions(user=self.request.user, need_id=need.pk)


class NeedSimilarApi(_MatchListBase):
    """Similar needs of other buyers (joint procurement): the need's buyers and advisors."""

    queryset = Match.objects.none()

    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self) -> QuerySet[Match]:
        need = need_get(user=self.request.user, need_id=self.kwargs["pk"])
        check_need_insight(user=self.request.user, need=need)
        return selectors.need_similar_needs(user=self.request.user, need_id=need.pk)


class SolutionMatchesApi(_MatchListBase):
    """Recommended needs for a solution: its supplier and advisors (explained from the
    solution's side: what the need asks for)."""

    queryset = Match.objects.none()

    permission_classes = [permissions.IsAuthenticated]

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "perspective": "solution"}

    def get_queryset(self) -> QuerySet[Match]:
        solution = solution_get(user=self.request.user, solution_id=self.kwargs["pk"])
        check_solution_insight(user=self.request.user, solution=solution)
        return selectors.solution_recommended_needs(user=self.request.user, solution_id=solution.pk)
