"""Advisors' notes on a match are for advisors: the buyer and the supplier who see the match
never see its notes, nor does anyone else, through any path."""

from typing import Any

import pytest
from django.core import mail

from backend.matches.models import Match, MatchNote
from tests.backend.confidentiality.helpers import (
    ADVISOR_NOTE,
    API_ROLES,
    MISSING,
    REJECTED_NOTE,
    ROLES,
    Scene,
    admin_leaks,
    admin_reads,
    admin_search_count,
    hidden_of,
    mail_leaks,
    read_leaks,
    same_answer,
    schema_leaks,
    search_leaks,
    unseen_markers,
)
from tests.factories import MatchFactory

HIDDEN = hidden_of("advisor_notes")
NOTES_URL = "/api/matches/{}/notes/"


def test_the_advisor_sees_every_note(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_note(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_the_notes_of_any_match_answer_a_non_advisor_as_those_of_a_missing_match(
    market: Scene, role: str
) -> None:
    # given: the match the buyer and the supplier see, and one they do not
    reads = market.reads(role)
    missing = reads[NOTES_URL.format(MISSING)]
    # then: whether a match has notes, or exists, is not told
    for match in (market.match, market.rejected_match):
        got = reads[NOTES_URL.format(match.pk)]
        assert same_answer(got, match.pk, missing), (match.pk, got, missing)


@pytest.mark.parametrize("role", ["owner", "supplier"])
def test_the_parties_of_a_match_see_it_without_its_notes(market: Scene, role: str) -> None:
    # when
    detail = market.client(role).get(f"/api/matches/{market.match.pk}/")
    # then
    assert detail.status_code == 200
    assert "notes" not in detail.json()
    assert ADVISOR_NOTE.encode() not in detail.content


@pytest.mark.parametrize("role", ["owner", "supplier", "other_buyer", "self_made_advisor"])
def test_only_advisors_write_notes_and_nothing_is_saved_otherwise(market: Scene, role: str) -> None:
    # given
    before = MatchNote.objects.count()
    client = market.client(role)
    # when
    noted = client.post(
        NOTES_URL.format(market.match.pk), {"text": "Et forsøk på notat"}, format="json"
    )
    manual = client.post(
        "/api/matches/",
        {"need": market.need.pk, "solution": market.rival_solution.pk, "note": "Hemmelig"},
        format="json",
    )
    # then
    assert noted.status_code in (403, 404)
    assert manual.status_code in (400, 403)
    assert MatchNote.objects.count() == before


def test_an_introduction_mail_carries_no_note(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a shortlisted pair with a note
    advisor = market.client("advisor")
    pair = MatchFactory(
        need=market.other_need, solution=market.solution, state=Match.State.SHORTLISTED
    )
    advisor.post(NOTES_URL.format(pair.pk), {"text": f"Ny note ({ADVISOR_NOTE})"}, format="json")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = advisor.post(f"/api/matches/{pair.pk}/introduce/")
    # then
    assert answer.status_code == 200
    assert mail.outbox
    assert mail_leaks(market, mail.outbox, HIDDEN) == []


def test_no_email_sent_while_building_the_market_carries_a_note(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_the_advisors_export_holds_no_note(market: Scene) -> None:
    # an export leaves the system: notes stay in it
    answer = market.client("advisor").get("/api/matches/export/")
    assert answer.status_code == 200
    assert not [n for n in (ADVISOR_NOTE, REJECTED_NOTE) if n.encode() in answer.content]


def test_search_never_shows_a_note(market: Scene) -> None:
    assert search_leaks(market, (ADVISOR_NOTE, REJECTED_NOTE)) == []


def test_the_openapi_schema_carries_no_note(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_note_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
    assert admin_search_count(market, "staff", MatchNote, "") == 0


def test_the_operator_sees_the_notes_in_the_admin(market: Scene) -> None:
    pages = admin_reads(market, "operator").values()
    assert any(ADVISOR_NOTE.encode() in body for _status, body in pages)
