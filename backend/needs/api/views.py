import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.selectors import user_org_ids
from backend.common.api import auth_user, validated
from backend.needs import selectors, services
from backend.needs.api import serializers as s
from backend.needs.models import CoBuyerRequest, Need
from backend.pilots.models import Pilot


class NeedFilter(django_filters.FilterSet):
    mine = django_filters.BooleanFilter(method="filter_mine", label="Only my organisations' needs")
    cpv_division = django_filters.CharFilter(method="filter_cpv_division")
    seeks_pilot = django_filters.BooleanFilter(
        method="filter_seeks_pilot", label="Only needs that ask for a pilot (true) or not (false)"
    )

    class Meta:
        model = Need
        fields = ["status", "stage", "sector", "county", "organization", "procedure", "language"]

    def filter_mine(self, queryset: QuerySet[Need], name: str, value: bool) -> QuerySet[Need]:
        if not value:
            return queryset
        return queryset.filter(organization_id__in=user_org_ids(self.request.user))

    def filter_seeks_pilot(
        self, queryset: QuerySet[Need], name: str, value: bool | None
    ) -> QuerySet[Need]:
        if value is None:
            return queryset
        wanted = queryset.filter(pilot__status__in=Pilot.SEEKING_STATUSES)
        return wanted if value else queryset.exclude(pk__in=wanted.values("pk"))

    def filter_cpv_division(
        self, queryset: QuerySet[Need], name: str, value: str
    ) -> QuerySet[Need]:
        ids = [
            pk
            for pk, codes in queryset.values_list("pk", "cpv_codes")
            if any(c.startswith(value) for c in codes)
        ]
        return queryset.filter(pk__in=ids)


class NeedListApi(generics.ListAPIView[Need]):
    serializer_class = s.NeedOutput
    filterset_class = NeedFilter
    search_fields = ["title", "description"]
    ordering_fields = ["published_at", "created_at", "response_deadline", "title"]

    def get_queryset(self) -> QuerySet[Need]:
        return selectors.need_list(user=self.request.user)

    @extend_schema(
        request=s.NeedInput,
        responses={201: s.NeedDetailOutput},
        summary="Create a need (as a draft)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.NeedInput, request)
        organization = data.pop("organization")
        need = services.need_create(
            user=auth_user(request),
            organization=organization,
            data=data,
        )
        return Response(
            s.NeedDetailOutput(need, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class NeedDetailApi(APIView):
    def _get(self, request: Request, pk: int) -> Need:
        return selectors.need_get(user=request.user, need_id=pk)

    @extend_schema(responses=s.NeedDetailOutput)
    def get(self, request: Request, pk: int) -> Response:
        need = self._get(request, pk)
        return Response(s.NeedDetailOutput(need, context={"request": request}).data)

    @extend_schema(request=s.NeedUpdateInput, responses=s.NeedDetailOutput)
    def patch(self, request: Request, pk: int) -> Response:
        need = self._get(request, pk)
        data = validated(s.NeedUpdateInput, request, partial=True)
        need = services.need_update(user=auth_user(request), need=need, data=data)
        return Response(s.NeedDetailOutput(need, context={"request": request}).data)

    @extend_schema(request=None, responses={204: None}, summary="Delete a draft")
    def delete(self, request: Request, pk: int) -> Response:
        services.need_delete(user=auth_user(request), need=self._get(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class NeedPublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None,
        responses=s.NeedDetailOutput,
        summary="Publish a need (verified public buyers)",
    )
    def post(self, request: Request, pk: int) -> Response:
        need = selectors.need_get(user=request.user, need_id=pk)
        need = services.need_publish(user=auth_user(request), need=need)
        return Response(s.NeedDetailOutput(need, context={"request": request}).data)


class NeedCloseApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.NeedDetailOutput, summary="Close a need")
    def post(self, request: Request, pk: int) -> Response:
        need = selectors.need_get(user=request.user, need_id=pk)
        need = services.need_close(user=auth_user(request), need=need)
        return Response(s.NeedDetailOutput(need, context={"request": request}).data)


class CoBuyerRequestListApi(generics.ListAPIView[CoBuyerRequest]):
    """Co-buyer requests to and from the user's public buyer organisations."""

    queryset = CoBuyerRequest.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.CoBuyerRequestOutput
    filterset_fields = ["status"]
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[CoBuyerRequest]:
        return selectors.co_buyer_request_list(user=self.request.user)


class CoBuyerRequestDecideApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    accept = True

    @extend_schema(request=None, responses=s.CoBuyerRequestOutput)
    def post(self, request: Request, pk: int) -> Response:
        decided = services.co_buyer_request_decide(
            user=auth_user(request),
            request=selectors.co_buyer_request_get(user=request.user, request_id=pk),
            accept=self.accept,
        )
        return Response(s.CoBuyerRequestOutput(decided, context={"request": request}).data)


class CoBuyerRequestAcceptApi(CoBuyerRequestDecideApi):
    """Accept: your organisation becomes co-buyer and reads the need's responses (admins)."""


class CoBuyerRequestDeclineApi(CoBuyerRequestDecideApi):
    """Decline the request to be co-buyer (your organisation's administrators)."""

    accept = False
