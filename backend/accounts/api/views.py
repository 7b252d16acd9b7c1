from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import selectors, services
from backend.accounts.api import membership_serializers as ms
from backend.accounts.api import serializers as s
from backend.accounts.models import JoinRequest, Membership, Organization, User
from backend.common.api import auth_user, validated


def _session_payload(request: Request, user: Any = None) -> dict[str, Any]:
    user = user or (request.user if request.user.is_authenticated else None)
    if user is not None:
        user = User.objects.prefetch_related("memberships__organization").get(pk=user.pk)
    return {"user": s.UserOutput(user).data if user else None, "csrf_token": get_token(request)}


class SessionApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=s.SessionOutput, summary="Current session and CSRF token")
    def get(self, request: Request) -> Response:
        return Response(_session_payload(request))

    @extend_schema(request=s.LoginInput, responses=s.SessionOutput, summary="Sign in")
    def post(self, request: Request) -> Response:
        data = validated(s.LoginInput, request)
        user = authenticate(request, username=data["email"].lower(), password=data["password"])
        if user is None:
            raise exceptions.ValidationError(
                {"non_field_errors": [_("Wrong e-mail address or password.")]}
            )
        login(request._request, user)
        return Response(_session_payload(request, user))

    @extend_schema(request=None, responses={204: None}, summary="Sign out")
    def delete(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegisterApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        request=s.RegisterInput,
        responses={201: s.SessionOutput},
        summary="Create a user account and sign in",
    )
    def post(self, request: Request) -> Response:
        user = services.user_register(**validated(s.RegisterInput, request))
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(_session_payload(request, user), status=status.HTTP_201_CREATED)


class MeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.UserOutput, summary="The signed-in user")
    def get(self, request: Request) -> Response:
        user = User.objects.prefetch_related("memberships__organization").get(
            pk=request.user.pk or 0
        )
        return Response(s.UserOutput(user).data)


class TokenApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None, responses=s.TokenOutput, summary="Get an API token for integrations"
    )
    def post(self, request: Request) -> Response:
        token, _created = Token.objects.get_or_create(user=auth_user(request))
        return Response({"token": token.key})


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
