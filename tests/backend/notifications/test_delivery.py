"""E-mail delivery over real SMTP (aiosmtpd on 127.0.0.1): the recipient's language, plain
text and HTML, a one-click unsubscribe that works without signing in, no duplicate when a
task runs again, and a failed send recorded (and retried only when the failure is
transient)."""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.notifications.delivery import deliveries_send
from backend.notifications.messages import MeetingBooked
from backend.notifications.models import (
    Channel,
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from backend.notifications.services import notification_send
from backend.outbox.models import OutboxEntry
from backend.outbox.services import outbox_sweep
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer
from tests.factories import MembershipFactory, UserFactory

SITE = "https://innovasjonstorget.example"


def _booked(world: World) -> MeetingBooked:
    return MeetingBooked(
        conference_id=world.conference.pk,
        conference="Dialogkonferanse om trygghetsteknologi",
        supplier="Helsetek AS",
        starts_at="2030-03-01T08:00:00+00:00",
    )


def _buyer(world: World, language: str = "nb") -> User:
    user = world.users["buyer"]
    assert user is not None
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def _send(capture: Any, message: Any, users: list[User]) -> list[Notification]:
    with capture(execute=True):
        return notification_send(message=message, users=users)


def _parts(message: Any) -> dict[str, str]:
    return {p.get_content_type(): p.get_content() for p in message.walk() if not p.is_multipart()}


def _token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def test_an_email_goes_out_in_the_recipients_language_as_text_and_html(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: one buyer reads Norwegian, a colleague English
    nb = _buyer(world, "nb")
    en = UserFactory(email="colleague@bergen.kommune.no", preferred_language="en")
    MembershipFactory(user=en, organization=world.buyer_org)
    # when
    _send(django_capture_on_commit_callbacks, _booked(world), [nb, en])
    # then
    (to_nb,), (to_en,) = smtp.to(nb.email), smtp.to(en.email)
    # (a header's value is read unfolded: the line break after the name leaves a space)
    assert to_nb["Subject"].strip() == "1:1-møte booket: Helsetek AS, 01.03.2030 09:00"
    assert to_en["Subject"].strip().startswith("1:1 meeting booked: Helsetek AS, ")
    assert (to_nb["Content-Language"], to_en["Content-Language"]) == ("nb", "en")
    text, html = _parts(to_nb)["text/plain"], _parts(to_nb)["text/html"]
    link = f"{SITE}/conferences/{world.conference.pk}"
    assert link in text and f'href="{link}"' in html
    assert "Helsetek AS har booket 1:1-møtet" in text and '<html lang="nb">' in html
    assert "Meld deg av disse e-postene" in html
    assert "Unsubscribe from these e-mails" in _parts(to_en)["text/html"]
    # and the delivery is recorded as sent, with the message's id
    delivery = Delivery.objects.get(user=nb)
    assert (delivery.status, delivery.attempts, delivery.message_id) == (
        Delivery.Status.SENT,
        1,
        to_nb["Message-ID"],
    )


def test_the_unsubscribe_header_works_with_one_click_and_no_sign_in(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    buyer = _buyer(world)
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    (message,) = smtp.received
    url = message["List-Unsubscribe"].strip().strip("<>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # when: the mail client posts as RFC 8058 says, signed in as nobody
    answer = APIClient().post(
        url.removeprefix(SITE),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    # then: that kind is off, and the next one is neither sent nor shown
    assert answer.status_code == 200
    assert answer.json()["kinds"][0]["kind"] == NotificationKind.MEETING_BOOKED
    assert NotificationPreference.objects.get(user=buyer).channel == Channel.OFF
    assert _send(django_capture_on_commit_callbacks, _booked(world), [buyer]) == []
    assert len(smtp.received) == 1


def test_the_unsubscribe_link_in_the_text_works_without_sign_in_and_can_be_undone(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the link a person clicks in the e-mail opens the app's unsubscribe page
    buyer = _buyer(world)
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    text = _parts(smtp.received[0])["text/plain"]
    link = next(w for w in text.split() if "/notifications/unsubscribe?" in w)
    assert link.startswith(f"{SITE}/notifications/unsubscribe?token=")
    client = APIClient()
    # when: the page sends the token
    off = client.post("/api/notifications/unsubscribe/", {"token": _token(link)}, format="json")
    # then
    assert (off.status_code, off.json()["channel"], off.json()["previous"]) == (200, "off", "email")
    assert off.json()["kinds"] == [
        {"kind": "meeting_booked", "title": "En leverandør booket et 1:1-møte"}
    ]
    # and undone
    back = client.post(
        "/api/notifications/unsubscribe/",
        {"token": _token(link), "channel": "email"},
        format="json",
    )
    assert back.status_code == 200
    assert NotificationPreference.objects.get(user=buyer).channel == Channel.EMAIL


@pytest.mark.parametrize("token", ["", "not-a-token", "eyJ1IjoxfQ:1tamper:signature"])
def test_a_bad_unsubscribe_token_is_refused_and_changes_nothing(db: None, token: str) -> None:
    # when
    answer = APIClient().post("/api/notifications/unsubscribe/", {"token": token}, format="json")
    # then
    assert answer.status_code == 400
    assert "avmeldingslenken er ikke gyldig" in answer.json()["token"][0]
    assert not NotificationPreference.objects.exists()


def test_a_tampered_token_is_refused(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the buyer's token with its signed part altered
    buyer = _buyer(world)
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    token = _token(smtp.received[0]["List-Unsubscribe"].strip().strip("<>"))
    forged = token.replace(token.split(":")[0], token.split(":")[0][::-1], 1)
    # when
    answer = APIClient().post("/api/notifications/unsubscribe/", {"token": forged}, format="json")
    # then
    assert answer.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_a_task_run_again_never_sends_twice(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: sent once
    buyer = _buyer(world)
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    delivery = Delivery.objects.get(user=buyer)
    # when: the handler runs again, and the outbox entry is processed again as if its
    # message had been redelivered after a worker died before acknowledging it
    deliveries_send(entity="delivery", ids=[delivery.pk])
    entry = OutboxEntry.objects.get(topic=OutboxEntry.Topic.NOTIFICATION_DELIVERY)
    OutboxEntry.objects.filter(pk=entry.pk).update(processed_at=None, dispatched_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        outbox_sweep(stuck_after=timedelta(0))
    # then
    assert len(smtp.received) == 1
    assert Delivery.objects.get(pk=delivery.pk).attempts == 1


def test_a_send_while_the_server_is_down_is_recorded_and_retried_later(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the SMTP server is down
    buyer = _buyer(world)
    smtp.stop()
    # when
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    # then: recorded, with a retry held back in the outbox
    delivery = Delivery.objects.get(user=buyer)
    assert (delivery.status, delivery.attempts, delivery.sent_at) == (
        Delivery.Status.RETRYING,
        1,
        None,
    )
    assert "ConnectionRefusedError" in delivery.last_error
    held = OutboxEntry.objects.get(
        topic=OutboxEntry.Topic.NOTIFICATION_DELIVERY, processed_at__isnull=True
    )
    assert held.next_attempt_at > timezone.now()
    # when: the server is back and the retry is due, the sweeper sends it
    smtp.start()
    OutboxEntry.objects.filter(pk=held.pk).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        outbox_sweep()
    # then: once
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, len(smtp.received)) == (
        Delivery.Status.SENT,
        2,
        1,
    )
    assert delivery.last_error == ""


def test_a_refused_address_is_failed_for_good_and_not_retried(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the server refuses the recipient for good
    smtp.mailbox.refuse = "550 5.1.1 No such user here"
    buyer = _buyer(world)
    # when
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    # then
    delivery = Delivery.objects.get(user=buyer)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 1)
    assert "550" in delivery.last_error and "No such user" in delivery.last_error
    assert not OutboxEntry.objects.filter(
        topic=OutboxEntry.Topic.NOTIFICATION_DELIVERY, processed_at__isnull=True
    ).exists()


def test_a_busy_server_is_tried_again(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a 4xx answer (try later)
    smtp.mailbox.refuse = "451 4.3.2 Please try again later"
    buyer = _buyer(world)
    # when
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    # then
    assert Delivery.objects.get(user=buyer).status == Delivery.Status.RETRYING


def test_after_the_last_attempt_the_send_is_failed(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    # given: two attempts allowed, the server down throughout
    settings.NOTIFICATION_DELIVERY_MAX_ATTEMPTS = 2
    buyer = _buyer(world)
    smtp.stop()
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    # when: the retry comes
    OutboxEntry.objects.filter(processed_at__isnull=True).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        outbox_sweep()
    # then
    delivery = Delivery.objects.get(user=buyer)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 2)
    assert not OutboxEntry.objects.filter(processed_at__isnull=True).exists()


def test_operators_see_failed_sends_in_the_admin_and_send_them_again(
    world: World,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    admin_client: Any,
) -> None:
    # given: a send failed for good
    smtp.mailbox.refuse = "550 5.7.1 Relaying denied"
    buyer = _buyer(world)
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    delivery = Delivery.objects.get(user=buyer)
    # when
    page = admin_client.get("/admin/notifications/delivery/", {"status": "failed"})
    # then
    assert page.status_code == 200
    assert delivery.key.encode() in page.content and b"Relaying denied" in page.content
    # when: the server is fixed and the operator sends it again
    smtp.mailbox.refuse = ""
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/notifications/delivery/",
            {"action": "send_again", "_selected_action": [delivery.pk]},
        )
    # then
    delivery.refresh_from_db()
    assert (delivery.status, len(smtp.to(buyer.email))) == (Delivery.Status.SENT, 1)


def test_a_person_chooses_the_language_of_their_emails(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    buyer = _buyer(world, "nb")
    client = APIClient()
    client.force_authenticate(buyer)
    # when
    refused = client.patch("/api/auth/me/", {"preferred_language": "de"}, format="json")
    chosen = client.patch("/api/auth/me/", {"preferred_language": "en"}, format="json")
    _send(django_capture_on_commit_callbacks, _booked(world), [buyer])
    # then
    assert refused.status_code == 400
    assert (chosen.status_code, chosen.json()["preferred_language"]) == (200, "en")
    assert smtp.received[0]["Content-Language"] == "en"
    assert smtp.received[0]["Subject"].strip().startswith("1:1 meeting booked")
