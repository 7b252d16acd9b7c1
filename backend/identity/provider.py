"""The OpenID Connect provider's endpoints: discovered once from its issuer, or set explicitly.

Discovery happens lazily, at the first OIDC login, never at start-up: the app (and password
login) works while the provider is away. A failed discovery is not cached.
"""

import functools
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

ENDPOINT_KEYS = ("authorization_endpoint", "token_endpoint", "jwks_uri")


@dataclass(frozen=True)
class ProviderEndpoints:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


def oidc_enabled() -> bool:
    return bool(settings.OIDC_ISSUER)


def oidc_login_url() -> str | None:
    """Where the browser starts an OIDC login; None when no issuer is configured."""
    return reverse("oidc-login") if oidc_enabled() else None


def provider_endpoints() -> ProviderEndpoints:
    issuer = settings.OIDC_ISSUER
    explicit = {
        "authorization_endpoint": settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        "token_endpoint": settings.OIDC_OP_TOKEN_ENDPOINT,
        "jwks_uri": settings.OIDC_OP_JWKS_ENDPOINT,
    }
    if not issuer:
        raise ImproperlyConfigured("OIDC_ISSUER is not set: OpenID Connect login is off.")
    if all(explicit.values()):
        return ProviderEndpoints(issuer=issuer, **explicit)
    discovered = _discover(issuer, settings.OIDC_TIMEOUT)
    return ProviderEndpoints(
        issuer=issuer, **{key: value or discovered[key] for key, value in explicit.items()}
    )


@functools.cache
def _discover(issuer: str, timeout: float) -> dict[str, str]:
    url = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
    response = requests.get(url, timeout=timeout)
    response.raise_for_status()
    config = response.json()
    # OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer we asked.
    if config.get("issuer") != issuer:
        raise ImproperlyConfigured(
            f"{url} names issuer {config.get('issuer')!r}, not the configured {issuer!r}."
        )
    missing = [key for key in ENDPOINT_KEYS if not config.get(key)]
    if missing:
        raise ImproperlyConfigured(f"{url} lacks {', '.join(missing)}.")
    return {key: str(config[key]) for key in ENDPOINT_KEYS}
