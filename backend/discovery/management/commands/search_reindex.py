from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from backend.discovery.services import search_reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search indices from the database into new versioned indices and swap "
        "the aliases (zero downtime for searches meanwhile)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-outdated",
            action="store_true",
            help="Rebuild only if an index is missing or predates the code's mapping version "
            "(run after every deploy: a new analysis needs new indices).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if search_reindex(if_outdated=options["if_outdated"]):
            self.stdout.write(self.style.SUCCESS("Search indices rebuilt and aliases swapped."))
        else:
            self.stdout.write("Search indices are up to date; nothing rebuilt.")
