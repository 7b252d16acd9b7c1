from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import VersionedModel
from backend.reference.vocabularies import language_choices, sector_choices


class Solution(VersionedModel):
    """A supplier's solution profile."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    #: Shown to everyone (search, lists); the registry in backend/outbox/entities.py reads it.
    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.PUBLISHED,)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="solutions"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    sector = models.CharField(_("sector"), max_length=40, choices=sector_choices())
    cpv_codes = models.JSONField(_("CPV codes"), default=list, blank=True)
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level (TRL)"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
    )
    regions = models.JSONField(_("regions served"), default=list, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=language_choices(), default="nb"
    )
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]
        # The lists' order: a page reads an index instead of sorting every row. The partial
        # index serves the public list (only public rows, so no draft is skipped); the full one
        # the lists of owners and advisors.
        indexes = [
            models.Index(
                fields=["-published_at", "-created_at"],
                name="solution_public_order",
                condition=Q(status="published"),
            ),
            models.Index(fields=["-published_at", "-created_at"], name="solution_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES
