"""The browser's side of an OpenID Connect login: off to the provider, and back; and the
signed-in user's connected identities.

The flow's two views are plain Django views (redirects, not JSON). Refusals and failures come
back to the SPA's login page as `/login?oidc=<code>`, which explains them in the user's language.
"""

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views import View
from drf_spectacular.utils import extend_schema
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView
from rest_framework import permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user
from backend.identity import selectors, services
from backend.identity.api.serializers import IdentityOutput
from backend.identity.auth import CONNECT_SESSION_KEY
from backend.identity.provider import oidc_enabled, provider_endpoints
from backend.identity.services import IdentityRefused

logger = logging.getLogger(__name__)

LOGIN_PAGE = "/login"
FAILED = "failed"
UNAVAILABLE = "unavailable"


def login_page(code: str, **extra: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{LOGIN_PAGE}?{urlencode({'oidc': code, **extra})}")


class OidcLoginView(OIDCAuthenticationRequestView):
    """GET /api/auth/oidc/login/[?next=/path][&connect=1]: redirect to the provider.

    With connect=1 a signed-in user links the identity to their own account."""

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the parent reads the endpoint at construction
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_OP_AUTH_ENDPOINT(self) -> str:
        return provider_endpoints().authorization_endpoint

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_enabled():
            raise Http404
        if request.GET.get("connect") == "1":
            if not request.user.is_authenticated:
                return HttpResponseRedirect(f"{LOGIN_PAGE}?{urlencode({'oidc': 'connect'})}")
            request.session[CONNECT_SESSION_KEY] = request.user.pk
        else:
            request.session.pop(CONNECT_SESSION_KEY, None)
        try:
            response: HttpResponse = super().get(request)
        except (requests.RequestException, ImproperlyConfigured, ValueError) as exc:
            logger.warning("OIDC provider unavailable: %s", exc)
            return login_page(UNAVAILABLE)
        return response


class OidcCallbackView(OIDCAuthenticationCallbackView):
    """GET /api/auth/oidc/callback/?code=...&state=...: the provider sends the browser back."""

    @property
    def failure_url(self) -> str:
        return f"{LOGIN_PAGE}?{urlencode({'oidc': FAILED})}"

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_enabled():
            raise Http404
        try:
            response: HttpResponse = super().get(request)
        except IdentityRefused as exc:
            logger.info("OIDC login refused: %s", exc.code)
            return login_page(exc.code)
        except SuspiciousOperation as exc:  # unknown state, wrong nonce, bad ID token
            logger.warning("OIDC callback refused: %s", exc)
            return login_page(FAILED)
        except (requests.RequestException, ImproperlyConfigured, ValueError) as exc:
            logger.warning("OIDC token exchange failed: %s", exc)
            return login_page(FAILED)
        return response


class IdentityListApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses=IdentityOutput(many=True),
        summary="Your connected identities (ID-porten); connect one at oidc_login_url?connect=1",
    )
    def get(self, request: Request) -> Response:
        identities = selectors.user_identities(user=auth_user(request))
        return Response(IdentityOutput(identities, many=True).data)


class IdentityDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None}, summary="Disconnect one of your identities")
    def delete(self, request: Request, pk: int) -> Response:
        user = auth_user(request)
        identity = get_object_or_404(selectors.user_identities(user=user), pk=pk)
        services.identity_remove(user=user, identity=identity)
        return Response(status=status.HTTP_204_NO_CONTENT)
