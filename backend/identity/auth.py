"""The authentication backend for OpenID Connect logins (authorization code flow + PKCE).

mozilla-django-oidc runs the flow: state, nonce and the PKCE verifier in the session, the code
exchanged at the token endpoint, the ID token's RS256 signature checked against the provider's
JWKS. This subclass adds what it leaves out (issuer, audience, expiry) and finds users by the
stable pair (issuer, subject) instead of by e-mail.
"""

from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from backend.accounts.models import User
from backend.common.text import control_characters
from backend.identity import selectors, services
from backend.identity.models import ExternalIdentity
from backend.identity.provider import oidc_enabled, provider_endpoints

CONNECT_SESSION_KEY = "oidc_connect_user_id"
# Clock skew tolerated between us and the provider, in seconds.
LEEWAY = 30


class IdentityBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Not the parent's: Django builds every backend at every password login, and that must
        # neither need the provider nor wait for discovery.
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.OIDC_OP_USER_ENDPOINT = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:
        return provider_endpoints().token_endpoint

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:
        return provider_endpoints().jwks_uri

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback view passes a nonce; a password login passes username/password.
        if request is None or "nonce" not in kwargs or not oidc_enabled():
            return None
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def get_payload_data(self, token: bytes | str, key: Any) -> dict[str, Any]:
        """The ID token's claims, once its signature, issuer, audience and expiry check out.
        Unsigned tokens (alg none) are never accepted, whatever the settings say."""
        alg = jwt.get_unverified_header(token).get("alg")
        if alg != self.OIDC_RP_SIGN_ALGO:
            expected = self.OIDC_RP_SIGN_ALGO
            raise SuspiciousOperation(f"ID token signed with {alg!r}, not {expected}.")
        try:
            payload: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_ISSUER,
                leeway=LEEWAY,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"ID token rejected: {exc}") from exc
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        if len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without us as azp.")
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        # The verified ID token carries who the person is (as in ID-porten); no userinfo call.
        return payload

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        """Ours, with a subject that fits its column and has no control characters (a NUL
        would crash PostgreSQL in the lookup)."""
        subject = str(claims.get("sub") or "")
        fits = 0 < len(subject) <= (ExternalIdentity._meta.get_field("subject").max_length or 0)
        clean = not control_characters(subject, multiline=False)
        return fits and clean and claims.get("iss") == settings.OIDC_ISSUER

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        connecting = self._connecting_user()
        if connecting is None:
            user: User | None = super().get_or_create_user(access_token, id_token, payload)
            return user
        if not self.verify_claims(payload):
            raise SuspiciousOperation("Claims verification failed.")
        services.identity_connect(
            user=connecting, issuer=payload["iss"], subject=str(payload["sub"])
        )
        return connecting

    def _connecting_user(self) -> User | None:
        """The signed-in user who started this flow with ?connect=1, if any."""
        user_id = self.request.session.pop(CONNECT_SESSION_KEY, None)
        user: User = self.request.user
        if user_id is None or not user.is_authenticated or user.pk != user_id:
            return None
        return user

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return selectors.users_by_identity(issuer=claims["iss"], subject=str(claims["sub"]))

    def create_user(self, claims: dict[str, Any]) -> User:
        return services.identity_user_create(
            issuer=claims["iss"], subject=str(claims["sub"]), claims=claims
        )

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return services.identity_login(
            user=user, issuer=claims["iss"], subject=str(claims["sub"]), claims=claims
        )
