"""A need's ongoing dialogue: whether it is open, its capacity and the places left in each
week are public with the need; a supplier's request (what it wants to talk about, and that it
asked at all) is for the buyer, advisors and that supplier only, through every path."""

import pytest

from tests.backend.confidentiality.helpers import (
    API_ROLES,
    MEETING_REQUEST_WRITES,
    REQUEST_TOPIC,
    ROLES,
    Scene,
    admin_leaks,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("ongoing")
OUTSIDERS = [r for r in API_ROLES if r not in ("owner", "rival")]


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_request_to_an_outsider(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_request_of_others_answers_as_a_missing_one(market: Scene, role: str) -> None:
    leaks = existence_leaks(market, role, "meeting_request", [market.meeting_request.pk])
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_acting_on_a_request_of_others_answers_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    leaks = write_leaks(market, role, MEETING_REQUEST_WRITES, [market.meeting_request.pk])
    assert leaks == [], "\n".join(leaks)


def test_no_email_sent_while_building_the_market_tells_an_outsider(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_finds_a_request(market: Scene) -> None:
    assert search_leaks(market, (REQUEST_TOPIC,)) == []


def test_the_openapi_schema_carries_no_request(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_find_no_request_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
