"""Security headers: the Content-Security-Policy and friends on every kind of page, and the
production settings' HTTPS posture (HSTS, secure cookies, the proxy's X-Forwarded-Proto
believed only when a proxy is configured).

The production checks run Django in a child process with backend.config.settings.production
and only what a deployment must set, as gunicorn would load it.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]

SPA_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _policy(header: str) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in directives}


def test_the_front_end_is_served_under_a_policy_with_no_inline_code(client: Client) -> None:
    # when
    response = client.get("/needs")
    # then
    assert _policy(response["Content-Security-Policy"]) == SPA_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_api_answers_carry_the_same_headers(client: Client) -> None:
    # when
    response = client.get("/api/auth/session/")
    # then
    assert response.status_code == 200
    assert _policy(response["Content-Security-Policy"]) == SPA_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_api_docs_load_their_script_as_a_file_and_their_style_by_nonce(client: Client) -> None:
    # when
    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")
    # then
    policy = _policy(page["Content-Security-Policy"])
    nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9+/=]+)'", policy["style-src"])
    assert nonce is not None
    assert f'<style nonce="{nonce.group(1)}">'.encode() in page.content
    assert policy["script-src"] == "'self'"
    assert b"<script>" not in page.content
    assert b'<script src="/api/docs/?script="></script>' in page.content
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content


def test_the_admin_login_page_is_served_under_the_policy(client: Client) -> None:
    # when
    response = client.get("/admin/login/")
    # then
    assert response.status_code == 200
    assert _policy(response["Content-Security-Policy"]) == SPA_POLICY


# --- production settings, in a child process

PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client()
def seen(response):
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "hsts": response.get("Strict-Transport-Security"),
        "csp": response.get("Content-Security-Policy"),
        "csrf_cookie_secure": bool(response.cookies["csrftoken"]["secure"])
        if "csrftoken" in response.cookies else None,
    }
print(json.dumps({
    "plain": seen(client.get("/needs")),
    "forwarded": seen(client.get("/needs", HTTP_X_FORWARDED_PROTO="https")),
    "secure": seen(client.get("/needs", secure=True)),
    "debug": settings.DEBUG,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""


def _production_env(**extra: str) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "DATABASE_URL")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    return env | {
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_STATIC_ROOT": str(ROOT / "var" / "static"),
        **extra,
    }


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _probe(**extra: str) -> dict[str, object]:
    result = _run(PROBE, _production_env(**extra))
    assert result.returncode == 0, result.stderr
    probe: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return probe


def test_production_redirects_to_https_and_sends_hsts_and_secure_cookies() -> None:
    # when
    probe = _probe()
    # then
    assert probe["debug"] is False
    assert probe["plain"] == {
        "status": 301,
        "location": "https://testserver/needs",
        "hsts": None,
        "csp": None,
        "csrf_cookie_secure": None,
    }
    secure = probe["secure"]
    assert isinstance(secure, dict)
    assert secure["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert _policy(secure["csp"]) == SPA_POLICY
    assert secure["csrf_cookie_secure"] is True
    assert probe["session_cookie_secure"] is True
    assert probe["session_cookie_httponly"] is True


def test_production_without_a_proxy_ignores_a_forwarded_proto_header() -> None:
    # when: no proxy configured, a client claims HTTPS itself
    probe = _probe()
    # then
    assert probe["proxy_ssl_header"] is None
    forwarded = probe["forwarded"]
    assert isinstance(forwarded, dict)
    assert forwarded["status"] == 301


def test_production_behind_a_configured_proxy_believes_its_forwarded_proto() -> None:
    # when
    probe = _probe(DJANGO_NUM_PROXIES="1")
    # then
    assert probe["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    forwarded = probe["forwarded"]
    assert isinstance(forwarded, dict)
    assert forwarded["location"] is None
    assert forwarded["hsts"] == "max-age=31536000; includeSubDomains; preload"
    plain = probe["plain"]
    assert isinstance(plain, dict)
    assert plain["status"] == 301


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_setting(missing: str) -> None:
    # given
    env = _production_env()
    env.pop(missing, None)
    # when
    result = _run("import django; django.setup()", env)
    # then
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
