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
from backend.notifications.models import Delivery, Notification, NotificationKind
from backend.notifications.selectors import notification_texts
from backend.notifications.tokens import unsubscribe_token


@dataclass(frozen=True)
class Item:
    title: str
    body: str
    url: str


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path or '/'}"


def _item(notification: Notification) -> Item:
    texts = notification_texts(notification)
    return Item(title=texts.title, body=texts.body, url=_absolute(notification.link))


def _kinds(notifications: list[Notification]) -> list[str]:
    return sorted({n.kind for n in notifications if n.kind})


def _message_id(delivery: Delivery) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "innovasjonstorget.no"
    return f"<{delivery.key.replace(':', '.')}@{domain}>"


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
    one_click = _absolute(reverse("notification-unsubscribe") + "?" + urlencode({"token": token}))
    with translation.override(language):
        items = [_item(n) for n in notifications]
        context = {
            "language": language,
            "digest": delivery.kind == Delivery.Kind.DIGEST,
            "items": items,
            "kinds": _kind_labels(kinds),
            "unsubscribe_url": _absolute(links.unsubscribe_page(token)),
            "settings_url": _absolute(links.notification_settings()),
            "list_url": _absolute(links.notification_list()),
        }
        subject = _subject(delivery, items)
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
        name = _("Innovasjonstorget notifications")
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
    return email
