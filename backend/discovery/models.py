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

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
