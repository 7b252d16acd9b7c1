"""The equal-treatment record: the minutes of a held 1:1 meeting (the host writes and sends
them, the supplier reads and comments, advisors read; nobody else), and what the buyer shared
in a meeting, published to every registered supplier and shown as the need's log without
naming the supplier the meeting was with. Every rule through every role."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts.models import Organization, User
from backend.dialogue.models import DialogueConference, MeetingMinutes, MeetingSlot
from backend.notifications.models import Notification
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, competitor, local_when, told
from tests.backend.state import db_state
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SlotFactory,
)

MINUTES = (
    "Helsetek presenterte radarsensoren. Kommunen forklarte at nattevaktene i dag går faste "
    "runder hver time, og at målet er færre unødvendige forstyrrelser."
)
SHARED = "Kommunen har 14 sykehjem med til sammen 1 100 plasser; piloten gjelder tre av dem."


def _held(world: World) -> MeetingSlot:
    """The world's conference held yesterday, with the supplier registered and its 1:1
    meeting held this morning."""
    now = timezone.now()
    DialogueConference.objects.filter(pk=world.conference.pk).update(
        starts_at=now - timedelta(days=1),
        ends_at=now - timedelta(days=1) + timedelta(hours=3),
        registration_deadline=now - timedelta(days=8),
    )
    world.conference.refresh_from_db()
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    MeetingSlot.objects.filter(pk=world.slot.pk).update(
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=2, minutes=15),
        booked_by=world.supplier_org,
        booked_by_user=world.users["supplier"],
        booked_at=now - timedelta(days=9),
    )
    world.slot.refresh_from_db()
    return world.slot


@pytest.fixture
def held(world: World) -> MeetingSlot:
    return _held(world)


@pytest.fixture
def users(world: World, held: MeetingSlot) -> dict[str, User | None]:
    """Every role: the host, an advisor, another buyer, the meeting's supplier, a competing
    supplier registered for the conference, a supplier that is not, and a visitor."""
    outsider = MembershipFactory(
        organization=OrganizationFactory(name="Fjernleverandør AS", kind="supplier")
    ).user
    return world.users | {"competitor": competitor(world.conference), "unregistered": outsider}


def _minutes_url(slot: MeetingSlot) -> str:
    return f"/api/slots/{slot.pk}/minutes/"


def _write(world: World, slot: MeetingSlot, text: str = MINUTES, send: bool = False) -> Any:
    return world.client("buyer").put(_minutes_url(slot), {"text": text, "send": send})


def _share(client: Any, slot: MeetingSlot, **body: Any) -> Any:
    data = {"kind": "clarification", "text": SHARED} | body
    return client.post(f"/api/slots/{slot.pk}/shared-information/", data)


# ------------------------------------------------------------------------------ minutes


def test_the_host_writes_a_draft_that_only_the_buyer_side_reads(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # when
    written = _write(world, held)
    # then
    assert written.status_code == 200, written.content
    assert (written.json()["text"], written.json()["sent_at"]) == (MINUTES, None)
    assert written.json()["meeting"]["supplier"]["name"] == "Helsetek AS"
    as_supplier = client_of(users["supplier"]).get(_minutes_url(held)).json()
    assert (as_supplier["text"], as_supplier["sent_at"], as_supplier["can_comment"]) == (
        "",
        None,
        False,
    )
    assert client_of(users["advisor"]).get(_minutes_url(held)).json()["text"] == MINUTES
    assert told(users["supplier"]) == []


def test_sent_minutes_are_read_by_the_supplier_who_is_told_with_a_link(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # when
    sent = _write(world, held, send=True)
    # then
    assert sent.status_code == 200, sent.content
    assert sent.json()["sent_at"] is not None
    as_supplier = client_of(users["supplier"]).get(_minutes_url(held)).json()
    assert (as_supplier["text"], as_supplier["can_comment"], as_supplier["can_write"]) == (
        MINUTES,
        True,
        False,
    )
    [notice] = told(users["supplier"])
    when = local_when(held.starts_at, held.ends_at)
    assert notice["title"] == f"Referat fra 1:1-møtet deres med Bergen kommune, {when}"
    assert notice["link"] == f"/conferences/{world.conference.pk}/meetings/{held.pk}"
    assert MINUTES not in notice["body"]
    assert told(users["competitor"]) == []


def test_revised_minutes_are_sent_again_as_revised(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given
    _write(world, held, send=True)
    # when
    revised = _write(world, held, text=MINUTES + " Kommunen sender tallene i etterkant.", send=True)
    # then
    assert revised.status_code == 200
    titles = [n["title"] for n in told(users["supplier"])]
    assert titles[0].startswith("Revidert referat fra 1:1-møtet deres med Bergen kommune")
    assert len(titles) == 2


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("competitor", 404),
        ("unregistered", 404),
        ("other_buyer", 404),
        ("visitor", 403),
    ],
)
def test_nobody_else_reads_the_minutes_nor_learns_who_the_meeting_was_with(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str, status: int
) -> None:
    # given
    _write(world, held, send=True)
    # when
    answer = client_of(users[role]).get(_minutes_url(held))
    # then
    assert answer.status_code == status
    assert b"Helsetek" not in answer.content
    assert MINUTES.encode() not in answer.content


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("advisor", 403),
        ("supplier", 403),
        ("competitor", 404),
        ("unregistered", 404),
        ("other_buyer", 404),
        ("visitor", 403),
    ],
)
def test_only_the_host_writes_the_minutes_and_nothing_changes_for_anyone_else(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str, status: int
) -> None:
    # given
    before = db_state()
    # when
    answer = client_of(users[role]).put(_minutes_url(held), {"text": MINUTES, "send": True})
    # then
    assert answer.status_code == status, answer.content
    assert db_state() == before
    assert Notification.objects.count() == 0


def test_the_advisor_is_told_why_it_does_not_write(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    answer = client_of(users["advisor"]).put(_minutes_url(held), {"text": MINUTES})
    assert answer.json()["detail"] == (
        "Bare Bergen kommune, som holdt møtet, skriver referatet og det som ble delt i det."
    )


def test_a_meeting_not_held_yet_has_no_minutes(world: World, held: MeetingSlot) -> None:
    # given: a booked meeting tomorrow
    later = SlotFactory(
        conference=world.conference,
        starts_at=timezone.now() + timedelta(days=1),
        booked_by=world.supplier_org,
    )
    before = db_state()
    # when
    answer = _write(world, later)
    # then
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"][0].startswith(
        f"Møtet {local_when(later.starts_at, later.ends_at)} er ikke holdt ennå"
    )
    assert db_state() == before


def test_a_meeting_nobody_booked_has_no_minutes(world: World, held: MeetingSlot) -> None:
    # given
    free = SlotFactory(conference=world.conference, starts_at=held.starts_at - timedelta(hours=2))
    before = db_state()
    # when
    answer = _write(world, free)
    # then
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Ingen booket dette møtet, så det er ingenting å dokumentere."
    ]
    assert db_state() == before


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"text": "", "send": True}, "text", "Skriv referatet før du sender det."),
        ({"text": "  ", "send": True}, "text", "Skriv referatet før du sender det."),
        ({"text": "x" * 20_001}, "text", "20000"),
        ({"text": 42}, "text", "Skriv tekst"),
        ({"text": "Referat", "send": "kanskje"}, "send", "Må være sann eller usann"),
    ],
)
def test_bad_minutes_are_refused_at_their_field_and_change_nothing(
    world: World, held: MeetingSlot, body: dict[str, Any], field: str, says: str
) -> None:
    # given
    before = db_state()
    # when
    answer = world.client("buyer").put(_minutes_url(held), body)
    # then
    assert answer.status_code == 400
    assert says in answer.json()[field][0], answer.json()
    assert db_state() == before


def test_the_record_keeps_the_meeting_as_it_was_when_the_booking_is_gone(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given: minutes sent, then the supplier's booking is cancelled
    _write(world, held, send=True)
    MeetingSlot.objects.filter(pk=held.pk).update(booked_by=None, booked_by_user=None)
    # when
    answer = client_of(users["supplier"]).get(_minutes_url(held))
    # then
    assert answer.status_code == 200
    assert answer.json()["text"] == MINUTES
    assert answer.json()["meeting"]["supplier"]["name"] == "Helsetek AS"


# ------------------------------------------------------------------------------ comments


def _comment(client: Any, slot: MeetingSlot, text: str = "Vi har fem kunder, ikke tre.") -> Any:
    return client.post(f"/api/slots/{slot.pk}/minutes/comments/", {"text": text})


def test_the_supplier_comments_on_sent_minutes_and_the_host_is_told(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given
    _write(world, held, send=True)
    # when
    answer = _comment(client_of(users["supplier"]), held)
    # then
    assert answer.status_code == 201, answer.content
    [notice] = told(users["buyer"])
    assert notice["title"].startswith("Helsetek AS kommenterte referatet fra")
    assert "fem kunder" not in notice["body"]
    assert notice["link"] == f"/conferences/{world.conference.pk}/meetings/{held.pk}"
    minutes = world.client("buyer").get(_minutes_url(held)).json()
    assert [c["text"] for c in minutes["comments"]] == ["Vi har fem kunder, ikke tre."]
    assert told(users["competitor"]) == []


def test_a_comment_before_the_minutes_are_sent_is_refused(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given: a draft only
    _write(world, held)
    before = db_state()
    # when
    answer = _comment(client_of(users["supplier"]), held)
    # then
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Innkjøperen har ikke sendt referatet fra dette møtet ennå."
    ]
    assert db_state() == before


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("buyer", 403),
        ("advisor", 403),
        ("competitor", 404),
        ("unregistered", 404),
        ("other_buyer", 404),
        ("visitor", 403),
    ],
)
def test_only_the_meetings_supplier_comments(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str, status: int
) -> None:
    # given
    _write(world, held, send=True)
    before = db_state()
    # when
    answer = _comment(client_of(users[role]), held)
    # then
    assert answer.status_code == status
    assert db_state() == before


def test_a_blank_comment_is_refused(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    _write(world, held, send=True)
    answer = _comment(client_of(users["supplier"]), held, text=" ")
    assert answer.status_code == 400
    assert answer.json()["text"] == ["Dette feltet må ikke være blankt."]


# --------------------------------------------------------------------- shared information


def test_what_was_shared_reaches_every_registered_supplier_alike_without_naming_the_meeting(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # when
    answer = _share(
        world.client("buyer"),
        held,
        kind="document",
        document_title="Kartlegging av nattevaktenes runder",
        document_url="https://www.bergen.kommune.no/kartlegging.pdf",
    )
    # then
    assert answer.status_code == 201, answer.content
    [to_supplier] = told(users["supplier"])
    [to_competitor] = told(users["competitor"])
    same = ("title", "body", "link", "kind")
    assert {k: to_supplier[k] for k in same} == {k: to_competitor[k] for k in same}
    assert to_supplier["title"] == f"Delt i dialogen om «{world.conference.title}»"
    assert SHARED in to_supplier["body"]
    assert "Kartlegging av nattevaktenes runder" in to_supplier["body"]
    assert "Dokument – 1:1-møte på en dialogkonferanse, " in to_supplier["body"]
    assert "Helsetek" not in to_supplier["body"] + to_supplier["title"]
    assert to_supplier["link"] == f"/conferences/{world.conference.pk}"
    assert told(users["unregistered"]) == told(users["other_buyer"]) == []


def test_the_needs_log_shows_what_when_and_in_which_meeting_never_with_whom(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given
    _share(world.client("buyer"), held)
    # when
    log = client_of(users["competitor"]).get(f"/api/needs/{world.need.pk}/shared-information/")
    # then
    assert log.status_code == 200
    [entry] = log.json()["results"]
    assert entry["text"] == SHARED
    assert (entry["kind_label"], entry["meeting_type_label"]) == (
        "Presisering av behovet",
        "1:1-møte på en dialogkonferanse",
    )
    assert entry["meeting_at"] is not None
    assert entry["conference"] == {"id": world.conference.pk, "title": world.conference.title}
    assert b"Helsetek" not in log.content


@pytest.mark.parametrize("role", ["buyer", "advisor", "supplier", "competitor"])
def test_the_buyer_advisors_and_the_registered_read_the_log(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str
) -> None:
    _share(world.client("buyer"), held)
    answer = client_of(users[role]).get(f"/api/needs/{world.need.pk}/shared-information/")
    assert answer.status_code == 200
    assert [e["text"] for e in answer.json()["results"]] == [SHARED]


@pytest.mark.parametrize("role", ["other_buyer", "unregistered", "visitor"])
def test_others_are_told_why_they_do_not_read_the_log(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str
) -> None:
    _share(world.client("buyer"), held)
    answer = client_of(users[role]).get(f"/api/needs/{world.need.pk}/shared-information/")
    assert answer.status_code == 403
    assert SHARED.encode() not in answer.content
    if role != "visitor":
        assert answer.json()["detail"].startswith("Det innkjøperen deler i dialogen")


def test_the_log_of_a_draft_need_does_not_exist_for_others(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    answer = client_of(users["supplier"]).get(
        f"/api/needs/{world.draft_need.pk}/shared-information/"
    )
    assert answer.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("advisor", 403),
        ("supplier", 403),
        ("competitor", 404),
        ("unregistered", 404),
        ("other_buyer", 404),
        ("visitor", 403),
    ],
)
def test_only_the_host_shares_and_nothing_is_published_by_anyone_else(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str, status: int
) -> None:
    # given
    before = db_state()
    # when
    answer = _share(client_of(users[role]), held)
    # then
    assert answer.status_code == status
    assert db_state() == before
    assert Notification.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"text": ""}, "text", "Dette feltet må ikke være blankt."),
        ({"kind": "rykte"}, "kind", "er ikke et gyldig valg."),
        ({"kind": "document"}, "document_title", "Oppgi navnet på dokumentet eller en lenke"),
        (
            {"document_url": "ftp://bergen.kommune.no/a.pdf"},
            "document_url",
            "http:// eller https://",
        ),
        ({"text": "x" * 5001}, "text", "5000"),
    ],
)
def test_bad_shared_information_is_refused_at_its_field_and_nothing_is_published(
    world: World,
    users: dict[str, User | None],
    held: MeetingSlot,
    body: dict[str, Any],
    field: str,
    says: str,
) -> None:
    # given
    before = db_state()
    # when
    answer = _share(world.client("buyer"), held, **body)
    # then
    assert answer.status_code == 400
    assert says in answer.json()[field][0], answer.json()
    assert db_state() == before
    assert told(users["supplier"]) == []


def test_nothing_is_shared_from_a_meeting_not_held_yet(world: World, held: MeetingSlot) -> None:
    later = SlotFactory(
        conference=world.conference,
        starts_at=timezone.now() + timedelta(days=1),
        booked_by=world.supplier_org,
    )
    before = db_state()
    answer = _share(world.client("buyer"), later)
    assert answer.status_code == 400
    assert db_state() == before


def test_a_shared_entry_is_a_record_that_is_not_edited_or_deleted(
    world: World, held: MeetingSlot
) -> None:
    # given
    _share(world.client("buyer"), held)
    url = f"/api/slots/{held.pk}/shared-information/"
    # when
    edited = world.client("buyer").put(url, {"kind": "answer", "text": "Endret"})
    deleted = world.client("buyer").delete(url)
    # then
    assert (edited.status_code, deleted.status_code) == (405, 405)


# -------------------------------------------------------------- shared at the conference


def _conference_share(client: Any, world: World) -> Any:
    return client.post(
        f"/api/conferences/{world.conference.pk}/shared-information/",
        {"kind": "answer", "text": "Budsjettet for piloten er to millioner kroner."},
    )


def test_what_was_shared_at_the_conference_names_it_and_reaches_all(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # when
    answer = _conference_share(world.client("buyer"), world)
    # then
    assert answer.status_code == 201, answer.content
    assert answer.json()["meeting_type_label"] == "Dialogkonferanse"
    assert len(told(users["supplier"])) == len(told(users["competitor"])) == 1
    log = client_of(users["competitor"]).get(
        f"/api/conferences/{world.conference.pk}/shared-information/"
    )
    assert [e["kind"] for e in log.json()["results"]] == ["answer"]


def test_nothing_is_shared_at_a_conference_before_it_starts(world: World) -> None:
    before = db_state()
    answer = _conference_share(world.client("buyer"), world)
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Konferansen har ikke startet ennå: det som deles der, registreres etterpå."
    ]
    assert db_state() == before


@pytest.mark.parametrize("role", ["unregistered", "other_buyer"])
def test_the_conference_log_is_empty_for_those_outside_it(
    world: World, users: dict[str, User | None], held: MeetingSlot, role: str
) -> None:
    _conference_share(world.client("buyer"), world)
    log = client_of(users[role]).get(f"/api/conferences/{world.conference.pk}/shared-information/")
    assert (log.status_code, log.json()["results"]) == (200, [])


def test_texts_are_in_the_readers_language(
    world: World, users: dict[str, User | None], held: MeetingSlot
) -> None:
    # given: the supplier reads English
    user = users["supplier"]
    assert user is not None
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    # when
    _write(world, held, send=True)
    answer = client_of(user).get("/api/notifications/", HTTP_ACCEPT_LANGUAGE="en")
    # then
    [notice] = answer.json()["results"]
    assert notice["title"].startswith("Minutes of your 1:1 meeting with Bergen kommune")


def test_minutes_stay_with_the_meeting_they_were_written_for(
    world: World, held: MeetingSlot
) -> None:
    _write(world, held)
    minutes = MeetingMinutes.objects.get()
    assert (minutes.slot_id, minutes.supplier_id, minutes.host_id) == (
        held.pk,
        world.supplier_org.pk,
        world.buyer_org.pk,
    )
    assert Organization.objects.filter(pk=minutes.supplier_id).exists()


def test_the_buyers_copy_of_its_data_names_the_minutes_and_entries_it_wrote(
    world: World, held: MeetingSlot
) -> None:
    # given
    _write(world, held, send=True)
    _share(world.client("buyer"), held)
    # when
    data = world.client("buyer").get("/api/auth/me/export/").json()
    # then: by type and id (the text is the organisation's, not a personal copy)
    kinds = {r["type"] for r in data["other_records"]}
    assert {"meeting_minutes", "shared_information"} <= kinds
    assert MINUTES.encode() not in str(data).encode()
