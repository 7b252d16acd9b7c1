from django.db import models


class OutboxEntry(models.Model):
    """Work for derived stores (search index, matches), written in the same transaction
    as the change it follows. Processed by Celery; a periodic sweeper re-sends what is stuck."""

    class Topic(models.TextChoices):
        SEARCH_INDEX = "search.index"
        MATCHING_RECOMPUTE = "matching.recompute"

    topic = models.CharField(max_length=40, choices=Topic.choices)
    entity = models.CharField(max_length=20)
    entity_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["processed_at", "topic"])]

    def __str__(self) -> str:
        return f"{self.topic} {self.entity}:{self.entity_id}"
