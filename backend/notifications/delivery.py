"""E-mail delivery: a notification to be e-mailed at once, or a day's digest, is a
``Delivery`` with a unique idempotency key, queued through the outbox in the writing
transaction and sent by the outbox's notification task over Django's e-mail backend (SMTP in
production).

A send holds the delivery's row lock and marks it sent in the same transaction: a retried or
concurrent task finds it sent (or locked) and sends nothing. A transient failure (the server
unreachable, a 4xx answer) is recorded and tried again later through a held outbox entry
(backing off like the outbox); a permanent one (a 5xx answer, an address refused) is recorded
as failed at once. Operators see both in the admin and can send again from there."""

import logging
import smtplib
from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.types import AnyUser
from backend.notifications.emails import delivery_email
from backend.notifications.models import Channel, Delivery, Notification
from backend.outbox.models import OutboxEntry
from backend.outbox.services import outbox_backoff, outbox_enqueue_many

logger = logging.getLogger(__name__)

ENTITY = "delivery"

#: Errors of a send: the SMTP dialogue's and the network's.
SEND_ERRORS: tuple[type[Exception], ...] = (smtplib.SMTPException, OSError)


def _key(notification: Notification) -> str:
    return f"notification:{notification.pk}:user:{notification.user_id}"


def _enqueue(delivery_ids: list[int], *, hold_until: datetime | None = None) -> None:
    outbox_enqueue_many(
        topic=OutboxEntry.Topic.NOTIFICATION_DELIVERY,
        entity=ENTITY,
        entity_ids=delivery_ids,
        hold_until=hold_until,
    )


def deliveries_queue(*, notifications: list[Notification]) -> list[Delivery]:
    """One delivery per notification, sent after the commit. Inside the writing
    transaction."""
    if not notifications:
        return []
    deliveries = Delivery.objects.bulk_create(
        [
            Delivery(key=_key(n), user_id=n.user_id, kind=Delivery.Kind.INSTANT)
            for n in notifications
        ]
    )
    Delivery.notifications.through.objects.bulk_create(
        [
            Delivery.notifications.through(delivery_id=d.pk, notification_id=n.pk)
            for d, n in zip(deliveries, notifications, strict=True)
        ]
    )
    _enqueue([d.pk for d in deliveries])
    return deliveries


def deliveries_send(*, entity: str, ids: list[int]) -> None:
    """The outbox handler: send each delivery (each on its own; one's failure is recorded
    on it and does not hold up the others)."""
    for pk in ids:
        delivery_send(delivery_id=pk)


def is_transient(exc: Exception) -> bool:
    """Worth trying again: the server unreachable or gone, or a 4xx answer."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _message in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return not isinstance(exc, smtplib.SMTPException) and isinstance(exc, OSError)


def _failed(delivery: Delivery, exc: Exception, now: datetime) -> datetime | None:
    """Record a failed send; returns when to try again (None: never)."""
    delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    retry = is_transient(exc) and delivery.attempts < settings.NOTIFICATION_DELIVERY_MAX_ATTEMPTS
    delivery.status = Delivery.Status.RETRYING if retry else Delivery.Status.FAILED
    logger.warning("Delivery %s failed (attempt %s): %s", delivery, delivery.attempts, exc)
    return now + outbox_backoff(delivery.attempts) if retry else None


def _sendable(delivery: Delivery) -> list[Notification] | None:
    """The notifications to send, or None when there is nothing to send to."""
    notifications = list(delivery.notifications.order_by("created_at", "pk"))
    if not notifications or not delivery.user.is_active or not delivery.user.email:
        return None
    return notifications


def delivery_send(*, delivery_id: int) -> str:
    """Send one delivery unless it is sent, failed for good or being sent by another run.
    Returns its status afterwards."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .select_related("user")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "locked"
        if delivery.status not in (Delivery.Status.PENDING, Delivery.Status.RETRYING):
            return delivery.status
        notifications = _sendable(delivery)
        now = timezone.now()
        retry_at = None
        if notifications is None:
            delivery.status = Delivery.Status.SKIPPED
        else:
            email = delivery_email(delivery=delivery, notifications=notifications)
            delivery.attempts += 1
            delivery.last_attempt_at = now
            try:
                email.send(fail_silently=False)
            except SEND_ERRORS as exc:
                retry_at = _failed(delivery, exc, now)
            else:
                delivery.status, delivery.sent_at = Delivery.Status.SENT, now
                delivery.message_id = email.extra_headers["Message-ID"]
                delivery.last_error = ""
        delivery.save()
        if retry_at is not None:
            _enqueue([delivery.pk], hold_until=retry_at)
        return delivery.status


@transaction.atomic
def delivery_requeue(*, user: AnyUser, delivery_ids: list[int]) -> int:
    """An operator sends failed (or retrying) deliveries again: attempts start over, each
    re-queue is audit-logged. Returns how many."""
    deliveries = list(
        Delivery.objects.select_for_update().filter(
            pk__in=delivery_ids, status__in=[Delivery.Status.FAILED, Delivery.Status.RETRYING]
        )
    )
    for delivery in deliveries:
        audit_log(
            actor=user,
            action=AuditEvent.Action.REQUEUED,
            obj=delivery,
            data={"attempts": delivery.attempts, "last_error": delivery.last_error},
        )
    ids = [d.pk for d in deliveries]
    Delivery.objects.filter(pk__in=ids).update(
        status=Delivery.Status.PENDING, attempts=0, updated_at=timezone.now()
    )
    if ids:
        _enqueue(ids)
    return len(ids)


# ------------------------------------------------------------------------- daily digest


def _digest_key(user_id: int, now: datetime) -> str:
    return f"digest:{user_id}:{timezone.localdate(now).isoformat()}"


@transaction.atomic
def digests_prepare(*, now: datetime | None = None) -> int:
    """The daily digest as of ``now``: for each person, the unread notifications they chose
    to have in a digest and that no digest carried yet, in one e-mail per person and day
    (a second run the same day queues nothing again; later ones wait for the next day).
    Returns how many digests were queued."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(
        channel=Channel.DIGEST, created_at__lte=now, read_at__isnull=True, deliveries=None
    ).values_list("user_id", "pk")
    by_user: dict[int, list[int]] = defaultdict(list)
    for user_id, pk in waiting:
        by_user[user_id].append(pk)
    active = set(
        User.objects.filter(pk__in=list(by_user), is_active=True).values_list("pk", flat=True)
    )
    queued = []
    for user_id in sorted(active):
        delivery, created = Delivery.objects.get_or_create(
            key=_digest_key(user_id, now),
            defaults={"user_id": user_id, "kind": Delivery.Kind.DIGEST},
        )
        if created:
            delivery.notifications.set(by_user[user_id])
            queued.append(delivery.pk)
    if queued:
        _enqueue(queued)
    return len(queued)
