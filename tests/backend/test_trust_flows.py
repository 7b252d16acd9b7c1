"""Roles are granted, never claimed: registration, verification, joining, inviting,
leaving and co-buyers, as a user meets them through the API."""

import io
import re
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from backend.accounts.models import Decision, Invitation, Membership, Organization, User
from backend.audit.models import AuditEvent
from backend.needs.models import CoBuyerRequest
from backend.notifications.models import Notification
from tests.backend.conftest import World
from tests.factories import (
    CoBuyerRequestFactory,
    JoinRequestFactory,
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    ResponseFactory,
    UserFactory,
    valid_org_number,
)


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _org_body(**extra: object) -> dict[str, object]:
    return {
        "name": "Vestfjord kommune",
        "org_number": valid_org_number(777),
        "kind": "public_buyer",
        "county": "18",
    } | extra


# ---------------------------------------------------------------- registration


def test_registering_an_advisory_organisation_is_refused_and_saves_nothing(db: None) -> None:
    # given
    user = UserFactory()
    before = Organization.objects.count()
    # when
    response = _client(user).post("/api/organizations/", _org_body(kind="advisory"), format="json")
    # then
    assert response.status_code == 400
    assert "driftsteamet" in response.json()["kind"][0]
    assert (Organization.objects.count(), user.memberships.count()) == (before, 0)


def test_a_new_organisation_is_unverified_and_says_what_it_may_do(db: None) -> None:
    # when
    response = _client(UserFactory()).post("/api/organizations/", _org_body(), format="json")
    # then
    assert response.status_code == 201
    body = response.json()
    assert (body["verified"], body["capabilities"]) == (False, ["draft_need"])


def test_an_unconfirmed_email_cannot_register_an_organisation(db: None) -> None:
    # when
    response = _client(UserFactory(email_verified_at=None)).post(
        "/api/organizations/", _org_body(), format="json"
    )
    # then
    assert response.status_code == 403
    assert not Organization.objects.filter(name="Vestfjord kommune").exists()


def test_registering_a_taken_number_asks_to_join_instead(world: World) -> None:
    # given
    newcomer = UserFactory(full_name="Kari Nordmann")
    body = _org_body(
        name="Bergen kommune (ny)",
        org_number=world.buyer_org.org_number,
        message="Jeg er ny innkjøpsrådgiver i Bergen.",
    )
    # when
    response = _client(newcomer).post("/api/organizations/", body, format="json")
    # then
    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    world.buyer_org.refresh_from_db()
    assert world.buyer_org.name == "Bergen kommune"
    assert not world.buyer_org.memberships.filter(user=newcomer).exists()
    admin = world.users["buyer"]
    assert Notification.objects.filter(user=admin, title__contains="Kari Nordmann").exists()


def test_an_admin_approves_a_join_request_and_the_member_can_act(world: World) -> None:
    # given
    request = JoinRequestFactory(organization=world.buyer_org)
    # when
    response = _client(world.users["buyer"]).post(f"/api/join-requests/{request.pk}/approve/")
    # then
    assert response.status_code == 200
    drafts = _client(request.user).get(f"/api/needs/{world.draft_need.pk}/")
    assert drafts.status_code == 200
    assert AuditEvent.objects.filter(action="granted", object_id=str(world.buyer_org.pk)).exists()


def test_an_outsider_cannot_see_or_decide_a_join_request(world: World) -> None:
    # given
    request = JoinRequestFactory(organization=world.buyer_org)
    outsider = _client(world.users["other_buyer"])
    # when
    listed = outsider.get(f"/api/organizations/{world.buyer_org.pk}/join-requests/")
    approved = outsider.post(f"/api/join-requests/{request.pk}/approve/")
    # then
    assert (listed.status_code, approved.status_code) == (404, 404)
    request.refresh_from_db()
    assert request.status == "pending"


def test_a_declined_requester_stays_outside(world: World) -> None:
    # given
    request = JoinRequestFactory(organization=world.buyer_org)
    # when
    _client(world.users["advisor"]).post(f"/api/join-requests/{request.pk}/decline/")
    # then
    request.refresh_from_db()
    assert request.status == Decision.DECLINED
    assert _client(request.user).get(f"/api/needs/{world.draft_need.pk}/").status_code == 404


# ---------------------------------------------------------------- verification


def test_advisors_cannot_verify_an_advisory_organisation(world: World) -> None:
    # given
    advisory = OrganizationFactory(kind=Organization.Kind.ADVISORY, verified=False)
    # when
    response = _client(world.users["advisor"]).post(f"/api/organizations/{advisory.pk}/verify/")
    # then
    assert response.status_code == 403
    advisory.refresh_from_db()
    assert not advisory.verified


def test_an_advisor_withdraws_a_verification_with_a_reason(world: World) -> None:
    # when
    response = _client(world.users["advisor"]).post(
        f"/api/organizations/{world.other_buyer_org.pk}/unverify/",
        {"reason": "Organisasjonsnummeret tilhører en annen virksomhet."},
        format="json",
    )
    # then
    assert response.status_code == 200
    assert response.json()["capabilities"] == ["draft_need"]
    assert AuditEvent.objects.filter(action="revoked", object_type="accounts.organization").exists()


def test_an_unverified_buyer_drafts_but_cannot_publish(db: None) -> None:
    # given
    org = OrganizationFactory(verified=False, name="Nordre Follo kommune")
    user = MembershipFactory(organization=org).user
    need = NeedFactory(organization=org, status="draft", published_at=None)
    # when
    response = _client(user).post(f"/api/needs/{need.pk}/publish/")
    # then
    assert response.status_code == 403
    assert "ikke verifisert ennå" in response.json()["detail"]


def test_the_need_says_who_may_publish_it_now(db: None) -> None:
    # given an unverified buyer's draft, read by its member, by an outsider and after verifying
    org = OrganizationFactory(verified=False, name="Nordre Follo kommune")
    member = MembershipFactory(organization=org).user
    outsider = MembershipFactory(organization=OrganizationFactory(verified=True)).user
    need = NeedFactory(organization=org, status="draft", published_at=None)

    def can_publish(user: User) -> object:
        response = _client(user).get(f"/api/needs/{need.pk}/")
        return response.json().get("can_publish") if response.status_code == 200 else None

    # when / then: the member waits for the advisor; the outsider does not see the draft at all
    assert (can_publish(member), can_publish(outsider)) == (False, None)
    org.verified = True
    org.save(update_fields=["verified"])
    assert can_publish(member) is True


def test_an_unverified_buyer_reads_no_responses_to_its_own_need(db: None) -> None:
    # given
    org = OrganizationFactory(verified=False)
    user = MembershipFactory(organization=org).user
    response = ResponseFactory(need=NeedFactory(organization=org))
    # when
    listed = _client(user).get("/api/responses/")
    detail = _client(user).get(f"/api/responses/{response.pk}/")
    # then
    assert (listed.json()["count"], detail.status_code) == (0, 404)


def test_an_unverified_supplier_responds_and_shows_as_unverified(world: World) -> None:
    # given
    org = OrganizationFactory(kind=Organization.Kind.SUPPLIER, verified=False)
    user = MembershipFactory(organization=org).user
    body = {
        "need": world.need.pk,
        "organization": org.pk,
        "summary": "Sensorer uten kamera",
        "body": "Vi har testet radarbasert fallvarsling i to sykehjem i Agder siden 2024.",
    }
    # when
    response = _client(user).post("/api/responses/", body, format="json")
    # then
    assert response.status_code == 201
    seen_by_buyer = _client(world.users["buyer"]).get(f"/api/responses/{response.json()['id']}/")
    assert seen_by_buyer.json()["organization"]["verified"] is False


# ---------------------------------------------------------------- members and invitations


def _invite(world: World, email: str, capture: Any) -> str:
    mail.outbox.clear()
    with capture(execute=True):
        response = _client(world.users["buyer"]).post(
            f"/api/organizations/{world.buyer_org.pk}/invitations/",
            {"email": email, "role": "member"},
            format="json",
        )
    assert response.status_code == 201
    match = re.search(r"token=(\S+)", mail.outbox[0].body)
    assert match is not None
    return match.group(1)


def test_an_invited_person_joins_by_the_signed_link(
    world: World,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    invitee = UserFactory(email="ny.kollega@bergen.kommune.no", email_verified_at=None)
    token = _invite(world, "Ny.Kollega@bergen.kommune.no", django_capture_on_commit_callbacks)
    # when
    response = _client(invitee).post("/api/invitations/accept/", {"token": token}, format="json")
    # then
    assert response.status_code == 200
    invitee.refresh_from_db()
    assert invitee.email_verified
    assert world.buyer_org.memberships.filter(user=invitee, role="member").exists()


def test_an_invitation_cannot_be_used_by_another_address_or_twice(
    world: World,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    token = _invite(world, "ny.kollega@bergen.kommune.no", django_capture_on_commit_callbacks)
    invitee = UserFactory(email="ny.kollega@bergen.kommune.no")
    # when
    wrong = _client(world.users["supplier"]).post(
        "/api/invitations/accept/", {"token": token}, format="json"
    )
    first = _client(invitee).post("/api/invitations/accept/", {"token": token}, format="json")
    again = _client(invitee).post("/api/invitations/accept/", {"token": token}, format="json")
    tampered = _client(invitee).post(
        "/api/invitations/accept/", {"token": token[:-2] + "xx"}, format="json"
    )
    # then
    assert [r.status_code for r in (wrong, first, again, tampered)] == [403, 200, 400, 400]
    assert not world.supplier_org.memberships.filter(user__email=invitee.email).exists()


def test_only_admins_invite(world: World) -> None:
    # given
    member = MembershipFactory(organization=world.buyer_org, role=Membership.Role.MEMBER).user
    # when
    response = _client(member).post(
        f"/api/organizations/{world.buyer_org.pk}/invitations/",
        {"email": "venn@example.no"},
        format="json",
    )
    # then
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_the_last_admin_cannot_leave_but_can_hand_over_first(world: World) -> None:
    # given
    admin = world.users["buyer"]
    assert admin is not None
    own = world.buyer_org.memberships.get(user=admin)
    colleague = MembershipFactory(organization=world.buyer_org, role=Membership.Role.MEMBER)
    client = _client(admin)
    url = f"/api/organizations/{world.buyer_org.pk}/members/{own.pk}/"
    # when
    refused = client.delete(url)
    handed = client.post(
        f"/api/organizations/{world.buyer_org.pk}/hand-over/",
        {"membership_id": colleague.pk},
        format="json",
    )
    left = client.delete(url)
    # then
    assert [r.status_code for r in (refused, handed, left)] == [400, 200, 204]
    colleague.refresh_from_db()
    assert colleague.role == Membership.Role.ADMIN


def test_a_removed_member_loses_the_drafts(world: World) -> None:
    # given
    colleague = MembershipFactory(organization=world.buyer_org, role=Membership.Role.MEMBER)
    # when
    removed = _client(world.users["buyer"]).delete(
        f"/api/organizations/{world.buyer_org.pk}/members/{colleague.pk}/"
    )
    # then
    assert removed.status_code == 204
    colleague_client = _client(User.objects.get(pk=colleague.user_id))
    assert colleague_client.get(f"/api/needs/{world.draft_need.pk}/").status_code == 404


def test_a_member_cannot_make_themself_admin(world: World) -> None:
    # given
    own = MembershipFactory(organization=world.buyer_org, role=Membership.Role.MEMBER)
    # when
    response = _client(own.user).patch(
        f"/api/organizations/{world.buyer_org.pk}/members/{own.pk}/",
        {"role": "admin"},
        format="json",
    )
    # then
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.role == Membership.Role.MEMBER


# ---------------------------------------------------------------- co-buyers


def test_adding_a_co_buyer_is_a_request_that_reads_nothing_until_accepted(world: World) -> None:
    # when
    edited = _client(world.users["buyer"]).patch(
        f"/api/needs/{world.draft_need.pk}/",
        {"co_buyer_ids": [world.other_buyer_org.pk]},
        format="json",
    )
    # then
    assert edited.status_code == 200
    assert edited.json()["co_buyers"] == []
    assert [o["id"] for o in edited.json()["pending_co_buyers"]] == [world.other_buyer_org.pk]
    other = _client(world.users["other_buyer"])
    assert other.get(f"/api/needs/{world.draft_need.pk}/").status_code == 404


def test_accepting_lets_the_co_buyer_read_responses_and_tells_the_supplier(world: World) -> None:
    # given
    request = CoBuyerRequestFactory(need=world.need, organization=world.other_buyer_org)
    other = _client(world.users["other_buyer"])
    need_url = f"/api/needs/{world.need.pk}/"
    assert other.get(need_url).json()["can_read_responses"] is False
    # when
    accepted = other.post(f"/api/co-buyer-requests/{request.pk}/accept/")
    # then
    assert accepted.status_code == 200
    assert other.get(f"/api/responses/{world.response.pk}/").status_code == 200
    assert other.get(need_url).json()["can_read_responses"] is True
    told = Notification.objects.get(user=world.users["supplier"])
    assert "Trondheim kommune" in told.title


def test_a_plain_member_cannot_accept_for_the_organisation(world: World) -> None:
    # given
    request = CoBuyerRequestFactory(need=world.need, organization=world.other_buyer_org)
    member = MembershipFactory(organization=world.other_buyer_org, role=Membership.Role.MEMBER)
    # when
    response = _client(member.user).post(f"/api/co-buyer-requests/{request.pk}/accept/")
    # then
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "pending"


def test_an_unverified_buyer_cannot_be_asked_to_be_co_buyer(world: World) -> None:
    # given
    unverified = OrganizationFactory(verified=False, name="Nordre Follo kommune")
    # when
    response = _client(world.users["buyer"]).patch(
        f"/api/needs/{world.need.pk}/", {"co_buyer_ids": [unverified.pk]}, format="json"
    )
    # then
    assert response.status_code == 400
    assert "før en rådgiver har verifisert" in response.json()["co_buyers"][0]
    assert not CoBuyerRequest.objects.exists()


def test_a_refusal_speaks_english_to_an_english_reader(db: None) -> None:
    # given
    org = OrganizationFactory(verified=False, name="Nordre Follo kommune")
    user = MembershipFactory(organization=org).user
    need = NeedFactory(organization=org, status="draft", published_at=None)
    # when
    response = _client(user).post(f"/api/needs/{need.pk}/publish/", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert response.status_code == 403
    assert "is not verified yet" in response.json()["detail"]


def test_an_operator_sets_up_a_verified_advisory_organisation(db: None) -> None:
    # given
    advisor = UserFactory(email="radgiver@lup-vest.no")
    # when
    call_command(
        "advisory_create",
        "--name=LUP Vest",
        "--org-number=123456785",
        "--admin-email=radgiver@lup-vest.no",
        stdout=io.StringIO(),
    )
    # then
    me = _client(advisor).get("/api/auth/me/").json()
    assert me["is_advisor"] is True
    assert AuditEvent.objects.filter(action="granted", data__user=advisor.pk).exists()


def test_the_operator_command_refuses_an_unknown_advisor(db: None) -> None:
    # when / then
    with pytest.raises(CommandError, match=r"e-post|e-mail"):
        call_command(
            "advisory_create",
            "--name=LUP Vest",
            "--org-number=123456785",
            "--admin-email=finnes.ikke@lup-vest.no",
        )
    assert not Organization.objects.filter(name="LUP Vest").exists()
