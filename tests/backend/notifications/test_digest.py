"""The daily digest: the news a person chose to have once a day, in one e-mail in their
language, sent by the beat task for a given clock time; never twice for one day, never with
what they already read in the app."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from backend.notifications.messages import MeetingBooked, NeedToCurate
from backend.notifications.models import Channel, Delivery, NotificationKind
from backend.notifications.services import notification_mark_read, notification_send, preference_set
from backend.notifications.tasks import notifications_daily_digest_task
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer


def _booked(world: World, supplier: str) -> MeetingBooked:
    return MeetingBooked(
        conference_id=world.conference.pk,
        conference="Dialogkonferanse om trygghetsteknologi",
        supplier=supplier,
        starts_at="2030-03-01T08:00:00+00:00",
    )


def _text(message: Any) -> str:
    return next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")


def _digest(capture: Any, when: Any) -> int:
    with capture(execute=True):
        return int(notifications_daily_digest_task(now=when.isoformat()))


def test_the_digest_gathers_the_unread_news_in_one_email(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the buyer reads English and wants bookings once a day
    buyer = world.users["buyer"]
    assert buyer is not None
    buyer.preferred_language = "en"
    buyer.save(update_fields=["preferred_language"])
    preference_set(user=buyer, kind=NotificationKind.MEETING_BOOKED, channel=Channel.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        for supplier in ("Helsetek AS", "Omsorgsteknikk AS", "Trygg Hjemme AS"):
            notification_send(message=_booked(world, supplier), users=[buyer])
    read = buyer.notifications.get(params__supplier="Trygg Hjemme AS")
    notification_mark_read(user=buyer, notification_id=read.pk)
    assert smtp.received == []  # nothing at once
    # when: the beat task runs at 07:00 the next morning
    morning = timezone.localtime() + timedelta(days=1)
    queued = _digest(django_capture_on_commit_callbacks, morning.replace(hour=7, minute=0))
    # then: one e-mail with the two unread ones
    (message,) = smtp.received
    assert queued == 1
    assert message["Subject"].strip() == "Innovasjonstorget: 2 new notifications today"
    text = _text(message)
    assert "Helsetek AS" in text and "Omsorgsteknikk AS" in text
    assert "Trygg Hjemme AS" not in text
    assert message["List-Unsubscribe"]
    assert Delivery.objects.get(kind=Delivery.Kind.DIGEST).status == Delivery.Status.SENT


def test_the_digest_is_sent_once_a_day_and_later_news_waits_for_the_next(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: an advisor (new needs come as a digest by default)
    advisor = world.users["advisor"]
    assert advisor is not None
    message = NeedToCurate(need_id=world.need.pk, need=world.need.title, buyer="Bergen kommune")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(message=message, users=[advisor])
    morning = (timezone.localtime() + timedelta(days=1)).replace(hour=7, minute=0)
    first = _digest(django_capture_on_commit_callbacks, morning)
    # when: run again the same day, and news comes after
    again = _digest(django_capture_on_commit_callbacks, morning + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(message=message, users=[advisor])
    later = _digest(django_capture_on_commit_callbacks, morning + timedelta(hours=3))
    next_day = _digest(django_capture_on_commit_callbacks, morning + timedelta(days=1))
    # then
    assert (first, again, later, next_day) == (1, 0, 0, 1)
    assert len(smtp.to(advisor.email)) == 2
    assert "Nytt behov å kuratere" in _text(smtp.to(advisor.email)[1])


def test_beat_runs_the_digest_every_morning() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-daily-digest"]
    assert entry["task"] == notifications_daily_digest_task.name
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({7}, {0})
