"""A need's ongoing dialogue: the buyer opens it with a weekly capacity; suppliers ask for a
meeting in a week with room; the buyer accepts with a time or declines with a standard reply
that treats everyone alike; capacity is enforced per ISO week; both sides are told. Every
rule through the host, an advisor, another buyer, the supplier, a competing supplier and a
visitor; bad input changes nothing."""

import re
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.ongoing_rules import monday_of
from backend.dialogue.ongoing_services import ongoing_open, request_create
from backend.needs.models import Need
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, told
from tests.backend.state import db_state
from tests.factories import MembershipFactory, NeedFactory, OrganizationFactory

ROUTER = Path(__file__).resolve().parents[2] / "frontend" / "src" / "app" / "router.tsx"
TOPIC = "Vi vil vise hvordan sensorene varsler nattevakten uten å vekke beboerne."
PLACE = "Teams, eller hos oss i Rådhusgaten 10"


def _week(weeks: int = 1) -> date:
    """The Monday `weeks` weeks from now."""
    return monday_of(timezone.localdate()) + timedelta(weeks=weeks)


def _label(monday: date) -> str:
    year, week, _d = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _at(monday: date, day: int = 1, hour: int = 10) -> datetime:
    """A time in the week (Oslo time): Tuesday 10:00 by default."""
    local = datetime.combine(monday + timedelta(days=day), datetime.min.time()) + timedelta(
        hours=hour
    )
    return timezone.make_aware(local)


def _rival(name: str = "Omsorgsteknikk AS") -> User:
    return MembershipFactory(organization=OrganizationFactory(name=name, kind="supplier")).user


@pytest.fixture
def users(world: World) -> dict[str, User | None]:
    return world.users | {"competitor": _rival()}


def _open(world: World, **body: Any) -> Any:
    data = {"weekly_capacity": 2, "meeting_minutes": 45, "place": PLACE} | body
    return world.client("buyer").post(f"/api/needs/{world.need.pk}/ongoing-dialogue/", data)


@pytest.fixture
def dialogue(world: World) -> OngoingDialogue:
    answer = _open(world, topics="Hvordan kan tilsyn om natten bli mindre forstyrrende?")
    assert answer.status_code == 201, answer.content
    return OngoingDialogue.objects.get(need=world.need)


def _ask(user: User | None, world: World, weeks: int = 1, **body: Any) -> Any:
    org = user.memberships.get().organization.pk if user is not None else 0
    data = {"organization": org, "week": _label(_week(weeks)), "topic": TOPIC} | body
    return client_of(user).post(f"/api/needs/{world.need.pk}/meeting-requests/", data)


def _request(world: World, user: User | None = None, weeks: int = 1) -> MeetingRequest:
    answer = _ask(user or world.users["supplier"], world, weeks)
    assert answer.status_code == 201, answer.content
    return MeetingRequest.objects.get(pk=answer.json()["id"])


def _accept(client: Any, request: MeetingRequest, starts_at: datetime, **body: Any) -> Any:
    data = {"starts_at": starts_at.isoformat()} | body
    return client.post(f"/api/meeting-requests/{request.pk}/accept/", data)


# ---------------------------------------------------------------------------- opening


def test_the_buyer_opens_ongoing_dialogue_and_everyone_sees_the_weeks_with_room(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # when
    seen = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/")
    # then
    assert seen.status_code == 200
    data = seen.json()
    assert (data["status"], data["weekly_capacity"], data["place"]) == ("open", 2, PLACE)
    assert data["can_manage"] is False
    assert data["weeks"][0]["week"] == _label(_week(0))
    assert {w["available"] for w in data["weeks"]} == {2}
    assert (
        world.client("buyer")
        .get(f"/api/needs/{world.need.pk}/ongoing-dialogue/")
        .json()["can_manage"]
    )


def test_a_need_without_ongoing_dialogue_says_so(world: World) -> None:
    answer = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/")
    assert answer.status_code == 404
    assert answer.json()["detail"] == "Innkjøperen har ikke åpnet løpende dialog om dette behovet."
    # and the need's page says so first, so a page need not ask (and log a 404)
    need = client_of(None).get(f"/api/needs/{world.need.pk}/").json()
    assert need["has_ongoing_dialogue"] is False


def test_the_need_says_it_has_ongoing_dialogue_once_opened_and_after_it_closed(
    world: World, dialogue: OngoingDialogue
) -> None:
    # given an opened dialogue / then every reader of the need is told it exists
    for client in (client_of(None), world.client("supplier"), world.client("buyer")):
        assert client.get(f"/api/needs/{world.need.pk}/").json()["has_ongoing_dialogue"] is True
    # when the buyer closes it / then it still exists (closed), and the need still says so
    closed = world.client("buyer").post(f"/api/needs/{world.need.pk}/ongoing-dialogue/close/")
    assert closed.status_code == 200, closed.content
    need = client_of(None).get(f"/api/needs/{world.need.pk}/").json()
    assert need["has_ongoing_dialogue"] is True
    seen = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/")
    assert seen.json()["status"] == "closed"


@pytest.mark.parametrize(
    ("role", "status"),
    [("advisor", 403), ("other_buyer", 403), ("supplier", 403), ("competitor", 403)],
)
def test_only_the_buyer_opens_it_and_nothing_changes_for_anyone_else(
    world: World, users: dict[str, User | None], role: str, status: int
) -> None:
    before = db_state()
    answer = client_of(users[role]).post(
        f"/api/needs/{world.need.pk}/ongoing-dialogue/", {"weekly_capacity": 2, "place": PLACE}
    )
    assert answer.status_code == status
    assert db_state() == before


def test_a_visitor_cannot_open_it(world: World) -> None:
    before = db_state()
    answer = client_of(None).post(
        f"/api/needs/{world.need.pk}/ongoing-dialogue/", {"weekly_capacity": 2, "place": PLACE}
    )
    assert answer.status_code in (401, 403)
    assert db_state() == before


def _competition(need: Need) -> None:
    Need.objects.filter(pk=need.pk).update(stage="konkurranse")


def _draft(need: Need) -> None:
    Need.objects.filter(pk=need.pk).update(status=Need.Status.DRAFT, published_at=None)


@pytest.mark.parametrize(
    ("body", "given", "field", "says"),
    [
        ({"weekly_capacity": 0}, None, "weekly_capacity", "større enn eller lik 1"),
        ({"weekly_capacity": 21}, None, "weekly_capacity", "mindre enn eller lik 20"),
        ({"meeting_minutes": 5}, None, "meeting_minutes", "15"),
        ({"place": "  "}, None, "place", "Dette feltet må ikke være blankt."),
        ({"weekly_capacity": "mange"}, None, "weekly_capacity", "Skriv et helt tall."),
        ({}, _competition, "non_field_errors", "Konkurransen er kunngjort"),
        ({}, _draft, "non_field_errors", "Løpende dialog gjelder publiserte behov."),
    ],
)
def test_opening_with_bad_input_or_outside_a_dialogue_stage_is_refused(
    world: World, body: dict[str, Any], given: Any, field: str, says: str
) -> None:
    # given
    if given is not None:
        given(world.need)
    before = db_state()
    # when
    answer = _open(world, **body)
    # then
    assert answer.status_code == 400, answer.content
    assert says in answer.json()[field][0], answer.json()
    assert db_state() == before


def test_opening_twice_is_refused(world: World, dialogue: OngoingDialogue) -> None:
    answer = _open(world)
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Den løpende dialogen om dette behovet er allerede åpen."
    ]


def test_the_buyer_changes_the_capacity(world: World, dialogue: OngoingDialogue) -> None:
    answer = world.client("buyer").patch(
        f"/api/needs/{world.need.pk}/ongoing-dialogue/", {"weekly_capacity": 5}
    )
    assert answer.status_code == 200
    assert answer.json()["weekly_capacity"] == 5


# ---------------------------------------------------------------------------- asking


def test_a_supplier_asks_for_a_meeting_and_the_buyer_is_told(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # when
    answer = _ask(users["supplier"], world)
    # then
    assert answer.status_code == 201, answer.content
    assert (answer.json()["status"], answer.json()["week"]) == ("pending", _label(_week(1)))
    [notice] = told(users["buyer"])
    assert notice["title"] == f"Helsetek AS ber om møte om «{world.need.title}»"
    assert TOPIC in notice["body"]
    assert f"uke {_week(1).isocalendar()[1]} (" in notice["body"]
    assert notice["link"] == f"/needs/{world.need.pk}"
    assert told(users["competitor"]) == []


def test_capacity_is_enforced_per_iso_week(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given: two places a week, both taken next week
    _request(world, users["supplier"])
    _request(world, users["competitor"])
    third = _rival("Tredje Leverandør AS")
    before = db_state()
    # when
    full = _ask(third, world, weeks=1)
    # then: refused for that week, saying so; the week after has room
    assert full.status_code == 400
    week = _week(1).isocalendar()[1]
    assert full.json()["week"][0].startswith(f"Uke {week} (")
    assert "er full: innkjøperen tar 2 møter i uken" in full.json()["week"][0]
    assert db_state() == before
    assert _ask(third, world, weeks=2).status_code == 201
    weeks = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/").json()["weeks"]
    assert [w["available"] for w in weeks[:3]] == [2, 0, 1]


def test_an_accepted_meeting_counts_in_the_week_of_its_time(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given: asked for next week, accepted the week after
    request = _request(world, users["supplier"], weeks=1)
    _accept(world.client("buyer"), request, _at(_week(2)))
    # when
    weeks = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/").json()["weeks"]
    # then
    assert [w["taken"] for w in weeks[:3]] == [0, 0, 1]


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"week": "neste uke"}, "week", "Velg en uke på formen"),
        ({"week": "2026-W54"}, "week", "Velg en uke på formen"),
        ({"week": 12}, "week", "Velg en uke på formen"),
        ({"topic": " "}, "topic", "Dette feltet må ikke være blankt."),
        ({"topic": "x" * 2001}, "topic", "2000"),
    ],
)
def test_a_bad_request_is_refused_at_its_field_and_changes_nothing(
    world: World,
    dialogue: OngoingDialogue,
    users: dict[str, User | None],
    body: dict[str, Any],
    field: str,
    says: str,
) -> None:
    before = db_state()
    answer = _ask(users["supplier"], world, **body)
    assert answer.status_code == 400
    assert says in answer.json()[field][0], answer.json()
    assert db_state() == before


@pytest.mark.parametrize(
    ("weeks", "says"),
    [(-1, "Den uken er over"), (13, "Be om en uke høyst 12 uker fram i tid.")],
)
def test_a_week_in_the_past_or_too_far_ahead_is_refused(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None], weeks: int, says: str
) -> None:
    before = db_state()
    answer = _ask(users["supplier"], world, weeks=weeks)
    assert answer.status_code == 400
    assert answer.json()["week"][0].startswith(says)
    assert db_state() == before


def test_one_request_waits_at_a_time_per_supplier(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    _request(world, users["supplier"])
    before = db_state()
    answer = _ask(users["supplier"], world, weeks=2)
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Helsetek AS har allerede en forespørsel som venter på svar: vent på svaret, eller "
        "trekk den tilbake først."
    ]
    assert db_state() == before


@pytest.mark.parametrize("role", ["buyer", "advisor", "other_buyer", "visitor"])
def test_only_suppliers_ask_and_nothing_changes_for_anyone_else(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None], role: str
) -> None:
    before = db_state()
    answer = client_of(users[role]).post(
        f"/api/needs/{world.need.pk}/meeting-requests/",
        {"organization": world.supplier_org.pk, "week": _label(_week(1)), "topic": TOPIC},
    )
    assert answer.status_code in (401, 403)
    assert db_state() == before


def test_asking_when_the_dialogue_is_closed_or_the_competition_announced_is_refused(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given
    world.client("buyer").post(f"/api/needs/{world.need.pk}/ongoing-dialogue/close/")
    # when
    closed = _ask(users["supplier"], world)
    OngoingDialogue.objects.filter(pk=dialogue.pk).update(status="open")
    _competition(world.need)
    announced = _ask(users["supplier"], world)
    # then
    assert closed.json()["non_field_errors"] == [
        "Innkjøperen har avsluttet den løpende dialogen om dette behovet."
    ]
    assert announced.json()["non_field_errors"] == [
        "Konkurransen er kunngjort; dialogen er avsluttet."
    ]
    assert MeetingRequest.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_suppliers_asking_for_the_last_place_at_once_get_one() -> None:
    # given: one place next week
    need = NeedFactory()
    buyer = MembershipFactory(organization=need.organization).user
    dialogue = ongoing_open(user=buyer, need=need, data={"weekly_capacity": 1, "place": PLACE})
    suppliers = [_rival("Helsetek AS"), _rival()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def ask(user: User) -> None:
        barrier.wait()
        try:
            request_create(
                user=user,
                dialogue=dialogue,
                organization=user.memberships.get().organization,
                week=_week(1),
                topic=TOPIC,
            )
            outcomes.append("asked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    # when: both ask at the same moment, each on its own database connection
    threads = [threading.Thread(target=ask, args=(u,)) for u in suppliers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # then
    assert sorted(outcomes) == ["asked", "refused"]
    assert MeetingRequest.objects.filter(dialogue=dialogue).count() == 1


# ------------------------------------------------------------------ accepting, declining


def test_the_buyer_accepts_with_a_time_and_the_supplier_is_told(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given
    request = _request(world)
    starts = _at(_week(1))
    # when
    answer = _accept(world.client("buyer"), request, starts)
    # then
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert (data["status"], data["place"]) == ("accepted", PLACE)
    assert datetime.fromisoformat(data["ends_at"]) == starts + timedelta(minutes=45)
    [notice] = told(users["supplier"])
    assert notice["title"].startswith("Møte med Bergen kommune: ")
    assert PLACE in notice["body"]
    assert notice["link"] == f"/needs/{world.need.pk}"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("advisor", 403),
        ("other_buyer", 404),
        ("supplier", 403),
        ("competitor", 404),
        ("visitor", 403),
    ],
)
def test_only_the_buyer_accepts_or_declines_and_nothing_changes_for_anyone_else(
    world: World,
    dialogue: OngoingDialogue,
    users: dict[str, User | None],
    role: str,
    status: int,
) -> None:
    request = _request(world)
    before = db_state()
    client = client_of(users[role])
    accepted = _accept(client, request, _at(_week(1)))
    declined = client.post(f"/api/meeting-requests/{request.pk}/decline/", {"reason": "scope"})
    assert (accepted.status_code, declined.status_code) == (status, status)
    assert db_state() == before


@pytest.mark.parametrize(
    ("starts", "body", "field", "says"),
    [
        (lambda: timezone.now() - timedelta(hours=1), {}, "starts_at", "Foreslå et tidspunkt"),
        (lambda: _at(_week(14)), {}, "starts_at", "høyst 12 uker"),
        (
            lambda: _at(_week(1)),
            {"ends_at": "2020-01-01T10:00:00+01:00"},
            "ends_at",
            "Møtet må slutte etter at det starter.",
        ),
        (lambda: _at(_week(1)), {"place": "x" * 201}, "place", "200"),
    ],
)
def test_a_bad_time_is_refused_and_nothing_changes(
    world: World,
    dialogue: OngoingDialogue,
    starts: Any,
    body: dict[str, Any],
    field: str,
    says: str,
) -> None:
    request = _request(world)
    before = db_state()
    answer = _accept(world.client("buyer"), request, starts(), **body)
    assert answer.status_code == 400
    assert says in answer.json()[field][0], answer.json()
    assert db_state() == before


def test_a_time_in_a_full_week_or_over_another_meeting_is_refused(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given: one meeting accepted next Tuesday 10:00, capacity 2, a request waiting for week 2
    first = _request(world, users["supplier"])
    _accept(world.client("buyer"), first, _at(_week(1)))
    second = _request(world, users["competitor"], weeks=1)
    # when
    overlap = _accept(world.client("buyer"), second, _at(_week(1)) + timedelta(minutes=30))
    # then
    assert overlap.status_code == 400
    assert overlap.json()["starts_at"][0].startswith(
        "Møtet overlapper et annet møte i den løpende dialogen"
    )
    # and: a week whose places are held refuses another meeting moved into it
    third = _request(world, _rival("Tredje AS"), weeks=2)
    fourth = _request(world, _rival("Fjerde AS"), weeks=2)
    moved = _accept(world.client("buyer"), second, _at(_week(2), day=3))
    assert moved.status_code == 400
    assert "er full" in moved.json()["starts_at"][0]
    assert {third.status, fourth.status} == {"pending"}


def test_the_buyer_declines_with_a_standard_reply_the_same_for_everyone(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given
    one = _request(world, users["supplier"])
    other = _request(world, users["competitor"])
    # when
    for request in (one, other):
        answer = world.client("buyer").post(
            f"/api/meeting-requests/{request.pk}/decline/", {"reason": "scope"}
        )
        assert answer.status_code == 200
    # then
    [to_one] = told(users["supplier"])
    [to_other] = told(users["competitor"])
    assert to_one["body"] == to_other["body"]
    assert to_one["body"].startswith("Takk for forespørselen. Det dere vil snakke om")
    assert to_one["body"].endswith(
        "Alle leverandører som ber om møte, får svar etter de samme reglene."
    )
    mine = client_of(users["supplier"]).get(f"/api/needs/{world.need.pk}/meeting-requests/")
    [seen] = mine.json()["results"]
    assert seen["reply"] == to_one["body"]


def test_a_decline_takes_no_text_of_its_own(world: World, dialogue: OngoingDialogue) -> None:
    request = _request(world)
    before = db_state()
    answer = world.client("buyer").post(
        f"/api/meeting-requests/{request.pk}/decline/", {"reason": "Vi liker ikke dere"}
    )
    assert answer.status_code == 400
    assert "er ikke et gyldig valg" in answer.json()["reason"][0]
    assert db_state() == before


def test_the_buyer_sees_the_standard_replies_a_waiting_request_may_get(
    world: World, dialogue: OngoingDialogue
) -> None:
    _request(world)
    [row] = (
        world.client("buyer").get(f"/api/needs/{world.need.pk}/meeting-requests/").json()["results"]
    )
    assert [r["reason"] for r in row["replies"]] == ["capacity", "scope", "closing"]
    assert f"uke {_week(1).isocalendar()[1]} (" in row["replies"][0]["text"]


def test_an_answered_request_is_not_answered_again(world: World, dialogue: OngoingDialogue) -> None:
    request = _request(world)
    world.client("buyer").post(f"/api/meeting-requests/{request.pk}/decline/", {"reason": "scope"})
    before = db_state()
    answer = _accept(world.client("buyer"), request, _at(_week(1)))
    assert answer.status_code == 400
    assert answer.json()["non_field_errors"] == [
        "Denne forespørselen er allerede besvart (avslått)."
    ]
    assert db_state() == before


def test_closing_declines_every_waiting_request_with_the_standard_reply(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given
    waiting = _request(world, users["supplier"])
    accepted = _request(world, users["competitor"])
    _accept(world.client("buyer"), accepted, _at(_week(1)))
    # when
    answer = world.client("buyer").post(f"/api/needs/{world.need.pk}/ongoing-dialogue/close/")
    # then
    assert answer.status_code == 200
    assert answer.json()["status"] == "closed"
    waiting.refresh_from_db()
    accepted.refresh_from_db()
    assert (waiting.status, waiting.decline_reason) == ("declined", "closing")
    assert accepted.status == "accepted"
    [notice] = told(users["supplier"])
    assert "avslutter den løpende dialogen" in notice["body"]


# ------------------------------------------------------------------------- withdrawing


def test_the_supplier_withdraws_an_accepted_meeting_and_the_buyer_is_told(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    request = _request(world)
    _accept(world.client("buyer"), request, _at(_week(1)))
    answer = client_of(users["supplier"]).post(f"/api/meeting-requests/{request.pk}/withdraw/")
    assert answer.status_code == 200
    assert answer.json()["status"] == "withdrawn"
    [notice, in_calendar, _asked] = told(users["buyer"])
    assert (
        notice["title"]
        == f"Helsetek AS trakk tilbake møteforespørselen sin om «{world.need.title}»"
    )
    assert in_calendar["title"].startswith("I kalenderen din: møte med Helsetek AS, ")
    assert "Tidspunktet er ledig igjen." in notice["body"]
    weeks = client_of(None).get(f"/api/needs/{world.need.pk}/ongoing-dialogue/").json()["weeks"]
    assert weeks[1]["taken"] == 0


@pytest.mark.parametrize("role", ["buyer", "advisor", "competitor", "other_buyer"])
def test_only_the_supplier_withdraws(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None], role: str
) -> None:
    request = _request(world)
    before = db_state()
    answer = client_of(users[role]).post(f"/api/meeting-requests/{request.pk}/withdraw/")
    assert answer.status_code in (403, 404)
    assert db_state() == before


# ---------------------------------------------------------------------- who sees what


@pytest.mark.parametrize(
    ("role", "sees"),
    [("buyer", 2), ("advisor", 2), ("supplier", 1), ("competitor", 1), ("other_buyer", 0)],
)
def test_each_supplier_sees_its_own_requests_the_buyer_and_advisors_all(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None], role: str, sees: int
) -> None:
    _request(world, users["supplier"])
    _request(world, users["competitor"])
    answer = client_of(users[role]).get(f"/api/needs/{world.need.pk}/meeting-requests/")
    assert answer.status_code == 200
    assert answer.json()["count"] == sees
    if role == "competitor":
        assert b"Helsetek" not in answer.content


@pytest.mark.parametrize("role", ["competitor", "other_buyer"])
def test_a_request_of_another_answers_as_a_missing_one(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None], role: str
) -> None:
    request = _request(world)
    client = client_of(users[role])
    hidden = client.post(f"/api/meeting-requests/{request.pk}/withdraw/")
    missing = client.post("/api/meeting-requests/987654321/withdraw/")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


# ------------------------------------------------------------ the meeting's record


def test_a_held_meeting_of_the_ongoing_dialogue_gets_minutes_and_a_shared_log_entry(
    world: World, dialogue: OngoingDialogue, users: dict[str, User | None]
) -> None:
    # given: an accepted meeting that has been held; a competitor asked too
    request = _request(world, users["supplier"])
    _accept(world.client("buyer"), request, _at(_week(1)))
    held = timezone.now() - timedelta(hours=2)
    MeetingRequest.objects.filter(pk=request.pk).update(
        starts_at=held, ends_at=held + timedelta(minutes=45)
    )
    _request(world, users["competitor"])
    buyer = world.client("buyer")
    # when
    minutes = buyer.put(
        f"/api/meeting-requests/{request.pk}/minutes/",
        {"text": "Vi gikk gjennom behovet.", "send": True},
    )
    shared = buyer.post(
        f"/api/meeting-requests/{request.pk}/shared-information/",
        {"kind": "answer", "text": "Løsningen må fungere uten mobildekning i kjelleren."},
    )
    # then
    assert (minutes.status_code, shared.status_code) == (200, 201), shared.content
    assert minutes.json()["meeting"]["need"] == {"id": world.need.pk, "title": world.need.title}
    sent = next(n for n in told(users["supplier"]) if n["title"].startswith("Referat fra"))
    assert sent["link"] == f"/needs/{world.need.pk}/meetings/{request.pk}"
    routes = re.findall(r"path: '([^']+)'", ROUTER.read_text(encoding="utf-8"))
    patterns = [re.compile("^/" + re.sub(r":\w+", r"[^/]+", r) + "$") for r in routes]
    assert any(p.match(sent["link"]) for p in patterns)
    to_rival = next(n for n in told(users["competitor"]) if n["title"].startswith("Delt i"))
    assert "Møte i den løpende dialogen" in to_rival["body"]
    assert "Helsetek" not in to_rival["body"]
    log = client_of(users["competitor"]).get(f"/api/needs/{world.need.pk}/shared-information/")
    assert [e["meeting_type"] for e in log.json()["results"]] == ["ongoing"]


def test_a_request_that_is_no_meeting_has_no_record(
    world: World, dialogue: OngoingDialogue
) -> None:
    request = _request(world)
    answer = world.client("buyer").get(f"/api/meeting-requests/{request.pk}/minutes/")
    assert answer.status_code == 404
