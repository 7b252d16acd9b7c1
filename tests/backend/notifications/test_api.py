"""The in-app list: one's own notifications only, texts in the reader's language, read and
unread with a count, and one's choices per kind."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.notifications.messages import Introduction, MeetingBooked
from backend.notifications.models import Channel, Notification, NotificationKind
from backend.notifications.services import notification_send
from tests.backend.conftest import World


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _introduce(world: World, user: User | None) -> Notification:
    assert user is not None
    message = Introduction(need_id=world.need.pk, need=world.need.title, other="Trygghetsalarm")
    return notification_send(message=message, users=[user])[0]


def test_the_list_holds_ones_own_notifications_newest_first(
    world: World, django_assert_max_num_queries: Any
) -> None:
    # given
    buyer, supplier = world.users["buyer"], world.users["supplier"]
    first, second = _introduce(world, buyer), _introduce(world, buyer)
    _introduce(world, supplier)
    # when
    with django_assert_max_num_queries(4):
        answer = _client(buyer).get("/api/notifications/")
    # then
    assert answer.status_code == 200
    assert [n["id"] for n in answer.json()["results"]] == [second.pk, first.pk]
    assert answer.json()["results"][0]["link"] == f"/needs/{world.need.pk}"
    assert answer.json()["results"][0]["kind"] == NotificationKind.INTRODUCTION


def test_texts_follow_the_readers_language(world: World) -> None:
    # given: made in the recipient's language (nb)
    _introduce(world, world.users["buyer"])
    client = _client(world.users["buyer"])
    # when
    nb = client.get("/api/notifications/", HTTP_ACCEPT_LANGUAGE="nb").json()["results"][0]
    en = client.get("/api/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    # then
    assert nb["title"].startswith("Introduksjon:")
    assert en["title"].startswith("Introduction:")
    assert "LUP-rådgiver" in nb["body"] and "LUP advisor" in en["body"]


def test_times_are_local_in_the_readers_format(world: World) -> None:
    # given
    message = MeetingBooked(
        conference_id=world.conference.pk,
        conference=world.conference.title,
        supplier="Helsetek AS",
        starts_at="2030-03-01T08:00:00+00:00",
    )
    notification_send(message=message, users=[world.users["buyer"]])
    # when
    answer = _client(world.users["buyer"]).get("/api/notifications/", HTTP_ACCEPT_LANGUAGE="nb")
    # then: 08:00 UTC is 09:00 in Oslo
    assert "01.03.2030 09:00" in answer.json()["results"][0]["title"]


def test_reading_marks_read_and_the_count_follows(world: World) -> None:
    # given
    buyer = world.users["buyer"]
    first, second = _introduce(world, buyer), _introduce(world, buyer)
    client = _client(buyer)
    # when
    marked = client.post(f"/api/notifications/{first.pk}/read/")
    # then
    assert marked.status_code == 200 and marked.json()["read_at"] is not None
    assert client.get("/api/notifications/unread-count/").json() == {"unread": 1}
    unread = client.get("/api/notifications/?unread=true").json()["results"]
    assert [n["id"] for n in unread] == [second.pk]
    # and all at once
    assert client.post("/api/notifications/read-all/").json() == {"marked": 1}
    assert client.get("/api/notifications/unread-count/").json() == {"unread": 0}


def test_anothers_notification_cannot_be_marked_and_is_not_told_apart(world: World) -> None:
    # given
    theirs = _introduce(world, world.users["supplier"])
    missing = Notification.objects.order_by("-pk").first().pk + 1000  # type: ignore[union-attr]
    client = _client(world.users["buyer"])
    # when
    answers = [client.post(f"/api/notifications/{pk}/read/") for pk in (theirs.pk, missing)]
    # then
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].content == answers[1].content
    assert Notification.objects.get(pk=theirs.pk).read_at is None


@pytest.mark.parametrize(
    "path",
    ["/api/notifications/", "/api/notifications/unread-count/", "/api/notifications/preferences/"],
)
def test_a_visitor_is_asked_to_sign_in(db: None, path: str) -> None:
    assert _client(None).get(path).status_code in (401, 403)


def test_every_kind_is_offered_with_its_default(world: World) -> None:
    # when
    answer = _client(world.users["advisor"]).get(
        "/api/notifications/preferences/", HTTP_ACCEPT_LANGUAGE="nb"
    )
    # then
    rows = {p["kind"]: p for p in answer.json()}
    assert set(rows) == set(NotificationKind.values)
    assert rows["need_to_curate"]["channel"] == rows["need_to_curate"]["default"] == "digest"
    assert rows["meeting_booked"]["channel"] == "email"
    assert rows["need_to_curate"]["audiences"] == ["advisor"]
    assert rows["meeting_booked"]["title"] == "En leverandør booket et 1:1-møte"


def test_a_choice_is_kept_and_applied(world: World) -> None:
    # given
    buyer = world.users["buyer"]
    client = _client(buyer)
    # when
    chosen = client.put(
        "/api/notifications/preferences/introduction/", {"channel": "off"}, format="json"
    )
    message = Introduction(need_id=world.need.pk, need=world.need.title, other="Trygghetsalarm")
    made = notification_send(message=message, users=[buyer, world.users["supplier"]])
    # then: nothing at all for that kind to the buyer; the supplier chose nothing
    assert (chosen.status_code, chosen.json()["channel"]) == (200, Channel.OFF)
    assert [n.user for n in made] == [world.users["supplier"]]


@pytest.mark.parametrize(
    ("kind", "body", "status"),
    [
        ("introduction", {"channel": "sometimes"}, 400),
        ("introduction", {}, 400),
        ("no_such_kind", {"channel": "off"}, 404),
    ],
)
def test_a_bad_choice_is_refused_and_changes_nothing(
    world: World, kind: str, body: dict[str, str], status: int
) -> None:
    # when
    answer = _client(world.users["buyer"]).put(
        f"/api/notifications/preferences/{kind}/", body, format="json"
    )
    # then
    assert answer.status_code == status
    assert not world.users["buyer"].notification_preferences.exists()  # type: ignore[union-attr]


def test_the_personal_data_copy_holds_ones_notifications_choices_and_emails(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    buyer = world.users["buyer"]
    assert buyer is not None
    _client(buyer).put(
        "/api/notifications/preferences/need_to_curate/", {"channel": "off"}, format="json"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _introduce(world, buyer)
    _introduce(world, world.users["supplier"])
    # when
    data = _client(buyer).get("/api/auth/me/export/").json()
    # then: one's own only
    assert [n["kind"] for n in data["notifications"]] == ["introduction"]
    assert [(p["kind"], p["channel"]) for p in data["notification_preferences"]] == [
        ("need_to_curate", "off")
    ]
    assert [(e["kind"], e["status"]) for e in data["notification_emails"]] == [("instant", "sent")]
