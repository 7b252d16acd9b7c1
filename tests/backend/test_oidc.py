"""OpenID Connect login against a real provider: NAV's mock-oauth2-server on 127.0.0.1:58080.

`scripts/test-services.sh start oidc` runs it (`make test` does). The browser's part is played
by Django's test client (our side) and `requests` (the provider's login form): the provider
signs real RS256 ID tokens, and checks the PKCE verifier our backend sends it.
"""

import base64
import hashlib
import json
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings
from django.test import Client

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.identity.models import ExternalIdentity
from tests.factories import UserFactory

LOGIN = "/api/auth/oidc/login/"


@pytest.fixture(autouse=True)
def provider() -> str:
    issuer: str = settings.OIDC_ISSUER
    if not issuer:
        pytest.fail(
            "OIDC_ISSUER is unset: run `scripts/test-services.sh start oidc` and export "
            "var/test-services/env (`make test` does both)."
        )
    try:
        requests.get(f"{issuer}/.well-known/openid-configuration", timeout=5).raise_for_status()
    except requests.RequestException as exc:
        pytest.fail(f"The OIDC provider at {issuer} does not answer: {exc}")
    return issuer


def _subject() -> str:
    return f"pid-{uuid.uuid4().hex[:12]}"


def _authorize(client: Client, path: str = LOGIN) -> str:
    """Our login endpoint's redirect: the provider's authorization URL."""
    response = client.get(path)
    assert response.status_code == 302
    return str(response["Location"])


def _sign_in_at_provider(authorize_url: str, subject: str, claims: dict[str, Any]) -> str:
    """Submits the provider's login form; returns where it sends the browser back to."""
    response = requests.post(
        authorize_url,
        data={"username": subject, "claims": json.dumps(claims)},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]
    return str(response.headers["Location"])


def _login(client: Client, subject: str, claims: dict[str, Any], path: str = LOGIN) -> Any:
    callback = _sign_in_at_provider(_authorize(client, path), subject, claims)
    return client.get(callback)


def _params(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def _session_user(client: Client) -> dict[str, Any] | None:
    user: dict[str, Any] | None = client.get("/api/auth/session/").json()["user"]
    return user


def _tamper(client: Client, state: str, **changes: str) -> None:
    session = client.session
    session["oidc_states"][state].update(changes)
    session.save()


def test_session_offers_the_oidc_login_when_an_issuer_is_configured(db: None) -> None:
    # when
    body = Client().get("/api/auth/session/").json()
    # then
    assert body["oidc_login_url"] == LOGIN


def test_authorization_request_has_state_nonce_and_an_s256_pkce_challenge(db: None) -> None:
    # given
    client = Client()
    # when
    params = _params(_authorize(client))
    # then
    stored = client.session["oidc_states"][params["state"]]
    digest = hashlib.sha256(stored["code_verifier"].encode()).digest()
    assert params["response_type"] == "code"
    assert params["client_id"] == settings.OIDC_RP_CLIENT_ID
    assert params["nonce"] == stored["nonce"]
    assert params["code_challenge_method"] == "S256"
    assert params["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def test_first_login_creates_a_user_linked_by_issuer_and_subject(db: None, provider: str) -> None:
    # given
    client, subject = Client(), _subject()
    # when
    response = _login(
        client, subject, {"email": "Kari.Nordmann@Example.no", "email_verified": True}
    )
    # then
    user = User.objects.get(
        external_identities__issuer=provider, external_identities__subject=subject
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert _session_user(client)["id"] == user.pk  # type: ignore[index]
    assert user.email == "kari.nordmann@example.no"
    assert user.email_verified_at is not None
    assert not user.has_usable_password()
    assert AuditEvent.objects.filter(
        object_type="identity.externalidentity", action="created", actor=user
    ).exists()


def test_an_unverified_email_claim_leaves_the_address_unverified(db: None) -> None:
    # given
    client = Client()
    # when
    _login(client, _subject(), {"email": "ola@example.no", "email_verified": False})
    # then
    assert User.objects.get(email="ola@example.no").email_verified_at is None


def test_the_same_subject_is_the_same_user_after_the_email_claim_changes(db: None) -> None:
    # given
    subject = _subject()
    _login(Client(), subject, {"email": "first@example.no"})
    client = Client()
    # when
    _login(client, subject, {"email": "changed@example.no"})
    # then
    assert _session_user(client)["email"] == "first@example.no"  # type: ignore[index]
    assert not User.objects.filter(email="changed@example.no").exists()
    assert ExternalIdentity.objects.get(subject=subject).last_login_at is not None


def test_an_existing_password_account_is_not_taken_over_by_its_email(db: None) -> None:
    # given
    owner = UserFactory(email="innkjoper@bergen.kommune.no")
    client = Client()
    # when
    response = _login(client, _subject(), {"email": owner.email, "email_verified": True})
    # then
    assert response["Location"] == "/login?oidc=account_exists"
    assert _session_user(client) is None
    assert not ExternalIdentity.objects.filter(user=owner).exists()


def test_a_signed_in_user_connects_the_identity_and_then_signs_in_with_it(
    db: None, provider: str
) -> None:
    # given
    owner = UserFactory(email="grunder@helsetek.no")
    subject, client = _subject(), Client()
    client.force_login(owner)
    _login(client, subject, {"email": "grunder@helsetek.no"}, path=f"{LOGIN}?connect=1")
    other_browser = Client()
    # when
    _login(other_browser, subject, {"email": "a-new-address@example.no"})
    # then
    identity = ExternalIdentity.objects.get(issuer=provider, subject=subject)
    assert identity.user == owner
    assert _session_user(other_browser)["id"] == owner.pk  # type: ignore[index]
    assert AuditEvent.objects.filter(
        object_id=str(identity.pk), action="created", data__via="connect"
    ).exists()


def test_an_identity_linked_to_someone_else_cannot_be_connected(db: None) -> None:
    # given
    subject = _subject()
    _login(Client(), subject, {"email": "first-owner@example.no"})
    client = Client()
    client.force_login(UserFactory())
    # when
    response = _login(client, subject, {}, path=f"{LOGIN}?connect=1")
    # then
    assert response["Location"] == "/login?oidc=identity_in_use"
    assert ExternalIdentity.objects.get(subject=subject).user.email == "first-owner@example.no"


def test_connect_needs_a_signed_in_user(db: None) -> None:
    # when
    response = Client().get(f"{LOGIN}?connect=1")
    # then
    assert response.status_code == 302
    assert response["Location"] == "/login?oidc=connect"


def test_a_forged_state_is_refused(db: None) -> None:
    # given
    client = Client()
    callback = _sign_in_at_provider(_authorize(client), _subject(), {"email": "x@example.no"})
    # when
    response = client.get(callback.replace("state=", "state=forged"))
    # then
    assert response["Location"] == "/login?oidc=failed"
    assert _session_user(client) is None


def test_a_nonce_other_than_the_one_sent_is_refused(db: None) -> None:
    # given
    client = Client()
    authorize = _authorize(client)
    _tamper(client, _params(authorize)["state"], nonce="not-the-nonce-we-sent")
    callback = _sign_in_at_provider(authorize, _subject(), {"email": "y@example.no"})
    # when
    response = client.get(callback)
    # then
    assert response["Location"] == "/login?oidc=failed"
    assert _session_user(client) is None
    assert not User.objects.filter(email="y@example.no").exists()


def test_the_pkce_verifier_is_sent_and_a_wrong_one_fails_at_the_provider(db: None) -> None:
    # given
    client = Client()
    authorize = _authorize(client)
    _tamper(client, _params(authorize)["state"], code_verifier="w" * 64)
    callback = _sign_in_at_provider(authorize, _subject(), {"email": "z@example.no"})
    # when
    response = client.get(callback)
    # then
    assert response["Location"] == "/login?oidc=failed"
    assert _session_user(client) is None


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "another-client"},
        {"iss": "http://127.0.0.1:58080/another-issuer"},
        {"exp": 1_000_000_000},
    ],
    ids=["audience", "issuer", "expired"],
)
def test_a_signed_id_token_with_wrong_claims_is_refused(db: None, claims: dict[str, Any]) -> None:
    # given
    client = Client()
    # when
    response = _login(client, _subject(), {"email": "w@example.no", **claims})
    # then
    assert response["Location"] == "/login?oidc=failed"
    assert _session_user(client) is None
    assert not User.objects.filter(email="w@example.no").exists()


def test_password_login_still_works_with_oidc_configured(db: None) -> None:
    # given
    user = UserFactory(email="radgiver@lup.no")
    client = Client()
    # when
    response = client.post(
        "/api/auth/session/",
        {"email": user.email, "password": "hemmelig-passord-1"},
        content_type="application/json",
    )
    # then
    assert response.status_code == 200
    assert response.json()["user"]["id"] == user.pk


def test_without_an_issuer_only_password_login_is_offered(db: None, settings: Any) -> None:
    # given
    settings.OIDC_ISSUER = ""
    client = Client()
    # when
    body = client.get("/api/auth/session/").json()
    # then
    assert body["oidc_login_url"] is None
    assert client.get(LOGIN).status_code == 404


def test_a_user_lists_and_disconnects_their_identity(db: None, provider: str) -> None:
    # given
    owner = UserFactory()
    client = Client()
    client.force_login(owner)
    _login(client, _subject(), {}, path=f"{LOGIN}?connect=1")
    listed = client.get("/api/auth/identities/").json()
    # when
    response = client.delete(f"/api/auth/identities/{listed[0]['id']}/")
    # then
    assert [item["issuer"] for item in listed] == [provider]
    assert response.status_code == 204
    assert not ExternalIdentity.objects.filter(user=owner).exists()
    assert AuditEvent.objects.filter(
        object_id=str(listed[0]["id"]), action="deleted", actor=owner
    ).exists()


def test_the_only_way_to_sign_in_cannot_be_disconnected(db: None) -> None:
    # given
    client = Client()
    _login(client, _subject(), {"email": "only-idporten@example.no"})
    identity = ExternalIdentity.objects.get(user__email="only-idporten@example.no")
    # when
    response = client.delete(f"/api/auth/identities/{identity.pk}/", HTTP_ACCEPT_LANGUAGE="nb")
    # then
    assert response.status_code == 400
    assert "eneste måten du kan logge inn på" in response.json()["non_field_errors"][0]
    assert ExternalIdentity.objects.filter(pk=identity.pk).exists()


def test_someone_elses_identity_is_not_found(db: None) -> None:
    # given
    _login(Client(), _subject(), {"email": "someone@example.no"})
    identity = ExternalIdentity.objects.get(user__email="someone@example.no")
    client = Client()
    client.force_login(UserFactory())
    # when
    response = client.delete(f"/api/auth/identities/{identity.pk}/")
    # then
    assert response.status_code == 404
    assert ExternalIdentity.objects.filter(pk=identity.pk).exists()
