"""Equal treatment: other suppliers see that a 1:1 slot is taken, never by whom. Who booked
(organisation and person) is for the host, advisors and the booker, through every path."""

from typing import Any

import pytest
from django.core import mail

from backend.dialogue.models import MeetingSlot
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    BOOKER_ORG,
    BOOKER_PERSON,
    ROLES,
    SLOT_WRITES,
    Scene,
    admin_leaks,
    admin_reads,
    hidden_of,
    leaks_in,
    mail_leaks,
    read_leaks,
    result_ids,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("slot_bookers")
NOT_HOSTS = [r for r in API_ROLES if r not in ("owner", "booker")]
PUBLIC_FIELDS = {"id", "starts_at", "ends_at", "is_booked"}


def _slots(s: Scene) -> str:
    return f"/api/conferences/{s.conference.pk}/slots/"


def test_the_host_and_the_booker_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_tells_who_booked(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", NOT_HOSTS)
def test_others_see_that_a_slot_is_taken_and_nothing_more(market: Scene, role: str) -> None:
    # when
    answer = market.client(role).get(_slots(market))
    # then
    slots = {s["id"]: s for s in answer.json()["results"]}
    assert {tuple(sorted(s)) for s in slots.values()} == {tuple(sorted(PUBLIC_FIELDS))}
    assert slots[market.slot.pk]["is_booked"] is True
    assert slots[market.free_slot.pk]["is_booked"] is False


def test_the_host_sees_who_booked(market: Scene) -> None:
    answer = market.client("owner").get(_slots(market))
    booked = {s["id"]: (s["booked_by"] or {}).get("name") for s in answer.json()["results"]}
    assert booked[market.slot.pk] == f"{BOOKER_ORG} AS"


@pytest.mark.parametrize("role", NOT_HOSTS)
def test_my_slots_hold_only_my_own_bookings(market: Scene, role: str) -> None:
    answer = market.client(role).get("/api/slots/mine/")
    assert market.slot.pk not in (result_ids(answer) if answer.status_code == 200 else [])


@pytest.mark.parametrize("role", ["rival", "supplier", "unverified_supplier"])
def test_booking_or_cancelling_a_taken_slot_names_nobody_and_changes_nothing(
    market: Scene, role: str
) -> None:
    # given
    client = market.client(role)
    org = market.orgs[role]
    # when
    booked = client.post(
        f"/api/slots/{market.slot.pk}/book/", {"organization": org.pk}, format="json"
    )
    cancelled = client.post(f"/api/slots/{market.slot.pk}/cancel/")
    # then
    assert (booked.status_code, cancelled.status_code) == (400, 403)
    pages = {"book": booked.content, "cancel": cancelled.content}
    assert leaks_in(role, pages, HIDDEN) == []
    assert MeetingSlot.objects.get(pk=market.slot.pk).booked_by_id == market.orgs["booker"].pk


@pytest.mark.parametrize("role", NOT_HOSTS)
def test_a_slot_of_a_draft_conference_answers_as_a_missing_one(market: Scene, role: str) -> None:
    leaks = write_leaks(market, role, SLOT_WRITES, [market.draft_slot.pk])
    assert leaks == [], "\n".join(leaks)


def test_a_booking_tells_no_one_else(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # when: a registered supplier books the free slot
    with django_capture_on_commit_callbacks(execute=True):
        answer = market.client("supplier").post(
            f"/api/slots/{market.free_slot.pk}/book/",
            {"organization": market.orgs["supplier"].pk},
            format="json",
        )
    # then: the booker's own answer names it; no e-mail tells anyone about the other booking
    assert answer.status_code == 200
    assert mail_leaks(market, mail.outbox, HIDDEN) == []


def test_no_email_sent_while_building_the_market_tells_who_booked(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_search_never_tells_who_booked(market: Scene) -> None:
    assert search_leaks(market, (BOOKER_ORG, BOOKER_PERSON)) == []


def test_the_openapi_schema_carries_no_booker(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_cannot_tell_who_booked_from_the_admin(
    market: Scene,
) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)


def test_the_operator_sees_who_booked_on_the_conferences_admin_page(market: Scene) -> None:
    reads = admin_reads(market, "operator")
    page = reads[f"/admin/dialogue/dialogueconference/{market.conference.pk}/change/"][1]
    assert BOOKER_ORG.encode() in page
