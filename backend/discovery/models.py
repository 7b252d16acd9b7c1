from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel


class SavedSearch(BaseModel):
    """A user's saved search with an optional e-mail alert."""

    class Frequency(models.TextChoices):
        NEVER = "never", _("Never")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("search text"), max_length=200, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    alert_frequency = models.CharField(
        _("alert"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    last_alerted_at = models.DateTimeField(null=True, blank=True)
    #: The run window of the last alert ("daily:2026-12-07", "weekly:2026-W50"): the
    #: idempotency key of a run, so that a retried or repeated run alerts nothing twice.
    alerted_window = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MissedSearch(models.Model):
    """A search that found little, counted per day: what people could not find.

    One row per day, normalised query, filters and mode, with a counter. Nothing personal is
    kept: no user, no address, no time of day (not even a created_at); a query that looks
    like personal data is never stored (backend/discovery/missed/personal_data.py). Rows older
    than the retention are deleted every night (discovery.missed_searches_prune).
    """

    day = models.DateField(_("day"), db_index=True)
    query = models.CharField(_("search text"), max_length=200)
    #: The filters and types, as a canonical query string ("county=46&type=need").
    filters = models.CharField(_("filters"), max_length=1000, blank=True)
    semantic = models.BooleanField(_("similar meaning"), default=False)
    #: Hits of the latest search that day.
    hits = models.PositiveIntegerField(_("hits"))
    #: Which words the latest search's hits match (search.types.Relaxation): all, most, any,
    #: or semantic (results of similar meaning).
    relaxation = models.CharField(_("relaxation"), max_length=20, blank=True)
    count = models.PositiveIntegerField(_("searches"), default=1)

    class Meta:
        ordering = ["-day", "-count", "query"]
        verbose_name = _("missed search")
        verbose_name_plural = _("missed searches")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query", "filters", "semantic"], name="missed_search_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.query}"
