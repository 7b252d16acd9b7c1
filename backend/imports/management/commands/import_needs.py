from django.utils.translation import gettext_lazy as _

from backend.imports.commands import ImportCommand
from backend.imports.rows import NEEDS


class Command(ImportCommand):
    help = (
        "Import public buyers' needs from CSV or JSON Lines: every row is checked with the "
        "API's rules first (a report of rejected rows, nothing saved), then saved, embedded "
        "and indexed in batches. Run it again on the same file to continue after an "
        "interruption; rows imported before are skipped."
    )
    kind = NEEDS
    noun = _("needs")
