"""The need's title and description in a second language, for its notices."""

import pytest

from backend.notices.models import NoticeText
from tests.backend.conftest import World

pytestmark = pytest.mark.django_db

TEXT = {"title": "Safety alarms for older people", "description": "Better follow-up at home."}


def test_the_buyer_writes_rewrites_and_removes_the_english_text(world: World) -> None:
    client = world.client("buyer")
    base = f"/api/needs/{world.need.pk}/notice-texts/"
    # when the buyer writes it, then again
    assert client.put(f"{base}en/", TEXT, format="json").status_code == 200
    answer = client.put(f"{base}en/", {**TEXT, "title": "Safety alarms"}, format="json")
    # then there is one English text, the latest
    assert answer.status_code == 200
    assert [t["title"] for t in client.get(base).json()] == ["Safety alarms"]
    # and it goes
    assert client.delete(f"{base}en/").status_code == 204
    assert client.get(base).json() == []
    assert client.delete(f"{base}en/").status_code == 404


def test_an_advisor_may_write_it(world: World) -> None:
    url = f"/api/needs/{world.need.pk}/notice-texts/en/"
    assert world.client("advisor").put(url, TEXT, format="json").status_code == 200


@pytest.mark.parametrize("role", ["supplier", "other_buyer"])
def test_others_may_not(world: World, role: str) -> None:
    url = f"/api/needs/{world.need.pk}/notice-texts/en/"
    assert world.client(role).put(url, TEXT, format="json").status_code == 403
    assert world.client(role).get(f"/api/needs/{world.need.pk}/notice-texts/").status_code == 403
    assert not NoticeText.objects.exists()


def test_a_visitor_must_log_in(world: World) -> None:
    url = f"/api/needs/{world.need.pk}/notice-texts/en/"
    assert world.client("visitor").put(url, TEXT, format="json").status_code in (401, 403)


@pytest.mark.parametrize(
    ("language", "body", "status", "field"),
    [
        ("nb", TEXT, 400, "language"),
        ("en", {"title": "", "description": "x"}, 400, "title"),
        ("en", {"title": "x" * 201, "description": "x"}, 400, "title"),
        ("en", {"title": "x"}, 400, "description"),
        ("de", TEXT, 404, None),
    ],
)
def test_bad_input_changes_nothing(
    world: World, language: str, body: dict[str, str], status: int, field: str | None
) -> None:
    url = f"/api/needs/{world.need.pk}/notice-texts/{language}/"
    answer = world.client("buyer").put(url, body, format="json")
    assert answer.status_code == status
    if field:
        assert field in answer.json()
    assert not NoticeText.objects.exists()


def test_a_hidden_draft_is_a_404(world: World) -> None:
    url = f"/api/needs/{world.draft_need.pk}/notice-texts/en/"
    assert world.client("supplier").put(url, TEXT, format="json").status_code == 404
