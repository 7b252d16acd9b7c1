"""Password accounts as a user (or an attacker) meets them: registration and e-mail
verification, no account enumeration, lockout after wrong passwords, password reset, CSRF."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from rest_framework.test import APIClient

from backend.accounts.models import User
from tests.factories import UserFactory

PASSWORD = "hemmelig-passord-1"
NEW_PASSWORD = "et-helt-nytt-passord-9"


def _link_in(message: mail.EmailMessage) -> dict[str, str]:
    """The query parameters of the first link in an e-mail, and its path."""
    url = re.search(r"https?://\S+", message.body)
    assert url is not None, message.body
    parts = urlsplit(url.group(0))
    return {"path": parts.path, **{k: v[0] for k, v in parse_qs(parts.query).items()}}


def _register(client: APIClient, email: str, **headers: str) -> object:
    body = {"email": email, "password": PASSWORD, "full_name": "Nina Ny"}
    return client.post("/api/auth/register/", body, format="json", **headers)


def test_registration_mails_a_link_that_verifies_the_address(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    client = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        registered = _register(client, "Nina@Testkommune.no")
    link = _link_in(mail.outbox[0])
    # when
    verified = client.post("/api/auth/verify-email/", {"token": link["token"]}, format="json")
    again = client.post("/api/auth/verify-email/", {"token": link["token"]}, format="json")
    # then
    user = User.objects.get(email="nina@testkommune.no")
    assert registered.status_code == 202  # type: ignore[attr-defined]
    assert mail.outbox[0].to == ["nina@testkommune.no"]
    assert link["path"] == "/verify-email"
    assert mail.outbox[0].body.startswith("Velkommen til Innovasjonstorget.")
    assert (verified.status_code, again.status_code) == (200, 200)
    assert user.email_verified


def test_registration_does_not_sign_in_and_the_new_user_may_not_act_yet(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    client = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, "ny@testkommune.no")
    # when
    session = client.get("/api/auth/session/").json()
    client.post("/api/auth/session/", {"email": "ny@testkommune.no", "password": PASSWORD})
    org = client.post(
        "/api/organizations/",
        {"name": "Testkommune", "org_number": "974760673", "kind": "public_buyer"},
        format="json",
    )
    # then
    assert session["user"] is None
    assert org.status_code == 403


def test_registration_in_english_mails_in_english(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        _register(APIClient(), "anna@example.com", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert mail.outbox[0].subject == "Confirm your e-mail address"
    assert User.objects.get(email="anna@example.com").preferred_language == "en"


def test_expired_verification_link_is_refused(
    db: None,
    settings,  # type: ignore[no-untyped-def]
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given: a link opened after its lifetime
    client = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, "sen@testkommune.no")
    settings.EMAIL_VERIFICATION_MAX_AGE = timedelta(seconds=-1)
    # when
    response = client.post(
        "/api/auth/verify-email/", {"token": _link_in(mail.outbox[0])["token"]}, format="json"
    )
    # then
    assert response.status_code == 400
    assert response.json() == {"token": ["Lenken er utløpt. Be om en ny."]}
    assert not User.objects.get(email="sen@testkommune.no").email_verified


def test_tampered_verification_link_is_refused(db: None) -> None:
    # given: a token signed for another user's id, and one signed with the wrong key
    user = UserFactory(email_verified_at=None)
    forged = TimestampSigner(key="not-our-secret", salt="accounts.email-verification")
    tokens = [
        forged.sign_object({"u": user.pk, "e": user.email}, compress=True),
        "eyJ1IjoxfQ:1tAmPeR:d3JvbmctbWFj",
    ]
    # when
    responses = [
        APIClient().post("/api/auth/verify-email/", {"token": t}, format="json") for t in tokens
    ]
    # then
    assert [r.status_code for r in responses] == [400, 400]
    assert responses[0].json() == {
        "token": ["Lenken er ikke gyldig. Kopier hele lenken fra e-posten."]
    }
    user.refresh_from_db()
    assert not user.email_verified


def test_verification_link_for_a_changed_address_is_refused(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    with django_capture_on_commit_callbacks(execute=True):
        _register(APIClient(), "gammel@testkommune.no")
    User.objects.filter(email="gammel@testkommune.no").update(email="ny@testkommune.no")
    # when
    response = APIClient().post(
        "/api/auth/verify-email/", {"token": _link_in(mail.outbox[0])["token"]}, format="json"
    )
    # then
    assert response.status_code == 400


def test_resending_the_link_answers_the_same_for_any_address(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    UserFactory(email="uverifisert@testkommune.no", email_verified_at=None)
    client = APIClient()
    # when
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            "/api/auth/verify-email/resend/", {"email": "uverifisert@testkommune.no"}
        )
        unknown = client.post("/api/auth/verify-email/resend/", {"email": "ingen@example.no"})
    # then
    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
    assert [m.to for m in mail.outbox] == [["uverifisert@testkommune.no"]]


# No account enumeration ------------------------------------------------------------------


def test_registering_a_known_address_answers_like_a_new_one_and_tells_the_owner(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    owner = UserFactory(email="finnes@testkommune.no")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        known = _register(APIClient(), "Finnes@testkommune.no")
        new = _register(APIClient(), "finnesikke@testkommune.no")
    # then
    assert (known.status_code, known.json()) == (new.status_code, new.json())  # type: ignore[attr-defined]
    assert known.json() == {  # type: ignore[attr-defined]
        "detail": "Sjekk e-posten din. Hvis adressen kan brukes, har vi sendt en melding om "
        "hva du gjør videre."
    }
    attempt = mail.outbox[0]
    assert attempt.to == [owner.email]
    assert attempt.subject == "Noen prøvde å registrere seg med e-postadressen din"
    assert _link_in(attempt)["path"] == "/forgot-password"
    assert User.objects.filter(email__iexact="finnes@testkommune.no").count() == 1


def test_a_weak_password_is_refused_the_same_for_a_known_address(db: None) -> None:
    # given
    UserFactory(email="finnes@testkommune.no")
    body = {"password": "12345678", "full_name": "Nina Ny"}
    # when
    known = APIClient().post("/api/auth/register/", {**body, "email": "finnes@testkommune.no"})
    new = APIClient().post("/api/auth/register/", {**body, "email": "ny@testkommune.no"})
    # then
    assert known.status_code == new.status_code == 400
    assert known.json() == new.json()


def test_login_answers_the_same_for_a_known_and_an_unknown_address(db: None) -> None:
    # given
    UserFactory(email="finnes@testkommune.no")
    # when
    known = APIClient().post(
        "/api/auth/session/", {"email": "finnes@testkommune.no", "password": "feil-passord"}
    )
    unknown = APIClient().post(
        "/api/auth/session/", {"email": "ingen@testkommune.no", "password": "feil-passord"}
    )
    # then
    assert known.status_code == unknown.status_code == 400
    assert (
        known.json()
        == unknown.json()
        == {"non_field_errors": ["Feil e-postadresse eller passord."]}
    )


def test_password_reset_answers_the_same_and_mails_only_the_owner(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    UserFactory(email="finnes@testkommune.no", preferred_language="en")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        known = APIClient().post("/api/auth/password-reset/", {"email": "finnes@testkommune.no"})
        unknown = APIClient().post("/api/auth/password-reset/", {"email": "ingen@testkommune.no"})
    # then
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert [m.to for m in mail.outbox] == [["finnes@testkommune.no"]]
    assert mail.outbox[0].subject == "Reset your password"


def test_the_same_address_is_throttled_whether_or_not_it_has_an_account(db: None) -> None:
    # given: five reset requests an hour per address
    UserFactory(email="finnes@testkommune.no")
    for email in ("finnes@testkommune.no", "ingen@testkommune.no"):
        for _ in range(5):
            APIClient().post("/api/auth/password-reset/", {"email": email})
    # when
    known = APIClient().post("/api/auth/password-reset/", {"email": "finnes@testkommune.no"})
    unknown = APIClient().post("/api/auth/password-reset/", {"email": "ingen@testkommune.no"})
    # then
    assert known.status_code == unknown.status_code == 429
    assert known["Retry-After"] and unknown["Retry-After"]


# Lockout -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "nb",
            "For mange feil passord for denne kontoen. Vent 15 minutter og prøv igjen, "
            "eller tilbakestill passordet.",
        ),
        (
            "en",
            "Too many wrong passwords for this account. Wait 15 minutes and try again, "
            "or reset your password.",
        ),
    ],
)
def test_the_eleventh_wrong_password_in_a_row_is_refused_with_retry_after(
    db: None, language: str, message: str
) -> None:
    # given: ten wrong passwords
    UserFactory(email="offer@testkommune.no")
    wrong = {"email": "offer@testkommune.no", "password": "feil-passord"}
    first_ten = [
        APIClient().post("/api/auth/session/", wrong, HTTP_ACCEPT_LANGUAGE=language).status_code
        for _ in range(10)
    ]
    # when
    eleventh = APIClient().post("/api/auth/session/", wrong, HTTP_ACCEPT_LANGUAGE=language)
    right = APIClient().post(
        "/api/auth/session/",
        {"email": "offer@testkommune.no", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    # then: locked, even for the right password, until the cool-off has passed
    assert first_ten == [400] * 10
    assert eleventh.status_code == 429
    assert eleventh["Retry-After"] == "900"
    assert eleventh.json() == {"detail": message}
    assert right.status_code == 429


def test_a_right_password_resets_the_count_of_wrong_ones(db: None) -> None:
    # given: nine wrong passwords, then the right one
    UserFactory(email="glemsk@testkommune.no")
    wrong = {"email": "glemsk@testkommune.no", "password": "feil-passord"}
    for _ in range(9):
        APIClient().post("/api/auth/session/", wrong)
    APIClient().post("/api/auth/session/", {"email": "glemsk@testkommune.no", "password": PASSWORD})
    # when
    statuses = [APIClient().post("/api/auth/session/", wrong).status_code for _ in range(10)]
    # then
    assert statuses == [400] * 10


def test_a_password_reset_lifts_the_lockout(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given: a locked account
    UserFactory(email="offer@testkommune.no")
    for _ in range(11):
        APIClient().post(
            "/api/auth/session/", {"email": "offer@testkommune.no", "password": "feil-passord"}
        )
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/auth/password-reset/", {"email": "offer@testkommune.no"})
    link = _link_in(mail.outbox[0])
    APIClient().post(
        "/api/auth/password-reset/confirm/",
        {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD},
    )
    # when
    response = APIClient().post(
        "/api/auth/session/", {"email": "offer@testkommune.no", "password": NEW_PASSWORD}
    )
    # then
    assert response.status_code == 200


# Password reset --------------------------------------------------------------------------


def test_password_reset_link_sets_a_new_password_once_and_verifies_the_address(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    user = UserFactory(email="glemsk@testkommune.no", email_verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/auth/password-reset/", {"email": "glemsk@testkommune.no"})
    link = _link_in(mail.outbox[0])
    body = {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD}
    # when
    with django_capture_on_commit_callbacks(execute=True):
        first = APIClient().post("/api/auth/password-reset/confirm/", body)
    second = APIClient().post("/api/auth/password-reset/confirm/", body)
    login = APIClient().post(
        "/api/auth/session/", {"email": "glemsk@testkommune.no", "password": NEW_PASSWORD}
    )
    # then
    assert link["path"] == "/reset-password"
    assert first.status_code == 200
    assert second.status_code == 400 and "token" in second.json()
    assert login.status_code == 200
    user.refresh_from_db()
    assert user.email_verified
    assert mail.outbox[-1].subject == "Passordet ditt er endret"


def test_password_reset_applies_the_password_rules(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    UserFactory(email="glemsk@testkommune.no")
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/auth/password-reset/", {"email": "glemsk@testkommune.no"})
    link = _link_in(mail.outbox[0])
    # when
    response = APIClient().post(
        "/api/auth/password-reset/confirm/",
        {"uid": link["uid"], "token": link["token"], "new_password": "passord"},
    )
    # then
    assert response.status_code == 400
    assert "new_password" in response.json()


def test_password_reset_with_a_made_up_link_is_refused(db: None) -> None:
    # given
    UserFactory(email="offer@testkommune.no")
    # when
    response = APIClient().post(
        "/api/auth/password-reset/confirm/",
        {"uid": "MQ", "token": "abc-123", "new_password": NEW_PASSWORD},
    )
    # then
    assert response.status_code == 400
    assert response.json() == {"token": ["Lenken er ikke gyldig eller er utløpt. Be om en ny."]}


def test_tokens_die_when_the_password_is_reset(
    db: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    user = UserFactory(email="glemsk@testkommune.no")
    signed_in = APIClient()
    signed_in.force_authenticate(user)
    token = signed_in.post("/api/auth/tokens/").json()["token"]
    with django_capture_on_commit_callbacks(execute=True):
        APIClient().post("/api/auth/password-reset/", {"email": user.email})
    link = _link_in(mail.outbox[0])
    # when
    APIClient().post(
        "/api/auth/password-reset/confirm/",
        {"uid": link["uid"], "token": link["token"], "new_password": NEW_PASSWORD},
    )
    # then
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/auth/me/").status_code == 403


# CSRF ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/auth/session/", {"email": "offer@testkommune.no", "password": PASSWORD}),
        ("/api/auth/register/", {"email": "ny@testkommune.no", "password": PASSWORD}),
        ("/api/auth/password-reset/", {"email": "offer@testkommune.no"}),
    ],
)
def test_anonymous_auth_posts_without_a_csrf_token_are_refused(
    db: None, url: str, body: dict[str, str]
) -> None:
    # given
    UserFactory(email="offer@testkommune.no")
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/auth/session/")
    # when
    response = client.post(url, {**body, "full_name": "Nina Ny"}, format="json")
    # then
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Skjemaet er utløpt (CSRF-sjekken feilet). Last inn siden på nytt og prøv igjen."
    }
    assert "sessionid" not in client.cookies


def test_login_with_the_csrf_token_from_the_session_works(db: None) -> None:
    # given
    UserFactory(email="offer@testkommune.no")
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/session/").json()["csrf_token"]
    # when
    response = client.post(
        "/api/auth/session/",
        {"email": "offer@testkommune.no", "password": PASSWORD},
        format="json",
        HTTP_X_CSRFTOKEN=token,
    )
    # then
    assert response.status_code == 200
    assert response.json()["user"]["email"] == "offer@testkommune.no"
