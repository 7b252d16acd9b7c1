"""Bad input from an identity provider (the mock OpenID Connect server of test_oidc.py): a
name with control characters is cleaned, an address no account can have is treated as no
address, and nothing crashes or is saved half-way."""

import pytest
from django.test import Client

from backend.accounts.models import User
from tests.backend.state import db_state
from tests.backend.test_oidc import _login, _session_user, _subject, provider  # noqa: F401


def test_a_name_with_control_characters_is_kept_as_clean_plain_text(db: None) -> None:
    # given
    client = Client()
    claims = {
        "email": "kari@example.no",
        "email_verified": True,
        "name": "Kari\x00 Nord\x1bmann\r\n\tfra  Bergen",
    }
    # when
    response = _login(client, _subject(), claims)
    # then
    assert response["Location"] == "/"
    assert User.objects.get(email="kari@example.no").full_name == "Kari Nordmann fra Bergen"


@pytest.mark.parametrize(
    "email",
    ["a" * 150 + "@example.no", "ikke-en-adresse", "ola\x00@example.no"],
    ids=["longer than a username", "not an address", "with a NUL"],
)
def test_an_address_no_account_can_have_counts_as_none(db: None, email: str) -> None:
    # given
    client = Client()
    before = db_state()
    # when
    response = _login(client, _subject(), {"email": email, "email_verified": True})
    # then
    assert response["Location"] == "/login?oidc=email_missing"
    assert _session_user(client) is None
    assert db_state() == before
