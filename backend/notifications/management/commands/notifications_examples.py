from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backend.accounts.models import User
from backend.demo.services import DEMO_USERS
from backend.notifications.examples import notification_examples


def _demo_user(role: str) -> User:
    email = next(e for e, _name, _org, r in DEMO_USERS if r == role)
    user = User.objects.filter(email=email).first()
    if user is None:
        raise CommandError(f"No demo {role} ({email}): run `manage.py demo_load` first.")
    return user


class Command(BaseCommand):
    help = (
        "Give the demo buyer, supplier and advisor one notification of every kind, about rows "
        "of the demo market (the end-to-end run follows every link). After demo_load; only "
        "with DEBUG on, unless --force."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--force", action="store_true", help="Even with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Refusing with DEBUG off: these are examples, not real news.")
        made = notification_examples(
            buyer=_demo_user("buyer"),
            supplier=_demo_user("supplier"),
            advisor=_demo_user("advisor"),
        )
        self.stdout.write(self.style.SUCCESS(f"Example notifications: {made}"))
