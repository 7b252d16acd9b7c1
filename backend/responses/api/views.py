from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.needs.selectors import need_get
from backend.responses import selectors, services
from backend.responses.api import serializers as s
from backend.responses.models import Response as NeedResponse


class ResponseListApi(generics.ListAPIView[NeedResponse]):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ResponseOutput
    filterset_fields = ["need", "organization", "confidential"]
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
        return Response(s.ResponseOutput(response).data, status=status.HTTP_201_CREATED)


class ResponseDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.ResponseOutput)
    def get(self, request: Request, pk: int) -> Response:
        response = selectors.response_get(user=request.user, response_id=pk)
        services.response_record_view(user=auth_user(request), response=response)
        return Response(s.ResponseOutput(response).data)

    @extend_schema(request=s.ResponseUpdateInput, responses=s.ResponseOutput)
    def patch(self, request: Request, pk: int) -> Response:
        response = selectors.response_get(user=request.user, response_id=pk)
        data = validated(s.ResponseUpdateInput, request, partial=True)
        response = services.response_update(user=auth_user(request), response=response, data=data)
        return Response(s.ResponseOutput(response).data)


class NeedResponsesApi(generics.ListAPIView[NeedResponse]):
    """Responses to one need: the need's buyers and advisors see all; a supplier its own."""

    queryset = NeedResponse.objects.none()

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ResponseOutput
    ordering_fields = ["created_at"]
    filterset_fields = ["confidential"]

    def get_queryset(self) -> QuerySet[NeedResponse]:
        need = need_get(user=self.request.user, need_id=self.kwargs["pk"])
        return selectors.response_list_for_need(user=self.request.user, need=need)
