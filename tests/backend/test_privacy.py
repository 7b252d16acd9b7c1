"""A person's rights over their data: a copy of it as JSON (their data and nobody else's),
and deleting their account (personal data erased, the organisation's content kept, every
session and token dead, audit-logged; the last administrator hands over first)."""

import json
from datetime import timedelta
from typing import Any

from axes.models import AccessLog
from django.core import mail
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from knox.models import AuthToken
from rest_framework.test import APIClient

from backend.accounts.auth_services import api_token_create
from backend.accounts.models import Invitation, Membership, Organization, User
from backend.accounts.services import invitation_create
from backend.audit.models import AuditEvent
from backend.dialogue.models import Registration
from backend.dialogue.services import question_ask, registration_create, slot_book
from backend.discovery.models import SavedSearch
from backend.discovery.services import saved_search_create
from backend.identity.models import ExternalIdentity
from backend.identity.services import identity_connect
from backend.needs.models import Need
from backend.notifications.messages import OrganizationVerified, SavedSearchHits
from backend.notifications.models import Notification
from backend.notifications.services import notification_send
from backend.privacy.selectors import OIDC_BACKEND
from backend.responses.models import Response
from backend.responses.services import response_create
from tests.backend.conftest import World
from tests.factories import (
    JoinRequestFactory,
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    UserFactory,
)

PASSWORD = "hemmelig-passord-1"
ISSUER = "http://127.0.0.1:58080/idporten"
EXPORT = "/api/auth/me/export/"
DELETION = "/api/auth/me/deletion/"


def _client(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _supplier(world: World) -> User:
    user = world.users["supplier"]
    assert user is not None
    return user


def _colleague(world: World, role: str = Membership.Role.ADMIN) -> User:
    """A colleague at the supplier, by default a second administrator."""
    return MembershipFactory(
        organization=world.supplier_org,
        role=role,
        user=UserFactory(email="kollega@helsetek.no", full_name="Kari Kollega"),
    ).user


def _active_supplier(world: World) -> dict[str, Any]:
    """The supplier takes part in everything, beside a colleague who does too."""
    user, colleague = _supplier(world), _colleague(world)
    people = [
        {"name": "Sara Nilsen", "email": user.email, "role": "Daglig leder"},
        {"name": "Kari Kollega", "email": colleague.email, "role": "Utvikler"},
    ]
    registration_create(
        user=user, conference=world.conference, organization=world.supplier_org, participants=people
    )
    slot_book(user=user, slot=world.slot, organization=world.supplier_org)
    question_ask(
        user=user,
        conference=world.conference,
        organization=world.supplier_org,
        text="Hvor mange brukere skal løsningen dekke?",
    )
    response = response_create(
        user=user,
        need=world.need,
        organization=world.supplier_org,
        summary="Sensorbasert tilsyn",
        body="Vi foreslår sensorbasert tilsyn med varsling til hjemmetjenesten.",
    )
    saved_search_create(user=user, data={"name": "Helse i Vestland", "query": "helse"})
    saved_search_create(user=colleague, data={"name": "Kollegas søk", "query": "skole"})
    verified = OrganizationVerified(organization_id=world.supplier_org.pk, organization="Helsetek")
    notification_send(message=verified, users=[user])
    hits = SavedSearchHits(
        name="Kollegas søk",
        query="skole",
        filters=[],
        hits=[{"kind": "need", "title": "Digital skolehverdag", "organization": "Oslo kommune"}],
        more=0,
    )
    notification_send(message=hits, users=[colleague])
    other_org = OrganizationFactory(name="Omsorgsteknikk AS", kind=Organization.Kind.SUPPLIER)
    admin = MembershipFactory(organization=other_org).user
    invitation_create(user=admin, organization=other_org, email=user.email)
    JoinRequestFactory(user=user, organization=world.other_buyer_org, message="Jeg vil bidra")
    identity_connect(user=user, issuer=ISSUER, subject="sara-123")
    api_token_create(user=user)
    return {"colleague": colleague, "response": response, "admin": admin}


def test_a_user_downloads_their_personal_data(world: World) -> None:
    # given
    _active_supplier(world)
    user = _supplier(world)
    # when
    answer = _client(user).get(EXPORT)
    # then
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith(
        'attachment; filename="innovasjonstorget-mine-data-'
    )
    data = answer.json()
    assert data["profile"]["email"] == user.email
    assert data["profile"]["has_password"] is True
    assert [m["organization"]["name"] for m in data["memberships"]] == ["Helsetek AS"]
    assert [j["message"] for j in data["join_requests"]] == ["Jeg vil bidra"]
    assert [i["organization"]["name"] for i in data["invitations"]] == ["Omsorgsteknikk AS"]
    assert [(i["issuer"], i["subject"]) for i in data["identities"]] == [(ISSUER, "sara-123")]
    assert len(data["api_tokens"]) == 1 and set(data["api_tokens"][0]) == {
        "id",
        "created",
        "expiry",
    }
    assert [q["text"] for q in data["questions"]] == ["Hvor mange brukere skal løsningen dekke?"]
    assert [r["conference"]["id"] for r in data["registrations"]] == [world.conference.pk]
    assert data["registrations"][0]["you_as_participant"] == [
        {"name": "Sara Nilsen", "email": user.email, "role": "Daglig leder"}
    ]
    assert [parse_datetime(b["starts_at"]) for b in data["bookings"]] == [world.slot.starts_at]
    assert [(r["summary"], r["need"]["id"]) for r in data["responses"]] == [
        ("Sensorbasert tilsyn", world.need.pk)
    ]
    assert [s["name"] for s in data["saved_searches"]] == ["Helse i Vestland"]
    assert [n["kind"] for n in data["notifications"]] == [
        "registration_confirmed",
        "meeting_confirmed",
        "organization_verified",
    ]
    assert data["notifications"][-1]["title"] == "Helsetek er verifisert"
    assert {"registered", "booked", "created"} <= {e["action"] for e in data["audit_events"]}


def test_the_copy_holds_nobody_elses_data(world: World) -> None:
    # given
    given = _active_supplier(world)
    world.client("buyer").get(f"/api/needs/{world.need.pk}/responses/")
    # when
    text = _client(_supplier(world)).get(EXPORT).content.decode()
    # then
    colleague, admin = given["colleague"], given["admin"]
    for foreign in (
        colleague.email,
        "Kari Kollega",
        "Kollegas søk",
        "Digital skolehverdag",
        admin.email,
        admin.full_name,
        "innkjoper@bergen.kommune.no",
    ):
        assert foreign not in text
    assert f'"user": {colleague.pk}' not in text


def test_the_copy_lists_the_confidential_responses_the_person_read(world: World) -> None:
    # given
    world.client("buyer").get(f"/api/responses/{world.response.pk}/")
    buyer = world.users["buyer"]
    assert buyer is not None
    # when
    data = _client(buyer).get(EXPORT).json()
    # then
    assert [
        (r["response_id"], r["organization"]["name"], r["via"]) for r in data["responses_read"]
    ] == [(world.response.pk, "Bergen kommune", "detail")]


def test_a_response_written_for_an_organisation_left_keeps_its_content_out(world: World) -> None:
    # given
    given = _active_supplier(world)
    user = _supplier(world)
    Membership.objects.filter(user=user).update(role=Membership.Role.MEMBER)
    Membership.objects.filter(user=given["colleague"]).update(role=Membership.Role.ADMIN)
    _client(user).delete(
        f"/api/organizations/{world.supplier_org.pk}/members/"
        f"{world.supplier_org.memberships.get(user=user).pk}/"
    )
    # when
    data = _client(user).get(EXPORT).json()
    # then
    assert [(r["id"], r["summary"], r["body"], r["need"]) for r in data["responses"]] == [
        (given["response"].pk, None, None, None)
    ]


def test_the_download_is_audit_logged_and_needs_a_sign_in(world: World) -> None:
    # given
    user = _supplier(world)
    # when
    _client(user).get(EXPORT)
    anonymous = APIClient().get(EXPORT)
    # then
    assert anonymous.status_code in (401, 403)
    assert AuditEvent.objects.filter(
        action="exported", object_type="accounts.user", object_id=str(user.pk), actor=user
    ).exists()


def test_deleting_the_account_erases_the_person_and_keeps_the_organisations_content(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    # given
    given = _active_supplier(world)
    user = _supplier(world)
    pk, email = user.pk, user.email
    AccessLog.objects.create(username=email, ip_address="10.0.0.1", user_agent="Firefox")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        deleted = _client(user).post(DELETION, {"password": PASSWORD}, format="json")
    # then
    assert deleted.status_code == 204
    assert not User.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert not ExternalIdentity.objects.filter(user_id=pk).exists()
    assert not AuthToken.objects.filter(user_id=pk).exists()
    assert not SavedSearch.objects.filter(user_id=pk).exists()
    assert not Notification.objects.filter(user_id=pk).exists()
    assert not Invitation.objects.filter(email__iexact=email).exists()
    assert not AccessLog.objects.filter(username=email).exists()
    participants = Registration.objects.get(conference=world.conference).participants
    assert participants == [
        {"name": "Slettet bruker", "email": "", "role": "Daglig leder"},
        {"name": "Kari Kollega", "email": "kollega@helsetek.no", "role": "Utvikler"},
    ]
    kept = Response.objects.get(pk=given["response"].pk)
    assert (kept.author, kept.body) == (
        None,
        "Vi foreslår sensorbasert tilsyn med varsling til hjemmetjenesten.",
    )
    assert Organization.objects.filter(pk=world.supplier_org.pk).exists()
    assert email not in json.dumps(list(AuditEvent.objects.values_list("data", flat=True)))
    assert mail.outbox[-1].to == [email]
    assert mail.outbox[-1].subject == "Brukeren din er slettet"


def test_deleting_writes_an_audit_event(world: World) -> None:
    # given
    user = _supplier(world)
    _colleague(world)
    pk = user.pk
    # when
    _client(user).post(DELETION, {"password": PASSWORD}, format="json")
    # then
    event = AuditEvent.objects.get(action="deleted", object_type="accounts.user", object_id=str(pk))
    assert event.actor is None
    assert event.data["self_service"] is True
    assert event.data["organizations"] == [world.supplier_org.pk]


def test_deleting_kills_every_session_and_token(world: World) -> None:
    # given
    user = _supplier(world)
    _colleague(world)
    _, token = api_token_create(user=user)
    here, elsewhere = APIClient(), APIClient()
    here.force_login(user)
    elsewhere.force_login(user)
    with_token = APIClient()
    with_token.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert elsewhere.get("/api/auth/me/").status_code == 200
    # when
    deleted = here.post(DELETION, {"password": PASSWORD}, format="json")
    # then
    assert deleted.status_code == 204
    assert here.get("/api/auth/me/").status_code in (401, 403)
    assert elsewhere.get("/api/auth/me/").status_code in (401, 403)
    assert with_token.get("/api/auth/me/").status_code in (401, 403)
    assert APIClient().get("/api/auth/session/").json()["user"] is None


def test_a_wrong_password_deletes_nothing(world: World) -> None:
    # given
    user = _supplier(world)
    events = AuditEvent.objects.count()
    # when
    refused = _client(user).post(DELETION, {"password": "feil-passord"}, format="json")
    missing = _client(user).post(DELETION, {}, format="json")
    # then
    assert refused.status_code == missing.status_code == 400
    assert refused.json() == {"password": ["Passordet er feil."]}
    assert User.objects.filter(pk=user.pk).exists()
    assert AuditEvent.objects.count() == events


def test_the_last_admin_of_an_organisation_with_members_hands_over_first(world: World) -> None:
    # given
    user = _supplier(world)
    colleague = _colleague(world, role=Membership.Role.MEMBER)
    client = _client(user)
    # when
    info = client.get(DELETION).json()
    refused = client.post(DELETION, {"password": PASSWORD}, format="json")
    client.post(
        f"/api/organizations/{world.supplier_org.pk}/hand-over/",
        {"membership_id": world.supplier_org.memberships.get(user=colleague).pk},
        format="json",
    )
    after = client.get(DELETION).json()
    deleted = client.post(DELETION, {"password": PASSWORD}, format="json")
    # then
    assert [o["name"] for o in info["blocking_organizations"]] == ["Helsetek AS"]
    assert refused.status_code == 400
    assert "Helsetek AS" in refused.json()["non_field_errors"][0]
    assert "administratorrollen" in refused.json()["non_field_errors"][0]
    assert after["blocking_organizations"] == []
    assert deleted.status_code == 204
    assert list(world.supplier_org.memberships.values_list("user__email", flat=True)) == [
        "kollega@helsetek.no"
    ]


def test_the_only_member_leaves_an_organisation_that_keeps_its_content(world: World) -> None:
    # given
    org = OrganizationFactory(name="Eneste kommune")
    user = MembershipFactory(organization=org).user
    need = NeedFactory(organization=org, created_by=user)
    # when
    deleted = _client(user).post(DELETION, {"password": PASSWORD}, format="json")
    # then
    assert deleted.status_code == 204
    assert not org.memberships.exists()
    kept = Need.objects.get(pk=need.pk)
    assert (kept.organization_id, kept.created_by, kept.status) == (org.pk, None, "published")


def test_without_a_password_a_fresh_id_porten_login_confirms(world: World) -> None:
    # given
    user = UserFactory(password=None)
    user.set_unusable_password()
    user.save()
    identity_connect(user=user, issuer=ISSUER, subject="ola-1")
    stale, fresh, by_password = APIClient(), APIClient(), APIClient()
    for client in (stale, fresh):
        client.force_login(user, backend=OIDC_BACKEND)
    by_password.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    # when
    ExternalIdentity.objects.filter(user=user).update(
        last_login_at=timezone.now() - timedelta(hours=1)
    )
    too_late = stale.post(DELETION, {}, format="json")
    not_oidc = by_password.post(DELETION, {}, format="json")
    ExternalIdentity.objects.filter(user=user).update(last_login_at=timezone.now())
    info = fresh.get(DELETION).json()
    deleted = fresh.post(DELETION, {}, format="json")
    # then
    assert too_late.status_code == not_oidc.status_code == 400
    assert "ID-porten" in too_late.json()["non_field_errors"][0]
    assert info["has_password"] is False and info["recent_oidc_login"] is True
    assert deleted.status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
