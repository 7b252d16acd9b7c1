"""What the bulk import remembers between runs, so an interrupted import continues where it
stopped: one ImportRun per file (by content hash) and one ImportedRow per saved row, keyed by
the row's stable key (its organisation and ``external_id``, or the file's hash and line)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel


class ImportRun(BaseModel):
    """One file imported by ``manage.py import_solutions`` or ``import_needs``. Running the
    command again on the same file continues its unfinished run."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        INTERRUPTED = "interrupted", _("Interrupted")
        FAILED = "failed", _("Failed")
        FINISHED = "finished", _("Finished")

    entity = models.CharField(_("what"), max_length=20)
    file_name = models.CharField(_("file"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person the rows were imported for (--user), if any."),
    )
    rows_in_file = models.PositiveIntegerField(default=0)
    rows_saved = models.PositiveIntegerField(
        default=0, help_text=_("Rows this run saved (over all its attempts).")
    )
    last_error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "file_sha256"],
                condition=Q(finished_at__isnull=True),
                name="one_unfinished_import_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity} {self.file_name} ({self.status})"


class ImportedRow(models.Model):
    """A saved row of an import file. ``completed_at`` is set once the row is embedded,
    indexed and queued for matching; until then a later run finishes that work."""

    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="rows")
    entity = models.CharField(max_length=20)
    key = models.CharField(max_length=300)
    line = models.PositiveIntegerField()
    entity_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "key"], name="one_import_per_row_key")
        ]
        indexes = [
            models.Index(
                fields=["run", "id"],
                condition=Q(completed_at__isnull=True),
                name="import_rows_to_complete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity}:{self.entity_id} ← line {self.line}"
