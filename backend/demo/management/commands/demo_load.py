from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backend.demo.research import INSTITUTIONS
from backend.demo.services import DEMO_USERS, PASSWORD, demo_load

REFUSAL = (
    "Refusing to load demo data: DEBUG is off, so this looks like a production database. "
    "The demo creates organisations and accounts whose password is published "
    f"({PASSWORD!r}). Run `manage.py demo_load --force` only if you mean it."
)


class Command(BaseCommand):
    help = (
        "Load realistic Norwegian demo data (idempotent) and build matches and the index. "
        "Only with DEBUG on (make run), unless --force."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo data even though DEBUG is off (a staging or production database).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(REFUSAL)
        counts = demo_load()
        self.stdout.write(
            self.style.SUCCESS("Demo data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        )
        self.stdout.write(f"\nDemo logins (password: {PASSWORD}):")
        for email, name, org, role in DEMO_USERS:
            self.stdout.write(f"  {role:<9} {email:<34} {name}" + (f", {org}" if org else ""))
        for org, _county, email, name in INSTITUTIONS:
            self.stdout.write(f"  {'research':<9} {email:<34} {name}, {org}")
