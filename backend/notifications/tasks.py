"""Scheduled work of notifications (the e-mails themselves go through the outbox's
``outbox.notification_delivery`` task)."""

from celery import shared_task
from django.utils.dateparse import parse_datetime

from backend.notifications.delivery import digests_prepare
from backend.notifications.reminders import reminders_send


@shared_task(name="notifications.daily_digest", acks_late=True)  # type: ignore[untyped-decorator]
def notifications_daily_digest_task(now: str | None = None) -> int:
    """Queue the day's digests (beat, 07:00 Europe/Oslo). ``now``: an ISO time to run as of
    (tests, or catching up a missed day)."""
    moment = parse_datetime(now) if now else None
    if now and moment is None:
        raise ValueError(f"Not an ISO date and time: {now!r}")
    return digests_prepare(now=moment)


@shared_task(name="notifications.reminders", acks_late=True)  # type: ignore[untyped-decorator]
def notifications_reminders_task(now: str | None = None) -> int:
    """Send the reminders due (beat, hourly). ``now``: an ISO time to run as of (tests)."""
    moment = parse_datetime(now) if now else None
    if now and moment is None:
        raise ValueError(f"Not an ISO date and time: {now!r}")
    return reminders_send(now=moment)
