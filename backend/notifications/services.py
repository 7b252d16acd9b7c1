"""Writes: telling people (``notification_send``, the one entry point for every kind of
news), reading, and each person's choices per kind.

A notification is made inside the writing transaction, in its recipient's language; one to
be e-mailed at once gets a delivery and an outbox entry in the same transaction, which a
task sends after the commit (backend.notifications.delivery)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation

from backend.accounts.models import User
from backend.common.text import plain_line
from backend.notifications.delivery import deliveries_queue
from backend.notifications.messages import Message
from backend.notifications.models import (
    Channel,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from backend.notifications.selectors import notification_list, preference_channels
from backend.notifications.tokens import invalid_token, unsubscribe_grant

_TITLE_LENGTH = Notification._meta.get_field("title").max_length or 200


def user_language(user: User) -> str:
    return user.preferred_language or "nb"


def _notification(*, message: Message, user: User, channel: Channel) -> Notification:
    with translation.override(user_language(user)):
        # One line (it is also the e-mail's subject) that fits the column, cut with "…".
        title = plain_line(message.title(), max_length=_TITLE_LENGTH)
        body = message.body()
    return Notification(
        user=user,
        kind=message.kind,
        params=message.params(),
        channel=channel,
        title=title,
        body=body,
        link=message.link(),
    )


@transaction.atomic
def notification_send(*, message: Message, users: Iterable[User]) -> list[Notification]:
    """Tell each active person once, as each chose for this kind (in the app, and by e-mail
    at once or in the daily digest; nothing if they turned it off). Returns the
    notifications made."""
    recipients = [u for u in {u.pk: u for u in users}.values() if u.is_active]
    channels = preference_channels(user_ids=[u.pk for u in recipients], kind=message.kind)
    made = Notification.objects.bulk_create(
        [
            _notification(message=message, user=user, channel=channels[user.pk])
            for user in recipients
            if channels[user.pk] != Channel.OFF
        ]
    )
    deliveries_queue(notifications=[n for n in made if n.channel == Channel.EMAIL])
    return made


def notification_mark_read(*, user: User, notification_id: int) -> Notification:
    """Mark one's own notification read (again: no change). Another's answers 404."""
    notification = notification_list(user=user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    """Mark all of one's unread notifications read. Returns how many."""
    now = timezone.now()
    return notification_list(user=user, unread=True).update(read_at=now, updated_at=now)


def preference_set(*, user: User, kind: NotificationKind, channel: Channel) -> Channel:
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )
    return channel


@dataclass(frozen=True)
class Unsubscribed:
    user: User
    kinds: tuple[NotificationKind, ...]
    channel: Channel
    #: The channel the e-mail came by (what "undo" restores).
    previous: Channel


@transaction.atomic
def notification_unsubscribe(*, token: str, channel: Channel = Channel.OFF) -> Unsubscribed:
    """Set the kinds a signed unsubscribe token names to ``channel`` (off by default; the
    channel the e-mail came by to undo), without signing in. A bad token changes nothing."""
    grant = unsubscribe_grant(token)
    user = User.objects.filter(pk=grant.user_id, is_active=True).first()
    if user is None:
        raise invalid_token()
    for kind in grant.kinds:
        preference_set(user=user, kind=kind, channel=channel)
    return Unsubscribed(user=user, kinds=grant.kinds, channel=channel, previous=grant.channel)
