"""Invitations to a conference: who the buyer invited, and the message it wrote, are for the
buyer, advisors and the invited supplier only. A competing supplier, another buyer and a
visitor never learn of them through any path: the invitation list, the conference and its
other lists, e-mails, search, the schema or the admin."""

import pytest

from tests.backend.confidentiality.helpers import (
    API_ROLES,
    CONFERENCE_WRITES,
    INVITATION_MESSAGE,
    ROLES,
    Scene,
    admin_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("invitations")
OUTSIDERS = [r for r in API_ROLES if r not in ("owner", "rival")]
INVITE = tuple(w for w in CONFERENCE_WRITES if w.name == "invite")


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_an_invitation_to_an_outsider(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_the_invitation_list_shows_an_outsider_none(market: Scene, role: str) -> None:
    answer = market.client(role, raise_errors=False).get(
        f"/api/conferences/{market.conference.pk}/invitations/"
    )
    assert answer.status_code in (200, 401, 403)
    assert answer.status_code != 200 or answer.json()["results"] == []


@pytest.mark.parametrize("role", OUTSIDERS)
def test_inviting_to_a_draft_conference_answers_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    hidden = [market.draft_conference.pk]
    leaks = write_leaks(market, role, INVITE, hidden)
    assert leaks == [], "\n".join(leaks)


def test_no_email_sent_while_building_the_market_tells_an_outsider(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_finds_an_invitation(market: Scene) -> None:
    assert search_leaks(market, (INVITATION_MESSAGE,)) == []


def test_the_openapi_schema_carries_no_invitation(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_find_no_invitation_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
