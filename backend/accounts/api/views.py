from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import selectors, services
from backend.accounts.api import membership_serializers as ms
from backend.accounts.api import serializers as s
from backend.accounts.models import JoinRequest, Membership, Organization, User
from backend.common.api import auth_user, validated


class MeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.UserOutput, summary="The signed-in user")
    def get(self, request: Request) -> Response:
        user = User.objects.prefetch_related("memberships__organization").get(
            pk=request.user.pk or 0
        )
        return Response(s.UserOutput(user).data)

    @extend_schema(
        request=s.UserLanguageInput,
        responses=s.UserOutput,
        summary="Choose the language notifications and e-mails are written in",
    )
    def patch(self, request: Request) -> Response:
        data = validated(s.UserLanguageInput, request)
        services.user_language_set(user=auth_user(request), language=data["preferred_language"])
        return self.get(request)


class OrganizationListApi(generics.ListAPIView[Organization]):
    serializer_class = s.OrganizationOutput
    filterset_fields = ["kind", "verified", "county"]
    search_fields = ["name", "org_number", "municipality"]
    ordering_fields = ["name", "created_at"]

    def get_queryset(self) -> Any:
        return selectors.organization_list(user=self.request.user)

    @extend_schema(
        request=s.OrganizationInput,
        responses={201: s.OrganizationOutput, 202: ms.JoinRequestOutput},
        summary="Register an organisation (you become its administrator), or ask to join the "
        "one already registered with that number (202)",
    )
    def post(self, request: Request) -> Response:
        result = services.organization_register(
            user=auth_user(request),
            **validated(s.OrganizationInput, request),
        )
        if isinstance(result, JoinRequest):
            return Response(ms.JoinRequestOutput(result).data, status=status.HTTP_202_ACCEPTED)
        return Response(s.OrganizationOutput(result).data, status=status.HTTP_201_CREATED)


class OrganizationDetailApi(APIView):
    @extend_schema(responses=s.OrganizationOutput)
    def get(self, request: Request, pk: int) -> Response:
        org = get_object_or_404(selectors.organization_list(user=request.user), pk=pk)
        return Response(s.OrganizationOutput(org).data)

    @extend_schema(
        request=s.OrganizationProfileInput,
        responses=s.OrganizationOutput,
        summary="Update the organisation's public profile and contact (its administrators)",
    )
    def patch(self, request: Request, pk: int) -> Response:
        org = get_object_or_404(selectors.organization_list(user=request.user), pk=pk)
        data = validated(s.OrganizationProfileInput, request, partial=True)
        org = services.organization_profile_update(
            user=auth_user(request), organization=org, data=data
        )
        return Response(s.OrganizationOutput(org).data)


class OrganizationVerifyApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None, responses=s.OrganizationOutput, summary="Verify an organisation (advisors)"
    )
    def post(self, request: Request, pk: int) -> Response:
        org = get_object_or_404(Organization, pk=pk)
        org = services.organization_verify(user=auth_user(request), organization=org)
        return Response(s.OrganizationOutput(org).data)


class OrganizationMembersApi(generics.ListAPIView[Any]):
    queryset = Membership.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.MemberOutput
    ordering_fields = ["created_at"]

    def get_queryset(self) -> Any:
        org = get_object_or_404(Organization, pk=self.kwargs["pk"])
        if org.pk not in selectors.user_org_ids(
            self.request.user
        ) and not selectors.user_is_advisor(self.request.user):
            raise exceptions.NotFound()
        return selectors.organization_members(organization=org)
