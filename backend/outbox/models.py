from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """Work for derived stores (search index, matches), written in the same transaction
    as the change it follows. Processed by Celery; a periodic sweeper re-sends what is due.

    Life of an entry: pending → leased by one run (`lease_until`) → done (`processed_at`),
    or, after a failure, pending again from `next_attempt_at` (exponential backoff) until
    `OUTBOX_MAX_ATTEMPTS` failures move it to the dead letters (`dead_at`), which an
    operator re-queues from the admin."""

    class Topic(models.TextChoices):
        SEARCH_INDEX = "search.index"
        MATCHING_RECOMPUTE = "matching.recompute"
        NOTIFICATION_DELIVERY = "notification.delivery"

    topic = models.CharField(max_length=40, choices=Topic.choices)
    entity = models.CharField(max_length=20)
    entity_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    lease_until = models.DateTimeField(
        null=True, blank=True, help_text=_("A run holds the entry until then.")
    )
    next_attempt_at = models.DateTimeField(default=timezone.now)
    dead_at = models.DateTimeField(
        _("dead letter since"), null=True, blank=True, help_text=_("Retries exhausted.")
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["processed_at", "topic"]),
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(processed_at__isnull=True, dead_at__isnull=True),
                name="outbox_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.entity}:{self.entity_id}"
