"""The equal-treatment record: a 1:1 meeting's minutes and the supplier's comment are read by
the buyer that held it, the supplier it was with and advisors, through no other path; what
the buyer shared in it reaches the need's buyers and every registered supplier, and nobody
else."""

import pytest
from django.core import mail

from tests.backend.confidentiality.helpers import (
    API_ROLES,
    MINUTES_COMMENT,
    MINUTES_TEXT,
    ROLES,
    SHARED_TEXT,
    SLOT_WRITES,
    Scene,
    admin_leaks,
    existence_leaks,
    hidden_of,
    leaks_in,
    mail_pages,
    read_leaks,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("minutes")
#: Those for whom the held meeting does not exist: not its host, not its supplier.
OUTSIDERS = [r for r in API_ROLES if r not in ("owner", "booker")]


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_the_record_to_an_outsider(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_meeting_of_others_answers_as_a_missing_one(market: Scene, role: str) -> None:
    hidden = [market.held_slot.pk, market.slot.pk, market.free_slot.pk, market.draft_slot.pk]
    leaks = existence_leaks(market, role, "slot", hidden)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_writing_to_a_meeting_of_others_answers_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    writes = [w for w in SLOT_WRITES if "minutes" in w.path or "shared" in w.path]
    leaks = write_leaks(market, role, writes, [market.held_slot.pk, market.draft_slot.pk])
    assert leaks == [], "\n".join(leaks)


def _mail_leaks(scene: Scene, messages: list[mail.EmailMessage]) -> list[str]:
    """Markers in e-mails to someone the record is hidden from: each address has the role of
    its organisation (every member of a registered supplier hears what was shared)."""
    roles = {
        m.user.email: role
        for role, org in scene.orgs.items()
        for m in org.memberships.select_related("user")
    }
    roles |= {u.email: r for r, u in scene.users.items() if u is not None}
    return [
        f"{to}: {leak}"
        for to, pages in mail_pages(messages).items()
        for leak in leaks_in(roles.get(to, "visitor"), pages, HIDDEN)
    ]


def test_no_email_sent_while_building_the_market_tells_an_outsider(market: Scene) -> None:
    assert market.mails, "the record's e-mails were sent"
    assert _mail_leaks(market, market.mails) == []


def test_search_never_finds_the_record(market: Scene) -> None:
    assert search_leaks(market, (MINUTES_TEXT, MINUTES_COMMENT, SHARED_TEXT)) == []


def test_the_openapi_schema_carries_none_of_it(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_find_none_of_it_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
