from django.conf import settings
from django.db import models
from django.utils import timezone
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
    #: The whole text, as the buyer reads it: the sections' texts in order (sections.py).
    body = models.TextField(_("response"), max_length=20_000)
    #: The text in sections, each marked by the supplier as a business secret
    #: (forretningshemmelighet) or not, with the supplier's reason: a list of
    #: {"text", "business_secret", "reason"} (sections.py). A business secret never enters
    #: minutes, what is shared, exports, notifications or search.
    sections = models.JSONField(_("sections"), default=list, blank=True)
    confidential = models.BooleanField(_("contains business secrets"), default=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.summary


class ResponseRead(models.Model):
    """One reading of a confidential response by someone outside the supplier that wrote it.

    The access log that the supplier and the need's buyer organisations see: who (person and
    the organisation they acted for) read which response, when, and through which path.
    Append-only; a reader who deletes their account stays as "deleted user" with their
    organisation.
    """

    class Via(models.TextChoices):
        DETAIL = "detail", _("The response")
        LIST = "list", _("List of responses")
        NEED = "need", _("The need's responses")
        EXPORT = "export", _("Export")
        ADMIN = "admin", _("Administration")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation the reader acted for."),
    )
    via = models.CharField(_("read through"), max_length=10, choices=Via.choices)
    read_at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        ordering = ["-read_at", "-id"]
        indexes = [models.Index(fields=["response", "-read_at"], name="response_read_at")]

    def __str__(self) -> str:
        return f"{self.reader_id} read {self.response_id} ({self.via})"
