"""Sign-in, registration, e-mail verification, password reset and change, API tokens.

Anonymous writes here are CSRF-checked (DRF only checks signed-in sessions) and throttled;
their answers never reveal whether an address has an account.
"""

from typing import Any

from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import exceptions, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import auth_services
from backend.accounts.api import auth_serializers as a
from backend.accounts.api import serializers as s
from backend.accounts.models import User
from backend.common.api import auth_user, validated
from backend.common.throttling import (
    AccountThrottle,
    AddressThrottle,
    AuthClientThrottle,
    LockedOut,
)
from backend.identity.provider import oidc_login_url


def _session_payload(request: Request, user: Any = None) -> dict[str, Any]:
    user = user or (request.user if request.user.is_authenticated else None)
    if user is not None:
        user = User.objects.prefetch_related("memberships__organization").get(pk=user.pk)
    return {
        "user": s.UserOutput(user).data if user else None,
        "csrf_token": get_token(request),
        "oidc_login_url": oidc_login_url(),
    }


def _accepted(message: str) -> Response:
    return Response({"detail": message}, status=status.HTTP_202_ACCEPTED)


def _check_email_sent() -> str:
    return _(
        "Check your e-mail. If the address can be used, we have sent a message with what to "
        "do next."
    )


class CsrfProtectedApi(APIView):
    """Checks the CSRF token on every unsafe request, signed in or not."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [AuthClientThrottle]
    throttle_scope = "auth"

    def get_throttles(self) -> list[Any]:
        if self.request.method in permissions.SAFE_METHODS:
            return []
        return super().get_throttles()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        check = CsrfViewMiddleware(lambda _request: None)  # type: ignore[arg-type]
        check.process_request(request._request)
        if check.process_view(request._request, None, (), {}) is not None:  # type: ignore[arg-type]
            raise exceptions.PermissionDenied(
                _("The form has expired (CSRF check failed). Reload the page and try again.")
            )
        super().initial(request, *args, **kwargs)


class SessionApi(CsrfProtectedApi):
    @extend_schema(responses=s.SessionOutput, summary="Current session and CSRF token")
    def get(self, request: Request) -> Response:
        return Response(_session_payload(request))

    @extend_schema(
        request=s.LoginInput,
        responses={200: s.SessionOutput, 429: a.AcceptedOutput},
        summary="Sign in (the 11th wrong password in a row locks the account for a while)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.LoginInput, request)
        user = authenticate(
            request._request, username=data["email"].strip().lower(), password=data["password"]
        )
        if user is None:
            if getattr(request._request, "axes_locked_out", False):
                raise LockedOut()
            raise exceptions.ValidationError(
                {"non_field_errors": [_("Wrong e-mail address or password.")]}
            )
        login(request._request, user)
        return Response(_session_payload(request, user))

    @extend_schema(request=None, responses={204: None}, summary="Sign out")
    def delete(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegisterApi(CsrfProtectedApi):
    throttle_classes = [AuthClientThrottle, AddressThrottle]

    @extend_schema(
        request=s.RegisterInput,
        responses={202: a.AcceptedOutput},
        summary="Create a user account; the address is confirmed by a link sent to it",
        description="The answer is the same whether or not the address already has an "
        "account (its owner is told by e-mail). Sign in after opening the link.",
    )
    def post(self, request: Request) -> Response:
        auth_services.registration_request(
            **validated(s.RegisterInput, request), language=get_language() or "nb"
        )
        return _accepted(_check_email_sent())


class VerifyEmailApi(CsrfProtectedApi):
    @extend_schema(
        request=a.VerifyEmailInput,
        responses={200: a.AcceptedOutput},
        summary="Confirm an e-mail address with the token from the link",
    )
    def post(self, request: Request) -> Response:
        auth_services.email_verify(**validated(a.VerifyEmailInput, request))
        return Response({"detail": _("Your e-mail address is confirmed.")})


class VerifyEmailResendApi(CsrfProtectedApi):
    throttle_classes = [AuthClientThrottle, AddressThrottle]

    @extend_schema(
        request=a.ResendVerificationInput,
        responses={202: a.AcceptedOutput},
        summary="Send the e-mail verification link again",
    )
    def post(self, request: Request) -> Response:
        data = validated(a.ResendVerificationInput, request)
        if request.user.is_authenticated:
            auth_services.email_verification_send(user=auth_user(request))
        elif data.get("email"):
            auth_services.email_verification_resend(email=data["email"])
        return _accepted(_check_email_sent())


class PasswordResetApi(CsrfProtectedApi):
    throttle_classes = [AuthClientThrottle, AddressThrottle]

    @extend_schema(
        request=a.PasswordResetInput,
        responses={202: a.AcceptedOutput},
        summary="Send a password reset link (the same answer for any address)",
    )
    def post(self, request: Request) -> Response:
        auth_services.password_reset_request(**validated(a.PasswordResetInput, request))
        return _accepted(_check_email_sent())


class PasswordResetConfirmApi(CsrfProtectedApi):
    @extend_schema(
        request=a.PasswordResetConfirmInput,
        responses={200: a.AcceptedOutput},
        summary="Set a new password with the link from the reset e-mail",
        description="Signs out every session and revokes every API token of the account.",
    )
    def post(self, request: Request) -> Response:
        auth_services.password_reset_confirm(**validated(a.PasswordResetConfirmInput, request))
        return Response({"detail": _("Your password is changed. Sign in with the new one.")})


class PasswordChangeApi(CsrfProtectedApi):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AuthClientThrottle, AccountThrottle]

    @extend_schema(
        request=a.PasswordChangeInput,
        responses={204: None},
        summary="Change your password (revokes your API tokens and other sessions)",
    )
    def post(self, request: Request) -> Response:
        user = auth_services.password_change(
            user=auth_user(request), **validated(a.PasswordChangeInput, request)
        )
        update_session_auth_hash(request._request, user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class _TokenApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AccountThrottle]


class ApiTokenListApi(_TokenApi):
    @extend_schema(responses=a.ApiTokenOutput(many=True), summary="Your API tokens")
    def get(self, request: Request) -> Response:
        tokens = auth_services.api_token_list(user=auth_user(request))
        return Response(a.ApiTokenOutput(tokens, many=True).data)

    @extend_schema(
        request=None,
        responses={201: a.ApiTokenCreatedOutput},
        summary="Create an API token for integrations (send it as 'Authorization: Token …')",
        description="Signed in with a password session only: a token cannot mint tokens.",
    )
    def post(self, request: Request) -> Response:
        if isinstance(request.auth, AuthToken):
            raise exceptions.PermissionDenied(_("Sign in with your password to create tokens."))
        instance, token = auth_services.api_token_create(user=auth_user(request))
        body = {**a.ApiTokenOutput(instance).data, "token": token}
        return Response(body, status=status.HTTP_201_CREATED)


class ApiTokenDetailApi(_TokenApi):
    @extend_schema(request=None, responses={204: None}, summary="Revoke one of your API tokens")
    def delete(self, request: Request, key: str) -> Response:
        if not auth_services.api_token_revoke(user=auth_user(request), token_key=key):
            raise exceptions.NotFound()
        return Response(status=status.HTTP_204_NO_CONTENT)
