"""Research partners (issue 14): a partner reads what the buyer shares with it and the need
(its draft too) once accepted, and the responses only while the buyer grants it; never
another need's drafts or responses, notes, rejected matches or participants' contacts. An
ended partnership sees nothing more. Asserted over every path, as every role; the hidden
things of every other rule are probed for the partner roles by their own modules (the
roles are in the scene)."""

import pytest

from tests.backend.confidentiality.helpers import (
    API_ROLES,
    BUSINESS_SECRET,
    DRAFT_BODY,
    DRAFT_TITLE,
    PARTNERSHIP_WRITES,
    PROFILE_WRITES,
    RESPONSE_BODY,
    RIVAL_RESPONSE,
    ROLES,
    SHARED_NOTE,
    Scene,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("research")
PARTNER_ROLES = ("research_partner", "granted_partner", "ended_partner")
#: Who may see a partnership at all: the need's buyer and the institution.
SIDES = {
    "research_partner": "research_partner",
    "granted_partner": "granted_partner",
    "ended_partner": "ended_partner",
}


def _partnerships_of(market: Scene, role: str) -> list[int]:
    """The partnerships `role` is on neither side of."""
    if role == "owner":
        return []
    return [p.pk for key, p in market.partnerships.items() if key.split(":")[0] != role]


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_what_is_shared_with_a_partner_to_anyone_else(
    market: Scene, role: str
) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_a_partnership_of_others_answers_as_a_missing_one(market: Scene, role: str) -> None:
    leaks = existence_leaks(market, role, "partnership", _partnerships_of(market, role))
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r not in ("owner", *PARTNER_ROLES)])
def test_writes_on_others_partnerships_answer_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    before = {p.pk: (p.state, p.may_read_responses) for p in market.partnerships.values()}
    leaks = write_leaks(market, role, PARTNERSHIP_WRITES, _partnerships_of(market, role))
    assert leaks == [], "\n".join(leaks)
    for partnership in market.partnerships.values():
        partnership.refresh_from_db()
        assert before[partnership.pk] == (partnership.state, partnership.may_read_responses)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r != "research_partner"])
def test_a_draft_profile_is_its_institutions_alone(market: Scene, role: str) -> None:
    draft = market.profiles["draft"].pk
    assert existence_leaks(market, role, "profile", [draft]) == []
    assert write_leaks(market, role, PROFILE_WRITES, [draft]) == []


def test_the_partner_reads_the_draft_it_was_added_to_but_no_response_without_the_grant(
    market: Scene,
) -> None:
    pages = b"".join(body for _status, body in market.reads("research_partner").values())
    assert DRAFT_TITLE.encode() in pages and DRAFT_BODY.encode() in pages
    assert SHARED_NOTE.encode() in pages
    assert RESPONSE_BODY.encode() not in pages and RIVAL_RESPONSE.encode() not in pages


def test_the_granted_partner_reads_the_responses_but_not_the_business_secrets(
    market: Scene,
) -> None:
    pages = b"".join(body for _status, body in market.reads("granted_partner").values())
    assert RESPONSE_BODY.encode() in pages and RIVAL_RESPONSE.encode() in pages
    assert BUSINESS_SECRET.encode() not in pages
    assert DRAFT_TITLE.encode() not in pages


def test_an_ended_partner_sees_nothing_more(market: Scene) -> None:
    reads = market.reads("ended_partner")
    pages = b"".join(body for _status, body in reads.values())
    for marker in (DRAFT_BODY, SHARED_NOTE, RESPONSE_BODY, RIVAL_RESPONSE):
        assert marker.encode() not in pages, marker
    # The draft's title only in the invitation it was sent (its inbox and data export).
    told = [p for p, (_s, body) in reads.items() if DRAFT_TITLE.encode() in body]
    assert all(p.startswith(("/api/notifications/", "/api/auth/me/export/")) for p in told)


def test_no_email_tells_anyone_else_what_is_shared_with_a_partner(market: Scene) -> None:
    leaks = mail_leaks(market, market.mails, HIDDEN)
    assert leaks == [], "\n".join(leaks)
