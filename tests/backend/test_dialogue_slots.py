"""1:1 meeting slots from the host's side: adding, moving and deleting them, the time rules
every path must keep, who may do it, what the booker is told, and a conference move that
would leave its meetings outside the rules."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.dialogue.models import MeetingSlot
from backend.dialogue.services import slot_create
from tests.backend.conftest import World
from tests.backend.dialogue_scene import (
    client_of,
    competitor,
    local_date,
    local_when,
    slot_body,
    told,
)
from tests.backend.state import db_state
from tests.factories import (
    ConferenceFactory,
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SlotFactory,
)


def _day_after(world: World, hour: int = 10) -> datetime:
    """A time on the day after the conference (a meeting day), in Oslo time."""
    day = timezone.localtime(world.conference.ends_at) + timedelta(days=1)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _booked(world: World) -> MeetingSlot:
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    world.slot.booked_by, world.slot.booked_by_user = world.supplier_org, world.users["supplier"]
    world.slot.booked_at = timezone.now()
    world.slot.save()
    return world.slot


# ------------------------------------------------------------------- who may change slots


@dataclass(frozen=True)
class Attempt:
    name: str
    method: str
    url: Callable[[World], str]
    body: Callable[[World], dict[str, Any] | None]
    accepted: int


ATTEMPTS = (
    Attempt(
        "add",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: slot_body(_day_after(w, 14)),
        201,
    ),
    Attempt(
        "move",
        "put",
        lambda w: f"/api/slots/{w.slot.pk}/",
        lambda w: slot_body(_day_after(w, 14)),
        200,
    ),
    Attempt("delete", "delete", lambda w: f"/api/slots/{w.slot.pk}/", lambda w: None, 204),
)


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=lambda a: a.name)
@pytest.mark.parametrize("role", ["buyer", "advisor"])
def test_the_host_and_advisors_add_move_and_delete_slots(
    world: World, attempt: Attempt, role: str
) -> None:
    # when
    response = getattr(world.client(role), attempt.method)(
        attempt.url(world), attempt.body(world), format="json"
    )
    # then
    assert response.status_code == attempt.accepted, response.content


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=lambda a: a.name)
@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 403), ("other_buyer", 403), ("supplier", 403), ("competitor", 403)],
)
def test_nobody_else_adds_moves_or_deletes_a_slot_and_nothing_changes(
    world: World, attempt: Attempt, role: str, status: int
) -> None:
    # given: the supplier is registered and has booked; so has a competitor
    booked = _booked(world)
    users = world.users | {"competitor": competitor(world.conference)}
    before = db_state()
    # when
    response = getattr(client_of(users[role]), attempt.method)(
        attempt.url(world), attempt.body(world), format="json"
    )
    # then
    assert response.status_code == status, response.content
    assert db_state() == before
    assert MeetingSlot.objects.get(pk=booked.pk).booked_by_id == world.supplier_org.pk


def test_a_slot_of_a_draft_conference_the_user_may_not_see_is_not_found(world: World) -> None:
    # given: a draft conference of another buyer, with a slot
    draft = ConferenceFactory(organization=world.other_buyer_org, status="draft")
    slot = SlotFactory(conference=draft)
    before = db_state()
    # when
    moved = world.client("buyer").put(
        f"/api/slots/{slot.pk}/", slot_body(slot.starts_at + timedelta(hours=2)), format="json"
    )
    deleted = world.client("buyer").delete(f"/api/slots/{slot.pk}/")
    # then
    assert (moved.status_code, deleted.status_code) == (404, 404)
    assert db_state() == before


# ------------------------------------------------------------------------- the time rules


@dataclass(frozen=True)
class Bad:
    name: str
    body: Callable[[World], dict[str, Any]]
    field: str
    says: Callable[[World], str]


def _other_slot(world: World) -> MeetingSlot:
    return SlotFactory(conference=world.conference, starts_at=_day_after(world, 12))


BAD_TIMES = (
    Bad(
        "in the past",
        lambda w: slot_body(timezone.now() - timedelta(hours=2)),
        "starts_at",
        lambda w: "Et 1:1-møte må være fram i tid.",
    ),
    Bad(
        "before registration closes",
        lambda w: slot_body(w.conference.registration_deadline - timedelta(hours=2)),
        "starts_at",
        lambda w: "1:1-møter starter etter påmeldingsfristen",
    ),
    Bad(
        "after the meeting days",
        lambda w: slot_body(w.conference.ends_at + timedelta(days=20)),
        "starts_at",
        lambda w: "1:1-møter holdes fra",
    ),
    Bad(
        "ending before it starts",
        lambda w: slot_body(_day_after(w), minutes=-30),
        "ends_at",
        lambda w: "Møtet må slutte etter at det starter.",
    ),
    Bad(
        "ending as it starts",
        lambda w: slot_body(_day_after(w), minutes=0),
        "ends_at",
        lambda w: "Møtet må slutte etter at det starter.",
    ),
    Bad(
        "overlapping another slot",
        lambda w: slot_body(_other_slot(w).starts_at + timedelta(minutes=30)),
        "starts_at",
        lambda w: (
            "Møtet overlapper et annet 1:1-møte ("
            + local_when(_day_after(w, 12), _day_after(w, 12) + timedelta(minutes=45))
            + ")."
        ),
    ),
    Bad(
        "starting with another slot",
        lambda w: slot_body(_other_slot(w).starts_at, minutes=20),
        "starts_at",
        lambda w: "Møtet overlapper et annet 1:1-møte",
    ),
    Bad(
        "around another slot",
        lambda w: slot_body(_other_slot(w).starts_at - timedelta(minutes=15), minutes=90),
        "starts_at",
        lambda w: "Møtet overlapper et annet 1:1-møte",
    ),
)


@pytest.mark.parametrize("bad", BAD_TIMES, ids=lambda b: b.name)
@pytest.mark.parametrize("path", ["add", "move"])
def test_a_slot_that_breaks_a_time_rule_is_refused_in_norwegian_and_nothing_changes(
    world: World, bad: Bad, path: str
) -> None:
    # given
    body = bad.body(world)
    url = {
        "add": f"/api/conferences/{world.conference.pk}/slots/",
        "move": f"/api/slots/{world.slot.pk}/",
    }[path]
    before = db_state()
    # when
    response = getattr(world.client("buyer"), {"add": "post", "move": "put"}[path])(
        url, body, format="json"
    )
    # then
    assert response.status_code == 400, response.content
    assert bad.says(world) in response.json()[bad.field][0], response.json()
    assert db_state() == before


def test_a_rule_of_the_slots_answers_in_english_when_asked(world: World) -> None:
    # given
    other = _other_slot(world)
    # when
    response = world.client("buyer").put(
        f"/api/slots/{world.slot.pk}/",
        slot_body(other.starts_at),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # then
    assert response.json()["starts_at"][0].startswith("The meeting overlaps another 1:1 meeting")


def test_a_slot_may_be_moved_within_its_own_old_time(world: World) -> None:
    # when: later by a quarter of an hour, overlapping only where it was
    response = world.client("buyer").put(
        f"/api/slots/{world.slot.pk}/",
        slot_body(world.slot.starts_at + timedelta(minutes=15)),
        format="json",
    )
    # then
    assert response.status_code == 200, response.content
    moved = MeetingSlot.objects.get(pk=world.slot.pk)
    assert moved.starts_at == world.slot.starts_at + timedelta(minutes=15)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CHANGED, object_id=str(world.slot.pk)
    ).exists()


def test_a_slot_that_has_started_can_be_neither_moved_nor_deleted(world: World) -> None:
    # given: a meeting under way
    started = SlotFactory(
        conference=world.conference,
        starts_at=timezone.now() - timedelta(minutes=10),
    )
    before = db_state()
    # when
    moved = world.client("buyer").put(
        f"/api/slots/{started.pk}/", slot_body(_day_after(world, 15)), format="json"
    )
    deleted = world.client("buyer").delete(f"/api/slots/{started.pk}/")
    # then
    says = f"1:1-møtet {local_when(started.starts_at, started.ends_at)} har startet"
    assert (moved.status_code, deleted.status_code) == (400, 400)
    assert moved.json()["non_field_errors"][0].startswith(says)
    assert deleted.json()["non_field_errors"][0].startswith(says)
    assert db_state() == before


@pytest.mark.django_db(transaction=True)
def test_two_hosts_adding_overlapping_slots_at_once_get_one_slot() -> None:
    # given: two members of the host, each with a slot that overlaps the other's
    conference = ConferenceFactory()
    hosts = [MembershipFactory(organization=conference.organization).user for _ in range(2)]
    start = timezone.localtime(conference.ends_at + timedelta(days=1)).replace(hour=10, minute=0)
    times = [
        (start, start + timedelta(minutes=45)),
        (start + timedelta(minutes=30), start + timedelta(minutes=75)),
    ]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def add(user: Any, when: tuple[datetime, datetime]) -> None:
        barrier.wait()
        try:
            slot_create(user=user, conference=conference, starts_at=when[0], ends_at=when[1])
            outcomes.append("added")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    # when: both add at the same moment, each on its own database connection
    threads = [threading.Thread(target=add, args=pair) for pair in zip(hosts, times, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # then
    assert sorted(outcomes) == ["added", "refused"]
    assert MeetingSlot.objects.filter(conference=conference).count() == 1


# ---------------------------------------------------------------- booked slots and bookers


def test_moving_a_booked_slot_keeps_the_booking_and_tells_the_booker_only(world: World) -> None:
    # given: the supplier booked the slot; a competitor is registered too
    slot = _booked(world)
    rival = competitor(world.conference)
    was = local_when(slot.starts_at, slot.ends_at)
    new_start = _day_after(world, 13)
    # when
    response = world.client("buyer").put(
        f"/api/slots/{slot.pk}/", slot_body(new_start), format="json"
    )
    # then
    assert response.status_code == 200, response.content
    moved = MeetingSlot.objects.get(pk=slot.pk)
    assert (moved.starts_at, moved.booked_by_id) == (new_start, world.supplier_org.pk)
    [notice] = told(world.users["supplier"])
    now = local_when(new_start, new_start + timedelta(minutes=45))
    assert notice["title"] == f"1:1-møtet deres på «{world.conference.title}» er flyttet til {now}"
    assert f"fra {was} til {now}" in notice["body"]
    assert notice["link"] == f"/conferences/{world.conference.pk}"
    assert told(rival) == []
    assert told(world.users["buyer"]) == []


def test_moving_a_free_slot_tells_nobody(world: World) -> None:
    # given
    rival = competitor(world.conference)
    # when
    response = world.client("buyer").put(
        f"/api/slots/{world.slot.pk}/", slot_body(_day_after(world, 13)), format="json"
    )
    # then
    assert response.status_code == 200
    assert (told(rival), told(world.users["supplier"])) == ([], [])


def test_deleting_a_booked_slot_tells_the_booker_who_may_book_another(world: World) -> None:
    # given: the supplier booked the only slot it may book; another slot is free
    slot = _booked(world)
    free = _other_slot(world)
    was = local_when(slot.starts_at, slot.ends_at)
    # when
    deleted = world.client("buyer").delete(f"/api/slots/{slot.pk}/")
    rebooked = world.client("supplier").post(
        f"/api/slots/{free.pk}/book/", {"organization": world.supplier_org.pk}, format="json"
    )
    # then
    assert deleted.status_code == 204
    assert not MeetingSlot.objects.filter(pk=slot.pk).exists()
    assert rebooked.status_code == 200, rebooked.content
    [notice] = [n for n in told(world.users["supplier"]) if n["kind"] == "meeting_cancelled"]
    assert notice["title"] == f"1:1-møtet deres på «{world.conference.title}» {was} er avlyst"
    assert "Dere kan booke en annen ledig tid på konferansesiden fram til" in notice["body"]
    assert notice["link"] == f"/conferences/{world.conference.pk}"


def test_a_booking_the_host_cancels_is_told_to_the_booker(world: World) -> None:
    # given
    slot = _booked(world)
    # when
    response = world.client("buyer").post(f"/api/slots/{slot.pk}/cancel/")
    # then
    assert response.status_code == 200
    [notice] = told(world.users["supplier"])
    assert notice["title"].endswith("er avlyst")


def test_a_booking_the_supplier_cancels_itself_is_not_told_back_to_it(world: World) -> None:
    # given
    slot = _booked(world)
    # when
    response = world.client("supplier").post(f"/api/slots/{slot.pk}/cancel/")
    # then
    assert response.status_code == 200
    assert told(world.users["supplier"]) == []


# --------------------------------------------------------------- moving the conference


def test_moving_the_conference_away_from_its_slots_is_refused_naming_them(world: World) -> None:
    # given: the conference's meeting days run until 14 days after it; the slot is the day after
    later = world.conference.starts_at + timedelta(days=3)
    body = {
        "starts_at": later.isoformat(),
        "ends_at": (later + timedelta(hours=3)).isoformat(),
    }
    before = db_state()
    # when
    response = world.client("buyer").patch(
        f"/api/conferences/{world.conference.pk}/", body, format="json"
    )
    # then
    assert response.status_code == 400, response.content
    first = local_date(later)
    last = local_date(later + timedelta(days=14, hours=3))
    assert response.json() == {
        "starts_at": [
            f"Disse 1:1-møtene ville havne utenfor de nye møtedagene ({first} til {last}): "
            f"{local_when(world.slot.starts_at, world.slot.ends_at)}. Flytt eller slett dem først."
        ]
    }
    assert db_state() == before


def test_a_registration_deadline_moved_past_a_slot_is_refused_naming_it(world: World) -> None:
    # given: a slot early on the conference day
    early = SlotFactory(
        conference=world.conference,
        starts_at=world.conference.starts_at - timedelta(hours=2),
    )
    deadline = world.conference.starts_at - timedelta(hours=1)
    before = db_state()
    # when
    response = world.client("buyer").patch(
        f"/api/conferences/{world.conference.pk}/",
        {"registration_deadline": deadline.isoformat()},
        format="json",
    )
    # then
    assert response.status_code == 400, response.content
    assert response.json() == {
        "registration_deadline": [
            "Disse 1:1-møtene ville starte før den nye påmeldingsfristen: "
            f"{local_when(early.starts_at, early.ends_at)}. Flytt eller slett dem først."
        ]
    }
    assert db_state() == before


def test_a_move_that_keeps_every_slot_within_the_rules_is_saved(world: World) -> None:
    # given: a day earlier keeps the slot (the day after the conference) within 14 days
    earlier = world.conference.starts_at - timedelta(days=1)
    # when
    response = world.client("buyer").patch(
        f"/api/conferences/{world.conference.pk}/",
        {"starts_at": earlier.isoformat(), "ends_at": (earlier + timedelta(hours=3)).isoformat()},
        format="json",
    )
    # then
    assert response.status_code == 200, response.content


def test_changing_other_fields_does_not_judge_the_slots_again(world: World) -> None:
    # given: an old slot that no longer fits the rules (before the registration deadline)
    SlotFactory(
        conference=world.conference,
        starts_at=world.conference.registration_deadline - timedelta(days=1),
    )
    # when
    response = world.client("buyer").patch(
        f"/api/conferences/{world.conference.pk}/", {"title": "Ny tittel"}, format="json"
    )
    # then
    assert response.status_code == 200, response.content


def test_a_supplier_org_is_no_host_even_with_a_buyer_colleague(world: World) -> None:
    # given: a supplier's member who also belongs to an unrelated buyer
    other = OrganizationFactory(name="Molde kommune")
    MembershipFactory(organization=other, user=world.users["supplier"])
    before = db_state()
    # when
    response = world.client("supplier").delete(f"/api/slots/{world.slot.pk}/")
    # then
    assert response.status_code == 403
    assert db_state() == before
