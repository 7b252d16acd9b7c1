import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.selectors import user_org_ids
from backend.common.api import auth_user, validated
from backend.solutions import selectors, services
from backend.solutions.api import serializers as s
from backend.solutions.models import Solution


class SolutionFilter(django_filters.FilterSet):
    mine = django_filters.BooleanFilter(method="filter_mine")
    trl_min = django_filters.NumberFilter(field_name="trl", lookup_expr="gte")

    class Meta:
        model = Solution
        fields = ["status", "sector", "language", "trl", "organization"]

    def filter_mine(
        self, queryset: QuerySet[Solution], name: str, value: bool
    ) -> QuerySet[Solution]:
        if not value:
            return queryset
        return queryset.filter(organization_id__in=user_org_ids(self.request.user))


class SolutionListApi(generics.ListAPIView[Solution]):
    serializer_class = s.SolutionOutput
    filterset_class = SolutionFilter
    search_fields = ["title", "description"]
    ordering_fields = ["published_at", "created_at", "title", "trl"]

    def get_queryset(self) -> QuerySet[Solution]:
        return selectors.solution_list(user=self.request.user)

    @extend_schema(
        request=s.SolutionInput,
        responses={201: s.SolutionDetailOutput},
        summary="Create a solution profile",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.SolutionInput, request)
        organization = data.pop("organization")
        solution = services.solution_create(
            user=auth_user(request),
            organization=organization,
            data=data,
        )
        return Response(s.SolutionDetailOutput(solution).data, status=status.HTTP_201_CREATED)


class SolutionDetailApi(APIView):
    @extend_schema(responses=s.SolutionDetailOutput)
    def get(self, request: Request, pk: int) -> Response:
        solution = selectors.solution_get(user=request.user, solution_id=pk)
        return Response(s.SolutionDetailOutput(solution).data)

    @extend_schema(request=s.SolutionUpdateInput, responses=s.SolutionDetailOutput)
    def patch(self, request: Request, pk: int) -> Response:
        solution = selectors.solution_get(user=request.user, solution_id=pk)
        data = validated(s.SolutionUpdateInput, request, partial=True)
        solution = services.solution_update(
            user=auth_user(request),
            solution=solution,
            data=data,
        )
        return Response(s.SolutionDetailOutput(solution).data)


class SolutionPublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.SolutionDetailOutput, summary="Publish a solution")
    def post(self, request: Request, pk: int) -> Response:
        solution = selectors.solution_get(user=request.user, solution_id=pk)
        solution = services.solution_publish(
            user=auth_user(request),
            solution=solution,
        )
        return Response(s.SolutionDetailOutput(solution).data)


class SolutionArchiveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.SolutionDetailOutput, summary="Archive a solution")
    def post(self, request: Request, pk: int) -> Response:
        solution = selectors.solution_get(user=request.user, solution_id=pk)
        solution = services.solution_archive(
            user=auth_user(request),
            solution=solution,
        )
        return Response(s.SolutionDetailOutput(solution).data)
