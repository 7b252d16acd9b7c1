"""Reads: a person's notifications and choices. A notification is only ever its
recipient's."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from backend.common.types import AnyUser
from backend.notifications.messages import MESSAGES, Audience, message_of
from backend.notifications.models import (
    Channel,
    Notification,
    NotificationKind,
    NotificationPreference,
)


def notification_list(*, user: AnyUser, unread: bool | None = None) -> QuerySet[Notification]:
    rows = Notification.objects.filter(user_id=user.pk or 0)
    if unread is not None:
        rows = rows.filter(read_at__isnull=unread)
    return rows.order_by("-created_at", "-id")


def notification_unread_count(*, user: AnyUser) -> int:
    return notification_list(user=user, unread=True).count()


@dataclass(frozen=True)
class Texts:
    title: str
    body: str


def notification_texts(notification: Notification) -> Texts:
    """The texts in the active language (the reader's), from the message's data; a
    notification from before kinds keeps the texts it was made with."""
    message = message_of(notification.kind, notification.params)
    if message is None:
        return Texts(title=notification.title, body=notification.body)
    return Texts(title=message.title(), body=message.body())


def default_channel(kind: str) -> Channel:
    cls = MESSAGES.get(kind)
    return cls.default_channel if cls is not None else Channel.EMAIL


def preference_channels(*, user_ids: Iterable[int], kind: str) -> dict[int, Channel]:
    """Each person's channel for the kind (the kind's default where they chose none)."""
    ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=ids, kind=kind).values_list(
            "user_id", "channel"
        )
    )
    default = default_channel(kind)
    return {pk: Channel(chosen.get(pk, default)) for pk in ids}


@dataclass(frozen=True)
class KindChoice:
    kind: NotificationKind
    audiences: tuple[Audience, ...]
    channel: Channel
    default: Channel


def preference_list(*, user: AnyUser) -> list[KindChoice]:
    """Every kind with the person's channel for it, in the order of NotificationKind."""
    chosen = dict(
        NotificationPreference.objects.filter(user_id=user.pk or 0).values_list("kind", "channel")
    )
    choices = []
    for kind in NotificationKind:
        default = default_channel(kind)
        choices.append(
            KindChoice(
                kind=kind,
                audiences=MESSAGES[kind].audiences,
                channel=Channel(chosen.get(kind, default)),
                default=default,
            )
        )
    return choices
