"""Who hears what, through the API as people use it: the buyer hears of responses,
registrations, questions, bookings and cancellations; every registered supplier hears an
answer alike; advisors hear of needs to curate and organisations waiting. A rival supplier
registered at the same conference never hears of another supplier's business, in the app or
by e-mail."""

from typing import Any

import pytest
from django.core import mail
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.notifications.models import Channel, Notification, NotificationKind
from tests.backend.conftest import World
from tests.factories import (
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    RegistrationFactory,
    UserFactory,
    valid_org_number,
)

SECRET = "Sensorbasert fallvarsling med egen algoritme"


@pytest.fixture
def rival(world: World) -> User:
    """A competing supplier, registered for the same conference."""
    org = OrganizationFactory(name="Konkurrent AS", kind=Organization.Kind.SUPPLIER)
    RegistrationFactory(conference=world.conference, organization=org)
    user: User = MembershipFactory(
        organization=org, user=UserFactory(email="selger@konkurrent.no")
    ).user
    return user


def _client(user: User | None) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _kinds(user: User | None) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def _register(world: World) -> Any:
    body = {
        "organization": world.supplier_org.pk,
        "participants": [{"name": "Sara Nilsen", "email": "sara@helsetek.no", "role": "Leder"}],
    }
    return world.client("supplier").post(
        f"/api/conferences/{world.conference.pk}/registrations/", body, format="json"
    )


def _telling(user: User | None, *words: str) -> list[str]:
    """The words found in the user's notifications (as the app shows them) or e-mails."""
    assert user is not None
    page = _client(user).get("/api/notifications/").content.decode()
    mails = " ".join(f"{m.subject} {m.body}" for m in mail.outbox if user.email in m.to)
    return [w for w in words if w in page or w in mails]


def test_the_buyer_hears_of_a_response_and_nobody_else_does(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = world.client("supplier").post(
            "/api/responses/",
            {
                "need": world.need.pk,
                "organization": world.supplier_org.pk,
                "summary": "Fallvarsling",
                "body": SECRET,
            },
            format="json",
        )
    # then: the buyer is told who responded, not what (it reads that on the page)
    assert answer.status_code == 201
    assert _kinds(world.users["buyer"]) == [NotificationKind.RESPONSE_RECEIVED]
    assert _telling(world.users["buyer"], "Helsetek AS", SECRET) == ["Helsetek AS"]
    for other in ("other_buyer", "supplier", "advisor"):
        assert _kinds(world.users[other]) == [], other
    assert _telling(rival, "Helsetek AS", SECRET) == []


def test_the_host_hears_of_a_registration_and_a_rival_does_not(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _register(world)
    # then
    assert answer.status_code == 201
    assert _kinds(world.users["buyer"]) == [NotificationKind.REGISTRATION_RECEIVED]
    assert _telling(world.users["buyer"], "Helsetek AS") == ["Helsetek AS"]
    assert (_kinds(rival), _telling(rival, "Helsetek AS")) == ([], [])


def test_the_host_hears_of_a_booking_and_its_cancellation_and_a_rival_of_neither(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register(world)
    body = {"organization": world.supplier_org.pk}
    # when
    with django_capture_on_commit_callbacks(execute=True):
        booked = world.client("supplier").post(
            f"/api/slots/{world.slot.pk}/book/", body, format="json"
        )
        cancelled = world.client("supplier").post(f"/api/slots/{world.slot.pk}/cancel/")
    # then
    assert (booked.status_code, cancelled.status_code) == (200, 200)
    assert _kinds(world.users["buyer"]) == [
        NotificationKind.MEETING_CANCELLED,
        NotificationKind.MEETING_BOOKED,
        NotificationKind.REGISTRATION_RECEIVED,
    ]
    # the supplier's own people get confirmations (with calendar files), nothing else
    assert sorted(_kinds(world.users["supplier"])) == [
        NotificationKind.MEETING_CONFIRMED,
        NotificationKind.REGISTRATION_CONFIRMED,
    ]
    assert (_kinds(rival), _telling(rival, "Helsetek AS")) == ([], [])


def test_a_question_tells_the_host_and_its_answer_every_registered_supplier_alike(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register(world)
    url = f"/api/conferences/{world.conference.pk}/questions/"
    with django_capture_on_commit_callbacks(execute=True):
        asked = world.client("supplier").post(
            url,
            {"organization": world.supplier_org.pk, "text": "Må løsningen virke uten strøm?"},
            format="json",
        )
    # then: the host hears of the question, without the name of who asked
    assert asked.status_code == 201
    notice = Notification.objects.get(
        user=world.users["buyer"], kind=NotificationKind.QUESTION_ASKED
    )
    assert "uten strøm" in notice.body and "Helsetek" not in notice.title + notice.body
    assert _kinds(rival) == []
    # when: the host answers
    with django_capture_on_commit_callbacks(execute=True):
        world.client("buyer").post(
            f"/api/questions/{asked.json()['id']}/answer/",
            {"answer": "Ja, i minst åtte timer."},
            format="json",
        )
    # then: both registered suppliers hear the same, neither who asked
    for user in (world.users["supplier"], rival):
        assert NotificationKind.QUESTION_ANSWERED in _kinds(user)
        assert NotificationKind.QUESTION_ASKED not in _kinds(user)
        answer = Notification.objects.get(user=user, kind=NotificationKind.QUESTION_ANSWERED)
        assert "åtte timer" in answer.body and "Helsetek" not in answer.title + answer.body
    assert _telling(rival, "åtte timer", "Helsetek") == ["åtte timer"]
    assert _kinds(world.users["other_buyer"]) == []


def test_advisors_hear_of_a_new_need_to_curate_in_their_digest(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    draft = NeedFactory(organization=world.buyer_org, status="draft", published_at=None)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        published = world.client("buyer").post(f"/api/needs/{draft.pk}/publish/")
    # then: in the app now, by e-mail in the morning's digest (their default)
    assert published.status_code == 200
    advisor = world.users["advisor"]
    notice = Notification.objects.get(user=advisor)
    assert (notice.kind, notice.channel, notice.link) == (
        NotificationKind.NEED_TO_CURATE,
        Channel.DIGEST,
        f"/advisor/needs/{draft.pk}",
    )
    assert [m for m in mail.outbox if advisor is not None and advisor.email in m.to] == []
    assert _kinds(world.users["supplier"]) == []


def test_advisors_hear_of_an_organisation_waiting_for_verification(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        created = _client(UserFactory()).post(
            "/api/organizations/",
            {
                "name": "Vestfjord kommune",
                "org_number": valid_org_number(4242),
                "kind": "public_buyer",
                "county": "18",
            },
            format="json",
        )
    # then
    assert created.status_code == 201
    notice = Notification.objects.get(user=world.users["advisor"])
    assert (notice.kind, notice.link) == (
        NotificationKind.ORGANIZATION_UNVERIFIED,
        "/advisor/organizations",
    )
    assert "Vestfjord kommune" in notice.title


def test_registered_suppliers_hear_when_the_conference_moves_to_another_place(
    world: World, rival: User, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    _register(world)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        changed = world.client("buyer").patch(
            f"/api/conferences/{world.conference.pk}/",
            {"location": "Grieghallen, Bergen"},
            format="json",
        )
        retitled = world.client("buyer").patch(
            f"/api/conferences/{world.conference.pk}/", {"title": "Ny tittel"}, format="json"
        )
    # then: both registered suppliers, once (a new title is read on the page)
    assert (changed.status_code, retitled.status_code) == (200, 200)
    for user in (world.users["supplier"], rival):
        assert _kinds(user).count(NotificationKind.CONFERENCE_CHANGED) == 1
        assert _telling(user, "Grieghallen, Bergen") == ["Grieghallen, Bergen"]
    assert _kinds(world.users["other_buyer"]) == []
