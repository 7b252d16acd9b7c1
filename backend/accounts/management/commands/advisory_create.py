from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.accounts.services import advisory_organization_create


class Command(BaseCommand):
    help = (
        "Operators only: create a verified advisory organisation (e.g. a LUP office) with its "
        "first advisor as administrator. The advisor invites further advisors in the app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="e.g. 'LUP Vestland'")
        parser.add_argument("--org-number", required=True, help="9-digit organisation number")
        parser.add_argument(
            "--admin-email", required=True, help="e-mail of an existing user account"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            org = advisory_organization_create(
                name=options["name"],
                org_number=options["org_number"],
                admin_email=options["admin_email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{org.name} ({org.org_number}) created and verified; "
                f"{options['admin_email']} is its administrator."
            )
        )
