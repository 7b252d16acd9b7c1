"""Joint procurement: an invitation (its greeting) and a group still forming (its shared
text) are for the lead buyer, the buyer invited and advisors. Another buyer, a supplier and a
visitor never learn of them through any path: the need's joint-procurement answer (which
shows no public line while the group is forming), the group and membership lists and
details, e-mails, search, the schema; a hidden group or invitation answers every read and
write exactly like one that does not exist."""

import pytest

from tests.backend.confidentiality.helpers import (
    API_ROLES,
    JOINT_GROUP_WRITES,
    JOINT_MEMBERSHIP_WRITES,
    JOINT_MESSAGE,
    JOINT_NEED_WRITES,
    JOINT_SHARED,
    ROLES,
    Scene,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("joint")
INSIDERS = ("owner", "other_buyer")
OUTSIDERS = [r for r in API_ROLES if r not in INSIDERS]


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_the_invitation_or_the_forming_group_to_an_outsider(
    market: Scene, role: str
) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_hidden_group_and_invitation_answer_like_missing_ones(market: Scene, role: str) -> None:
    leaks = [
        *existence_leaks(market, role, "joint_group", [market.joint_group]),
        *existence_leaks(market, role, "joint_membership", [market.joint_invitation]),
    ]
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_writes_on_a_hidden_group_or_invitation_answer_like_missing_ones(
    market: Scene, role: str
) -> None:
    leaks = [
        *write_leaks(market, role, JOINT_GROUP_WRITES, [market.joint_group]),
        *write_leaks(market, role, JOINT_MEMBERSHIP_WRITES, [market.joint_invitation]),
    ]
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_inviting_from_a_draft_need_answers_as_for_a_missing_one(market: Scene, role: str) -> None:
    own = {"owner": market.draft_need.pk, "other_buyer": market.other_draft.pk}.get(role)
    hidden = [pk for pk in (market.draft_need.pk, market.other_draft.pk) if pk != own]
    leaks = write_leaks(market, role, JOINT_NEED_WRITES, hidden)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_an_outsider_sees_no_line_on_the_needs_of_a_forming_group(market: Scene, role: str) -> None:
    client = market.client(role, raise_errors=False)
    for need in (market.need, market.other_need):
        answer = client.get(f"/api/needs/{need.pk}/joint-procurement/").json()
        assert (answer["public"], answer["group"], answer["invitations"]) == (None, None, [])


def test_no_email_sent_while_building_the_market_tells_an_outsider(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_finds_the_invitation_or_the_shared_text(market: Scene) -> None:
    assert search_leaks(market, (JOINT_MESSAGE, JOINT_SHARED)) == []


def test_the_openapi_schema_carries_no_joint_procurement(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []
