"""The e-mails: one notification, or a day's digest, in the recipient's language, as plain
text and HTML (Django templates), with a one-click unsubscribe (RFC 8058: ``List-Unsubscribe``
and ``List-Unsubscribe-Post``) and a stable Message-ID per delivery (a resend after a lost
answer carries the same one)."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.notifications import links
from backend.notifications.calendar import CalendarUpdate, calendar_part
from backend.notifications.messages import message_of
from backend.notifications.models import Delivery, Notification, NotificationKind
from backend.notifications.selectors import notification_texts
from backend.notifications.tokens import unsubscribe_token


@dataclass(frozen=True)
class Item:
    title: str
    body: str
    url: str


def _item(notification: Notification) -> Item:
    texts = notification_texts(notification)
    return Item(title=texts.title, body=texts.body, url=links.absolute(notification.link))


def _kinds(notifications: list[Notification]) -> list[str]:
    return sorted({n.kind for n in notifications if n.kind})


def _message_id(delivery: Delivery) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "innovasjonstorget.no"
    return f"<{delivery.key.replace(':', '.')}@{domain}>"


def _calendar(delivery: Delivery, notifications: list[Notification]) -> CalendarUpdate | None:
    """The calendar file of a notification e-mailed at once (a digest carries none)."""
    if delivery.kind != Delivery.Kind.INSTANT or len(notifications) != 1:
        return None
    message = message_of(notifications[0].kind, notifications[0].params)
    return message.calendar() if message is not None else None


def _subject(delivery: Delivery, items: list[Item]) -> str:
    if delivery.kind == Delivery.Kind.INSTANT:
        return items[0].title
    return ngettext(
        "Innovasjonstorget: %(count)d new notification today",
        "Innovasjonstorget: %(count)d new notifications today",
        len(items),
    ) % {"count": len(items)}


def _kind_labels(kinds: list[str]) -> list[str]:
    return [str(NotificationKind(k).label) for k in kinds]


def delivery_email(
    *, delivery: Delivery, notifications: list[Notification]
) -> EmailMultiAlternatives:
    user = delivery.user
    language = user.preferred_language or "nb"
    kinds = _kinds(notifications)
    channel = "digest" if delivery.kind == Delivery.Kind.DIGEST else "email"
    token = unsubscribe_token(user_id=user.pk, kinds=kinds, channel=channel)
    query = urlencode({"token": token})
    one_click = links.absolute(f"{reverse('notification-unsubscribe')}?{query}")
    with translation.override(language):
        items = [_item(n) for n in notifications]
        context = {
            "language": language,
            "digest": delivery.kind == Delivery.Kind.DIGEST,
            "items": items,
            "kinds": _kind_labels(kinds),
            "unsubscribe_url": links.absolute(links.unsubscribe_page(token)),
            "settings_url": links.absolute(links.notification_settings()),
            "list_url": links.absolute(links.notification_list()),
        }
        subject = _subject(delivery, items)
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
        name = _("Innovasjonstorget notifications")
        calendar = _calendar(delivery, notifications)
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "Message-ID": _message_id(delivery),
            "Content-Language": language,
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{name} <notifications.{urlsplit(settings.SITE_URL).hostname}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(html, "text/html")
    if calendar is not None:
        email.attach(calendar_part(calendar, attendee=(user.full_name, user.email)))
    return email
