"""In-app notifications, also sent by e-mail after the transaction commits.

One entry point for every kind of news; issue 13 moves this into an app of its own.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from backend.accounts.models import User
from backend.common.text import plain_line
from backend.matches.models import Notification


def notifications_send(*, users: Iterable[User], title: str, body: str, link: str = "") -> int:
    """Notify each user once (in-app and by e-mail). Returns how many were notified."""
    # One line (it is also the e-mail's subject) that fits the column, cut with "…": names and
    # titles of the longest length allowed still make a notification.
    title = plain_line(title, max_length=Notification._meta.get_field("title").max_length or 200)
    recipients = list({u.pk: u for u in users}.values())
    Notification.objects.bulk_create(
        [Notification(user=u, title=title, body=body, link=link) for u in recipients]
    )
    messages = [(title, body, settings.DEFAULT_FROM_EMAIL, [u.email]) for u in recipients]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return len(recipients)
