"""Participants' contact data (names, e-mail addresses, roles) given with a registration are
for the host, advisors and the registering supplier, through every path: lists, the
participants export, e-mails, search, the schema and the admin."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from backend.dialogue.models import Registration
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    ASKER_PARTICIPANT,
    BOOKER_PARTICIPANT,
    MISSING,
    PARTICIPANT_EMAIL,
    PARTICIPANT_NAME,
    PARTICIPANT_ROLE,
    REGISTRATION_WRITES,
    RIVAL_PARTICIPANT,
    ROLES,
    Scene,
    admin_leaks,
    admin_reads,
    admin_search_count,
    csv_rows,
    hidden_of,
    mail_leaks,
    read_leaks,
    result_ids,
    same_answer,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)
from tests.factories import UserFactory

HIDDEN = hidden_of("participant_contacts")
REGISTERED = ("supplier", "rival", "asker", "booker", "unverified_supplier")


def _registrations(s: Scene) -> str:
    return f"/api/conferences/{s.conference.pk}/registrations/"


def test_the_host_and_each_supplier_see_their_markers(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_someone_elses_participants(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", REGISTERED)
def test_a_registered_supplier_lists_and_counts_only_its_own_registration(
    market: Scene, role: str
) -> None:
    # when
    answer = market.client(role).get(_registrations(market))
    # then
    assert result_ids(answer) == [market.registrations[role].pk]
    assert answer.json()["count"] == 1


@pytest.mark.parametrize("role", ["other_buyer", "co_buyer", "pending_co_buyer", "staff"])
def test_the_unregistered_list_no_registration(market: Scene, role: str) -> None:
    answer = market.client(role).get(_registrations(market))
    assert (result_ids(answer), answer.json()["count"]) == ([], 0)


def test_the_conference_tells_everyone_how_many_registered_and_nothing_more(
    market: Scene,
) -> None:
    answer = market.client("visitor").get(f"/api/conferences/{market.conference.pk}/")
    assert answer.json()["registration_count"] == len(market.registrations)
    assert "participants" not in answer.json()


def test_the_hosts_export_has_every_participant(market: Scene) -> None:
    # when
    answer = market.client("owner").get(f"{_registrations(market)}export/")
    # then
    names = {row[2].split()[0] for row in csv_rows(answer.content)[1:]}
    assert {PARTICIPANT_NAME, RIVAL_PARTICIPANT, ASKER_PARTICIPANT, BOOKER_PARTICIPANT} <= names
    # and the Excel export, as the probes read it (unpacked), holds them too
    xlsx = market.reads("owner")[f"{_registrations(market)}export/?file_format=xlsx"]
    assert (xlsx[0], PARTICIPANT_EMAIL.encode() in xlsx[1]) == (200, True)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r != "owner"])
def test_no_one_else_exports_participants_and_a_draft_conference_answers_as_missing(
    market: Scene, role: str
) -> None:
    # given
    reads = market.reads(role)
    template = "/api/conferences/{}/registrations/export/"
    # then
    assert reads[template.format(market.conference.pk)][0] in (401, 403)
    draft = reads[template.format(market.draft_conference.pk)]
    missing = reads[template.format(MISSING)]
    assert same_answer(draft, market.draft_conference.pk, missing)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r not in ("owner", "supplier")])
def test_cancelling_someone_elses_registration_answers_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    # given: Helsetek's registration
    target = market.registrations["supplier"].pk
    # when
    leaks = write_leaks(market, role, REGISTRATION_WRITES, [target])
    # then
    assert leaks == [], "\n".join(leaks)
    assert Registration.objects.filter(pk=target).exists()


def test_registering_tells_no_one_else_the_participants(market: Scene) -> None:
    # given: a new supplier registers its people
    answer = market.client("other_buyer").post(
        _registrations(market),
        {
            "organization": market.orgs["other_buyer"].pk,
            "participants": [{"name": PARTICIPANT_NAME, "email": PARTICIPANT_EMAIL}],
        },
        format="json",
    )
    # then: a buyer cannot register, and its refusal echoes nobody's data back
    assert answer.status_code == 403
    assert PARTICIPANT_EMAIL.encode() not in answer.content
    assert mail.outbox == []


def test_no_email_sent_while_building_the_market_carries_participants(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_shows_a_participant(market: Scene) -> None:
    words = (PARTICIPANT_NAME, PARTICIPANT_EMAIL, RIVAL_PARTICIPANT, ASKER_PARTICIPANT)
    assert search_leaks(market, words) == []


def test_the_openapi_schema_carries_no_participant(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_participant_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)
    assert admin_search_count(market, "staff", Registration, "") == 0


def test_the_operator_sees_the_participants_in_the_admin(market: Scene) -> None:
    pages = admin_reads(market, "operator").values()
    assert any(PARTICIPANT_EMAIL.encode() in body for _status, body in pages)


def test_an_unconfirmed_account_with_a_participants_address_gets_none_of_their_data(
    market: Scene,
) -> None:
    # given: someone signs up with the address Helsetek gave for its participant, and never
    # confirms it (they cannot: it is not theirs), and signs in
    claimant = APIClient()
    claimant.force_authenticate(UserFactory(email=PARTICIPANT_EMAIL, email_verified_at=None))
    # when: they download "their" data
    answer = claimant.get("/api/auth/me/export/")
    # then: nothing of the registration that names the address
    assert answer.status_code == 200
    found = [m for m in (PARTICIPANT_NAME, PARTICIPANT_ROLE) if m.encode() in answer.content]
    assert found == []


def test_an_unconfirmed_account_deleted_erases_no_participant_entry(market: Scene) -> None:
    # given
    registration = market.registrations["supplier"]
    claimant = APIClient()
    claimant.force_authenticate(UserFactory(email=PARTICIPANT_EMAIL, email_verified_at=None))
    # when
    answer = claimant.post(
        "/api/auth/me/deletion/", {"password": "hemmelig-passord-1"}, format="json"
    )
    # then: the account is gone, Helsetek's registration is as Helsetek wrote it
    registration.refresh_from_db()
    assert answer.status_code == 204
    assert registration.participants[0]["email"] == PARTICIPANT_EMAIL


def test_the_participant_who_confirmed_the_address_gets_their_entry(market: Scene) -> None:
    # given: the real person, address confirmed
    person = APIClient()
    person.force_authenticate(UserFactory(email=PARTICIPANT_EMAIL))
    # when
    answer = person.get("/api/auth/me/export/")
    # then
    assert PARTICIPANT_ROLE.encode() in answer.content
