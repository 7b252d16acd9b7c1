from typing import Any

from django.core.management.base import BaseCommand

from backend.demo.services import VECTORS
from backend.matches.engine import vectors_export


class Command(BaseCommand):
    help = (
        "Write the stored demo embeddings to backend/demo/data/vectors.npz (maintainers: "
        "run after `demo_load` when the default model or the text composition changes)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = vectors_export(str(VECTORS))
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} vectors to {VECTORS}"))
