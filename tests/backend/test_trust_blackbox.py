"""Black-box: a newcomer signs in over real HTTP (a live server, CSRF and session cookies
as a browser has them) and tries every escalation the old platform allowed. Each attempt
answers 4xx, and nothing confidential comes back."""

from dataclasses import dataclass
from typing import Any

import pytest
import requests

from backend.accounts.models import Organization
from tests.backend.conftest import World
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    SlotFactory,
    UserFactory,
    valid_org_number,
)

PASSWORD = "hemmelig-passord-1"


@dataclass
class Browser:
    base: str
    session: requests.Session

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        return self.session.request(
            method,
            self.base + path,
            json=body,
            headers={"X-CSRFToken": token, "Referer": self.base + "/"},
            timeout=30,
        )


def _signed_in(base: str, email: str) -> Browser:
    browser = Browser(base=base, session=requests.Session())
    browser.call("get", "/api/auth/session/")
    login = browser.call("post", "/api/auth/session/", {"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.text
    return browser


@pytest.fixture
def newcomer(live_server: Any, world: World) -> Browser:
    user = UserFactory(email="ny.bruker@example.no")
    return _signed_in(live_server.url, user.email)


def _confidential(world: World) -> list[str]:
    return [world.response.body, world.response.summary, world.draft_need.title]


def _assert_nothing_confidential(world: World, response: requests.Response) -> None:
    leaked = [m for m in _confidential(world) if m in response.text]
    assert leaked == [], response.request.url


def test_a_newcomer_cannot_make_themself_an_advisor(newcomer: Browser, world: World) -> None:
    # when
    attempt = newcomer.call(
        "post",
        "/api/organizations/",
        {
            "name": "Innovasjonsrådgiverne AS",
            "org_number": valid_org_number(901),
            "kind": "advisory",
        },
    )
    responses = newcomer.call("get", "/api/responses/")
    me = newcomer.call("get", "/api/auth/me/")
    # then
    assert attempt.status_code == 400
    assert not Organization.objects.filter(name="Innovasjonsrådgiverne AS").exists()
    assert responses.json()["count"] == 0
    assert me.json()["is_advisor"] is False
    _assert_nothing_confidential(world, responses)


def test_a_newcomer_buyer_drafts_but_cannot_publish_verify_or_read(
    newcomer: Browser, world: World
) -> None:
    # given
    org = newcomer.call(
        "post",
        "/api/organizations/",
        {"name": "Vestfjord kommune", "org_number": valid_org_number(902), "kind": "public_buyer"},
    ).json()
    need = newcomer.call(
        "post",
        "/api/needs/",
        {
            "organization": org["id"],
            "title": "Digitalt tilsyn i omsorgsboliger",
            "description": "Nattevakter går mange runder som vekker beboerne unødig hver natt.",
            "sector": "helse-og-omsorg",
        },
    )
    assert need.status_code == 201
    # when
    attempts = [
        newcomer.call("post", f"/api/needs/{need.json()['id']}/publish/"),
        newcomer.call("post", f"/api/organizations/{org['id']}/verify/"),
        newcomer.call("get", f"/api/responses/{world.response.pk}/"),
        newcomer.call("get", f"/api/needs/{world.need.pk}/responses/"),
        newcomer.call("get", f"/api/needs/{world.draft_need.pk}/"),
        newcomer.call("patch", f"/api/needs/{world.need.pk}/", {"title": "Kapret"}),
        newcomer.call("post", f"/api/slots/{SlotFactory(conference=world.conference).pk}/cancel/"),
        newcomer.call("get", "/api/matches/queue/"),
        newcomer.call("get", "/api/matches/export/"),
    ]
    # then
    codes = [a.status_code for a in attempts]
    assert codes[:3] == [403, 403, 404]
    assert all(400 <= c < 500 for c in codes[4:]), codes
    assert attempts[3].json().get("count", 0) == 0
    for attempt in attempts:
        _assert_nothing_confidential(world, attempt)


def test_a_newcomer_cannot_squat_an_organisation_number(newcomer: Browser, world: World) -> None:
    # when
    squat = newcomer.call(
        "post",
        "/api/organizations/",
        {"name": "Bergen", "org_number": world.buyer_org.org_number, "kind": "public_buyer"},
    )
    drafts = newcomer.call("get", f"/api/needs/{world.draft_need.pk}/")
    members = newcomer.call("get", f"/api/organizations/{world.buyer_org.pk}/members/")
    # then
    assert squat.status_code == 202
    assert (drafts.status_code, members.status_code) == (404, 404)
    assert world.buyer_org.memberships.count() == 1


def test_a_self_made_advisory_membership_grants_nothing(live_server: Any, world: World) -> None:
    # given: an advisory organisation that no operator verified (e.g. made in an old version)
    user = UserFactory(email="falsk.radgiver@example.no")
    MembershipFactory(user=user, organization=OrganizationFactory(kind="advisory", verified=False))
    browser = _signed_in(live_server.url, user.email)
    # when
    attempts = [
        browser.call("get", "/api/responses/"),
        browser.call(
            "post", f"/api/organizations/{OrganizationFactory(verified=False).pk}/verify/"
        ),
        browser.call("patch", f"/api/needs/{world.need.pk}/", {"title": "Kapret"}),
        browser.call("get", "/api/matches/queue/"),
    ]
    # then
    assert attempts[0].json()["count"] == 0
    assert [a.status_code for a in attempts[1:]] == [403, 403, 403]
    for attempt in attempts:
        _assert_nothing_confidential(world, attempt)


def test_a_newcomer_administrator_changes_only_its_own_profile_and_no_checked_fact(
    newcomer: Browser, world: World
) -> None:
    # given a newcomer who registered an organisation (its administrator, unverified)
    org = newcomer.call(
        "post",
        "/api/organizations/",
        {"name": "Nordfjord kommune", "org_number": valid_org_number(903), "kind": "public_buyer"},
    ).json()
    before = Organization.objects.get(pk=world.buyer_org.pk)
    # when it tries another organisation's profile, and its own checked facts through its profile
    other = newcomer.call(
        "patch", f"/api/organizations/{world.buyer_org.pk}/", {"phone": "99 99 99 99"}
    )
    own = newcomer.call(
        "patch",
        f"/api/organizations/{org['id']}/",
        {"verified": True, "kind": "advisory", "name": "LUP", "phone": "57 00 00 00"},
    )
    anonymous = requests.patch(
        f"{newcomer.base}/api/organizations/{org['id']}/", json={"phone": "11 11 11 11"}, timeout=30
    )
    # then the other's is refused and unchanged; its own takes only the profile's field
    assert other.status_code == 403
    after = Organization.objects.get(pk=world.buyer_org.pk)
    assert (after.phone, after.updated_at) == (before.phone, before.updated_at)
    assert own.status_code == 200, own.text
    mine = Organization.objects.get(pk=org["id"])
    assert (mine.verified, mine.kind, mine.name, mine.phone) == (
        False,
        Organization.Kind.PUBLIC_BUYER,
        "Nordfjord kommune",
        "57 00 00 00",
    )
    assert newcomer.call("get", "/api/auth/me/").json()["is_advisor"] is False
    assert anonymous.status_code == 403
    assert Organization.objects.get(pk=org["id"]).phone == "57 00 00 00"
