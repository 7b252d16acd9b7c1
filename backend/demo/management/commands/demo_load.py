from typing import Any

from django.core.management.base import BaseCommand

from backend.demo.services import DEMO_USERS, PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load realistic Norwegian demo data (idempotent) and build matches and the index."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = demo_load()
        self.stdout.write(
            self.style.SUCCESS("Demo data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        )
        self.stdout.write(f"\nDemo logins (password: {PASSWORD}):")
        for email, name, org, role in DEMO_USERS:
            self.stdout.write(f"  {role:<9} {email:<34} {name}" + (f", {org}" if org else ""))
