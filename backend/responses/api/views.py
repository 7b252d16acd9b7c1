from typing import Any

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import Organization
from backend.common.api import auth_user, validated
from backend.common.filters import visible_to
from backend.needs.selectors import need_get, need_list
from backend.responses import selectors, services
from backend.responses.api import serializers as s
from backend.responses.models import Response as NeedResponse
from backend.responses.models import ResponseRead


class _LoggedReadsMixin(generics.ListAPIView[NeedResponse]):
    """Every confidential response on the page returned counts as read: logged in one INSERT."""

    read_via: ResponseRead.Via

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        services.response_reads_record(user=request.user, responses=rows, via=self.read_via)
        data = self.get_serializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)


class ResponseFilter(django_filters.FilterSet):
    need = django_filters.ModelChoiceFilter(queryset=visible_to(need_list))

    class Meta:
        model = NeedResponse
        fields = ["need", "organization", "confidential"]


class ResponseListApi(_LoggedReadsMixin):
    permission_classes = [permissions.IsAuthenticated]
    read_via = ResponseRead.Via.LIST
    serializer_class = s.ResponseOutput
    filterset_class = ResponseFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[NeedResponse]:
        return selectors.response_list(user=self.request.user)

    @extend_schema(
        request=s.ResponseInput,
        responses={201: s.ResponseOutput},
        summary="Answer a need (confidential by default)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.ResponseInput, request)
        need = need_get(user=auth_user(request), need_id=data.pop("need").pk)
        response = services.response_create(user=auth_user(request), need=need, **data)
        return Response(
            s.ResponseOutput(response, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class ResponseDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.ResponseOutput)
    def get(self, request: Request, pk: int) -> Response:
        response = selectors.response_get(user=request.user, response_id=pk)
        services.response_reads_record(
            user=request.user, responses=[response], via=ResponseRead.Via.DETAIL
        )
        return Response(s.ResponseOutput(response, context={"request": request}).data)

    @extend_schema(request=s.ResponseUpdateInput, responses=s.ResponseOutput)
    def patch(self, request: Request, pk: int) -> Response:
        response = selectors.response_get(user=request.user, response_id=pk)
        data = validated(s.ResponseUpdateInput, request, partial=True)
        response = services.response_update(user=auth_user(request), response=response, data=data)
        return Response(s.ResponseOutput(response, context={"request": request}).data)


class NeedResponsesApi(_LoggedReadsMixin):
    """Responses to one need: the need's buyers and advisors see all; a supplier its own."""

    queryset = NeedResponse.objects.none()
    read_via = ResponseRead.Via.NEED

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ResponseOutput
    ordering_fields = ["created_at"]
    filterset_fields = ["confidential"]

    def get_queryset(self) -> QuerySet[NeedResponse]:
        need = need_get(user=self.request.user, need_id=self.kwargs["pk"])
        return selectors.response_list_for_need(user=self.request.user, need=need)


class ResponseReadsApi(generics.ListAPIView[ResponseRead]):
    """Who read a confidential response: for the supplier that wrote it and the need's buyers.
    Anyone else gets 404, as for a response that does not exist."""

    queryset = ResponseRead.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ResponseReadOutput

    @extend_schema(summary="Who has read this response (its owners only)")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ResponseRead]:
        return selectors.response_reads(user=self.request.user, response_id=self.kwargs["pk"])


class OrganizationResponseReadsApi(generics.ListAPIView[ResponseRead]):
    """Every read of the responses an organisation wrote, or received for its needs."""

    queryset = ResponseRead.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.OrganizationResponseReadOutput

    @extend_schema(summary="Who has read the responses your organisation wrote or received")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[ResponseRead]:
        organization = get_object_or_404(Organization, pk=self.kwargs["pk"])
        return selectors.organization_response_reads(
            user=self.request.user, organization=organization
        )
