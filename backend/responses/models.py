from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import VersionedModel
from backend.needs.models import Need


class Response(VersionedModel):
    """A supplier's written response (innspill) to a need. Confidential by default:
    it may hold business secrets."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="responses")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="responses"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("response"))
    confidential = models.BooleanField(_("contains business secrets"), default=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.summary
