from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Decision, Organization
from backend.common.models import BaseModel, VersionedModel
from backend.reference.vocabularies import (
    DEFAULT_PROCEDURE,
    DEFAULT_STAGE,
    DIALOGUE_STAGES,
    county_choices,
    language_choices,
    procedure_choices,
    sector_choices,
    stage_choices,
)


class Need(VersionedModel):
    """A public buyer's need: the problem and the effect wanted, not a product."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    #: Shown to everyone (search, lists); the registry in backend/outbox/entities.py reads it.
    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.PUBLISHED, Status.CLOSED)

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="needs")
    co_buyers = models.ManyToManyField(Organization, blank=True, related_name="co_needs")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    desired_effect = models.TextField(_("desired effect"), blank=True, max_length=5000)
    sector = models.CharField(_("sector"), max_length=40, choices=sector_choices())
    cpv_codes = models.JSONField(_("CPV codes"), default=list, blank=True)
    county = models.CharField(_("county"), max_length=2, choices=county_choices(), blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    budget_min = models.PositiveBigIntegerField(_("budget from (NOK)"), null=True, blank=True)
    budget_max = models.PositiveBigIntegerField(_("budget to (NOK)"), null=True, blank=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=stage_choices(), default=DEFAULT_STAGE
    )
    procedure = models.CharField(
        _("procedure"), max_length=30, choices=procedure_choices(), default=DEFAULT_PROCEDURE
    )
    response_deadline = models.DateTimeField(_("deadline for responses"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=language_choices(), default="nb"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    estimated_users = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]
        # The lists' order: a page reads an index instead of sorting every row. The partial
        # index serves the public list (only public rows, so no draft is skipped); the full one
        # the lists of owners and advisors.
        indexes = [
            models.Index(
                fields=["-published_at", "-created_at"],
                name="need_public_order",
                condition=Q(status__in=["published", "closed"]),
            ),
            models.Index(fields=["-published_at", "-created_at"], name="need_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def dialogue_open(self) -> bool:
        """Dialogue stops once the competition is announced (and when the need is closed)."""
        return self.status == self.Status.PUBLISHED and self.stage in DIALOGUE_STAGES


class CoBuyerRequest(BaseModel):
    """A buyer asks another public buyer to share a need. The invited organisation reads
    the need's drafts and responses only after its administrator accepted; until then the
    need's `co_buyers` (the accepted ones) does not include it."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="co_buyer_requests")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="co_buyer_requests"
    )
    status = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "organization"],
                condition=models.Q(status="pending"),
                name="one_pending_co_buyer_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ↔ {self.need} ({self.status})"
