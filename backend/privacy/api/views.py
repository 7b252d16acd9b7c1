"""A person's copy of their data, and deleting their account."""

from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.common.throttling import AccountThrottle
from backend.privacy import selectors, services
from backend.privacy.api import serializers as s


class _AccountApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AccountThrottle]


def _recent_oidc_login(request: Request) -> bool:
    session = getattr(request._request, "session", None)
    backend = session.get(BACKEND_SESSION_KEY) if session is not None else None
    return selectors.recent_oidc_login(user=auth_user(request), session_backend=backend)


class PersonalDataExportApi(_AccountApi):
    @extend_schema(
        responses=s.PersonalDataOutput,
        summary="Download your personal data (JSON)",
        description="Your profile, memberships, requests, invitations, identities, API tokens "
        "(metadata), sign-ins, what you did (audit), the confidential responses you read, "
        "your questions, registrations, bookings, responses, saved searches and "
        "notifications. Other people's data is left out. The download is audit-logged.",
    )
    def get(self, request: Request) -> Response:
        user = auth_user(request)
        now = timezone.now()
        data = s.personal_data_output(selectors.personal_data(user=user), generated_at=now)
        services.personal_data_exported(user=user)
        filename = f"innovasjonstorget-mine-data-{timezone.localdate(now).isoformat()}.json"
        return Response(data, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


class AccountDeletionApi(_AccountApi):
    @extend_schema(
        responses=s.DeletionInfoOutput,
        summary="What deleting your account needs (password or a fresh ID-porten login; "
        "organisations to hand over first)",
    )
    def get(self, request: Request) -> Response:
        user = auth_user(request)
        info = {
            "has_password": user.has_usable_password(),
            "recent_oidc_login": _recent_oidc_login(request),
            "blocking_organizations": selectors.deletion_blockers(user=user),
        }
        return Response(s.DeletionInfoOutput(info).data)

    @extend_schema(
        request=s.AccountDeleteInput,
        responses={204: None},
        summary="Delete your account (erases your personal data, signs out everywhere)",
        description="Confirm with your password, or, without one, within 10 minutes of signing "
        "in with ID-porten. What you published for an organisation stays with it. The last "
        "administrator of an organisation with other members hands the role over first.",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.AccountDeleteInput, request)
        services.account_delete(
            user=auth_user(request),
            password=data["password"],
            recent_oidc_login=_recent_oidc_login(request),
        )
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
