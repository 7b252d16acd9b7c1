"""Transitional: notifications live in backend.notifications now, where every kind of news
has its typed message (texts in the recipient's language, a link to a real page). This
forwards the old untyped call for code not yet moved to a message class; new code calls
``backend.notifications.services.notification_send``."""

from collections.abc import Iterable

from backend.accounts.models import User
from backend.notifications.services import notification_send_untyped


def notifications_send(*, users: Iterable[User], title: str, body: str, link: str = "") -> int:
    """Notify each user once, in the app and by e-mail. Returns how many were notified."""
    return len(notification_send_untyped(users=users, title=title, body=body, link=link))
