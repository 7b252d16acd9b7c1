from typing import Any

from django.core.management.base import BaseCommand

from backend.discovery.services import search_reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search indices from the database into new versioned indices and swap "
        "the aliases (zero downtime for searches meanwhile)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        search_reindex()
        self.stdout.write(self.style.SUCCESS("Search indices rebuilt and aliases swapped."))
