"""Joint procurement through the API: the flow, what each reader sees of a group on a need's
page, bad input, and the messages in both languages."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.joint.services import group_invite, membership_answer
from backend.needs.models import Need
from backend.notifications.models import Notification
from tests.backend.joint.conftest import Trio
from tests.factories import MembershipFactory, NeedFactory, OrganizationFactory
from tests.factories.joint import similar_pair

State = GroupMembership.State


def _client(user: User | None, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


def _invite(trio: Trio, message: str = "") -> Any:
    return _client(trio.bergen_user).post(
        f"/api/needs/{trio.bergen_need.pk}/joint-procurement/invite/",
        {"other_need": trio.askoy_need.pk, "message": message},
        format="json",
    )


def _active(trio: Trio) -> ProcurementGroup:
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    membership_answer(user=trio.askoy_user, membership=invitation, accept=True)
    return invitation.group


def _outsiders() -> dict[str, User | None]:
    supplier = OrganizationFactory(name="Nattvakt AS", kind=Organization.Kind.SUPPLIER)
    return {
        "visitor": None,
        "other buyer": MembershipFactory(organization=OrganizationFactory(name="Voss herad")).user,
        "supplier": MembershipFactory(organization=supplier).user,
    }


def test_invite_accept_and_both_buyers_see_the_group(trio: Trio) -> None:
    # given
    invited = _invite(trio, "Vi har samme behov for nattilsyn.")
    assert invited.status_code == 201, invited.content
    membership_id = invited.json()["id"]
    # when the invited buyer reads the invitation and accepts
    read = _client(trio.askoy_user).get(f"/api/joint-memberships/{membership_id}/")
    accepted = _client(trio.askoy_user).post(f"/api/joint-memberships/{membership_id}/accept/")
    # then
    assert read.json()["message"] == "Vi har samme behov for nattilsyn."
    assert read.json()["can_answer"] is True
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["state"] == "accepted"
    for user, need in ((trio.bergen_user, trio.bergen_need), (trio.askoy_user, trio.askoy_need)):
        page = _client(user).get(f"/api/needs/{need.pk}/joint-procurement/").json()
        group = page["group"]
        assert group["status"] == "active"
        assert group["lead_organization"]["name"] == "Bergen kommune"
        assert [m["organization"]["name"] for m in group["members"]] == [
            "Bergen kommune",
            "Askøy kommune",
        ]
        assert group["volume"] == {"users": 460, "budget_min": 2_300_000, "budget_max": 4_600_000}
        assert page["public"]["member_count"] == 2
    lead_page = _client(trio.bergen_user).get(
        f"/api/needs/{trio.bergen_need.pk}/joint-procurement/"
    )
    assert lead_page.json()["group"]["can_edit"] is True


def test_the_invited_buyer_sees_the_invitation_on_its_need_page(trio: Trio) -> None:
    # given
    _invite(trio, "Skal vi samarbeide?")
    # when
    page = _client(trio.askoy_user).get(f"/api/needs/{trio.askoy_need.pk}/joint-procurement/")
    # then
    body = page.json()
    assert body["group"] is None
    assert [i["group"]["lead_organization"]["name"] for i in body["invitations"]] == [
        "Bergen kommune"
    ]
    assert body["public"] is None


@pytest.mark.parametrize("role", ["visitor", "other buyer", "supplier"])
def test_outsiders_see_only_the_public_line_of_an_active_group(trio: Trio, role: str) -> None:
    # given
    group = _active(trio)
    group_invite(user=trio.bergen_user, need=trio.bergen_need, other_need=trio.oygarden_need)
    client = _client(_outsiders()[role])
    # when
    page = client.get(f"/api/needs/{trio.askoy_need.pk}/joint-procurement/")
    # then
    assert page.status_code == 200
    assert page.json() == {
        "public": {
            "member_count": 2,
            "title": group.title,
            "description": group.description,
        },
        "group": None,
        "invitations": [],
        "can_invite": False,
    }
    assert "Askøy kommune" not in page.content.decode()
    assert client.get(f"/api/joint-groups/{group.pk}/").status_code in (401, 403, 404)
    invitation = GroupMembership.objects.get(need=trio.oygarden_need)
    assert client.get(f"/api/joint-memberships/{invitation.pk}/").status_code in (401, 403, 404)


def test_the_shared_text_is_not_public_once_the_lead_need_is_a_draft_again(trio: Trio) -> None:
    # given
    _active(trio)
    Need.objects.filter(pk=trio.bergen_need.pk).update(status=Need.Status.DRAFT)
    # when
    page = _client(None).get(f"/api/needs/{trio.askoy_need.pk}/joint-procurement/")
    # then
    assert page.json()["public"] == {"member_count": 2, "title": "", "description": ""}


@pytest.mark.parametrize("role", ["visitor", "other buyer", "supplier"])
def test_a_forming_group_and_its_invitation_show_nowhere_to_outsiders(
    trio: Trio, role: str
) -> None:
    # given
    _invite(trio, "zqjointmessage")
    client = _client(_outsiders()[role])
    # when
    pages = [
        client.get(f"/api/needs/{need.pk}/joint-procurement/")
        for need in (trio.bergen_need, trio.askoy_need)
    ]
    # then
    assert [p.json()["public"] for p in pages] == [None, None]
    assert all(b"zqjointmessage" not in p.content for p in pages)


def test_a_buyer_that_declined_sees_the_group_no_more(trio: Trio) -> None:
    # given
    membership_id = _invite(trio).json()["id"]
    _client(trio.askoy_user).post(f"/api/joint-memberships/{membership_id}/decline/")
    group = ProcurementGroup.objects.get()
    # when
    detail = _client(trio.askoy_user).get(f"/api/joint-groups/{group.pk}/")
    own = _client(trio.askoy_user).get(f"/api/joint-memberships/{membership_id}/")
    # then
    assert detail.status_code == 404
    assert own.json()["state"] == "declined"


def test_the_lead_edits_hands_over_and_dissolves_through_the_api(trio: Trio) -> None:
    # given
    group = _active(trio)
    lead = _client(trio.bergen_user)
    askoy_membership = group.members.get(organization=trio.askoy)
    # when
    edited = lead.patch(
        f"/api/joint-groups/{group.pk}/",
        {"title": "Felles nattilsyn i Bergensregionen", "combined_users": 500},
        format="json",
    )
    handed = lead.post(
        f"/api/joint-groups/{group.pk}/hand-over/",
        {"membership": askoy_membership.pk},
        format="json",
    )
    dissolved = _client(trio.askoy_user).post(f"/api/joint-groups/{group.pk}/dissolve/")
    # then
    assert edited.json()["title"] == "Felles nattilsyn i Bergensregionen"
    assert edited.json()["combined_users"] == 500
    assert handed.json()["lead_organization"]["name"] == "Askøy kommune"
    assert dissolved.json()["status"] == "dissolved"


def test_a_member_leaves_through_the_api(trio: Trio) -> None:
    # given
    group = _active(trio)
    membership = group.members.get(organization=trio.askoy)
    # when
    left = _client(trio.askoy_user).post(f"/api/joint-memberships/{membership.pk}/leave/")
    # then
    assert left.json()["state"] == "left"
    page = _client(None).get(f"/api/needs/{trio.bergen_need.pk}/joint-procurement/")
    assert page.json()["public"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "other_need"),
        ({"other_need": "abc"}, "other_need"),
        ({"other_need": 987_654_321}, "other_need"),
        ({"other_need": None}, "other_need"),
        ({"other_need": [1]}, "other_need"),
        ({"message": "x" * 2001}, "message"),
    ],
)
def test_bad_invitation_input_is_refused_and_changes_nothing(
    trio: Trio, body: dict[str, Any], field: str
) -> None:
    # given
    payload = {"other_need": trio.askoy_need.pk, **body} if field == "message" else body
    # when
    answer = _client(trio.bergen_user).post(
        f"/api/needs/{trio.bergen_need.pk}/joint-procurement/invite/", payload, format="json"
    )
    # then
    assert answer.status_code == 400
    assert field in answer.json()
    assert ProcurementGroup.objects.count() == 0


def test_a_draft_of_another_buyer_is_answered_like_a_missing_need(trio: Trio) -> None:
    # given
    draft = NeedFactory(organization=trio.askoy, status=Need.Status.DRAFT, published_at=None)
    url = f"/api/needs/{trio.bergen_need.pk}/joint-procurement/invite/"
    client = _client(trio.bergen_user)
    # when
    hidden = client.post(url, {"other_need": draft.pk}, format="json")
    missing = client.post(url, {"other_need": 987_654_321}, format="json")
    # then
    assert hidden.status_code == missing.status_code == 400
    assert hidden.json()["other_need"] == [
        m.replace("987654321", str(draft.pk)) for m in missing.json()["other_need"]
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"combined_users": -1}, "combined_users"),
        ({"combined_budget": "mye"}, "combined_budget"),
        ({"description": 7}, "description"),
    ],
)
def test_bad_group_edits_are_refused(trio: Trio, body: dict[str, Any], field: str) -> None:
    # given
    group = _active(trio)
    # when
    answer = _client(trio.bergen_user).patch(f"/api/joint-groups/{group.pk}/", body, format="json")
    # then
    assert answer.status_code == 400
    assert field in answer.json()
    group.refresh_from_db()
    assert group.title == trio.bergen_need.title


def test_hand_over_to_a_stranger_is_refused(trio: Trio) -> None:
    # given
    group = _active(trio)
    # when
    answer = _client(trio.bergen_user).post(
        f"/api/joint-groups/{group.pk}/hand-over/", {"membership": 987_654}, format="json"
    )
    # then
    assert answer.status_code == 400
    assert "Hand the lead over to another member" in str(answer.json())


def test_refusals_speak_norwegian(trio: Trio) -> None:
    # given
    _active(trio)
    # when
    answer = _client(trio.oygarden_user, "nb").post(
        f"/api/needs/{trio.oygarden_need.pk}/joint-procurement/invite/",
        {"other_need": trio.askoy_need.pk},
        format="json",
    )
    # then
    assert answer.status_code == 400
    assert "er allerede med i en felles anskaffelse" in str(answer.json())


def test_the_invitation_notification_reads_in_norwegian(trio: Trio) -> None:
    # given
    _invite(trio)
    # when
    listed = _client(trio.askoy_user, "nb").get("/api/notifications/")
    # then
    titles = [n["title"] for n in listed.json()["results"]]
    assert titles == [
        "Bergen kommune inviterer dere til en felles anskaffelse: «Digitalt nattilsyn i Bergen»"
    ]
    assert Notification.objects.filter(user=trio.bergen_user).count() == 0


def test_the_advisor_lists_groups_by_county_and_status(trio: Trio) -> None:
    # given
    _active(trio)
    advisor = MembershipFactory(
        organization=OrganizationFactory(name="LUP", kind=Organization.Kind.ADVISORY)
    ).user
    client = _client(advisor)
    # when
    here = client.get("/api/joint-groups/", {"county": "46", "status": "active"})
    elsewhere = client.get("/api/joint-groups/", {"county": "03"})
    bad = client.get("/api/joint-groups/", {"status": "pending"})
    # then
    assert [g["title"] for g in here.json()["results"]] == ["Digitalt nattilsyn i Bergen"]
    assert elsewhere.json()["count"] == 0
    assert bad.status_code == 400


def test_a_member_need_taken_back_to_draft_shows_to_the_other_members_no_more(
    trio: Trio,
) -> None:
    # given: Bergen leads, Askøy is a member, then Bergen's need is a draft again
    _active(trio)
    Need.objects.filter(pk=trio.bergen_need.pk).update(status=Need.Status.DRAFT)
    # when
    page = _client(trio.askoy_user).get(f"/api/needs/{trio.askoy_need.pk}/joint-procurement/")
    # then
    group = page.json()["group"]
    assert [m["organization"]["name"] for m in group["members"]] == ["Askøy kommune"]
    assert group["lead_need"]["title"] == ""
    assert "Digitalt nattilsyn i Bergen" not in page.content.decode().replace(group["title"], "")


def test_the_pipeline_counts_joint_procurements(trio: Trio) -> None:
    # given: an active group of two needs, and a group still forming
    _active(trio)
    voss = NeedFactory(organization=OrganizationFactory(name="Voss herad"))
    similar_pair(trio.oygarden_need, voss)
    group_invite(user=trio.oygarden_user, need=trio.oygarden_need, other_need=voss)
    advisor = MembershipFactory(
        organization=OrganizationFactory(name="LUP", kind=Organization.Kind.ADVISORY)
    ).user
    # when
    stats = _client(advisor).get("/api/stats/pipeline/").json()
    # then
    assert (stats["joint_groups_active"], stats["joint_needs_in_groups"]) == (1, 2)
