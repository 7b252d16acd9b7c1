"""Personal API tokens: hashed, expiring, listed and revoked by their owner, and gone when
the password changes."""

from datetime import timedelta

from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.factories import UserFactory

PASSWORD = "hemmelig-passord-1"


def _signed_in(user: object) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _with_token(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_a_new_token_is_shown_once_and_stored_only_as_a_hash(db: None) -> None:
    # given
    user = UserFactory()
    # when
    created = _signed_in(user).post("/api/auth/tokens/")
    listed = _signed_in(user).get("/api/auth/tokens/")
    me = _with_token(created.json()["token"]).get("/api/auth/me/")
    # then
    token = created.json()["token"]
    stored = AuthToken.objects.get(user=user)
    assert created.status_code == 201
    assert token.startswith("itg_") and token not in (stored.digest, stored.token_key)
    assert stored.expiry > timezone.now() + timedelta(days=89)
    assert listed.json() == [
        {
            "id": created.json()["id"],
            "created": created.json()["created"],
            "expiry": created.json()["expiry"],
        }
    ]
    assert me.json()["email"] == user.email


def test_the_owner_revokes_a_token_and_it_is_refused(db: None) -> None:
    # given
    user = UserFactory()
    kept, revoked = (_signed_in(user).post("/api/auth/tokens/").json() for _ in range(2))
    # when
    deleted = _signed_in(user).delete(f"/api/auth/tokens/{revoked['id']}/")
    # then
    assert deleted.status_code == 204
    assert [t["id"] for t in _signed_in(user).get("/api/auth/tokens/").json()] == [kept["id"]]
    assert _with_token(revoked["token"]).get("/api/auth/me/").status_code == 403
    assert _with_token(kept["token"]).get("/api/auth/me/").status_code == 200


def test_nobody_revokes_or_lists_another_users_token(db: None) -> None:
    # given
    owner, other = UserFactory(), UserFactory()
    token = _signed_in(owner).post("/api/auth/tokens/").json()
    # when
    deleted = _signed_in(other).delete(f"/api/auth/tokens/{token['id']}/")
    listed = _signed_in(other).get("/api/auth/tokens/")
    # then
    assert deleted.status_code == 404
    assert listed.json() == []
    assert _with_token(token["token"]).get("/api/auth/me/").status_code == 200


def test_an_expired_token_is_refused(db: None) -> None:
    # given
    user = UserFactory()
    token = _signed_in(user).post("/api/auth/tokens/").json()
    AuthToken.objects.filter(user=user).update(expiry=timezone.now() - timedelta(minutes=1))
    # when
    response = _with_token(token["token"]).get("/api/auth/me/")
    # then
    assert response.status_code == 403
    assert response.json() == {"detail": "Ugyldig token."}
    assert _signed_in(user).get("/api/auth/tokens/").json() == []


def test_a_token_cannot_create_tokens(db: None) -> None:
    # given
    token = _signed_in(UserFactory()).post("/api/auth/tokens/").json()
    # when
    response = _with_token(token["token"]).post("/api/auth/tokens/")
    # then
    assert response.status_code == 403


def test_tokens_die_when_the_password_is_changed(db: None) -> None:
    # given
    user = UserFactory()
    token = _signed_in(user).post("/api/auth/tokens/").json()
    client = APIClient()
    client.post("/api/auth/session/", {"email": user.email, "password": PASSWORD})
    # when
    changed = client.post(
        "/api/auth/password/",
        {"old_password": PASSWORD, "new_password": "et-helt-nytt-passord-9"},
    )
    # then: this session lives on, the token does not
    assert changed.status_code == 204
    assert client.get("/api/auth/me/").status_code == 200
    assert _with_token(token["token"]).get("/api/auth/me/").status_code == 403


def test_a_wrong_current_password_changes_nothing(db: None) -> None:
    # given
    user = UserFactory()
    token = _signed_in(user).post("/api/auth/tokens/").json()
    # when
    response = _signed_in(user).post(
        "/api/auth/password/",
        {"old_password": "feil-passord", "new_password": "et-helt-nytt-passord-9"},
    )
    # then
    assert response.status_code == 400
    assert response.json() == {"old_password": ["Det nåværende passordet er feil."]}
    assert _with_token(token["token"]).get("/api/auth/me/").status_code == 200
