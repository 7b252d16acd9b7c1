"""The case library: what a completed need achieved, its documented gains, and who reused it.

A case is made from one of its buyer's needs once the need reached contract follow-up or
implementation, or was closed. Published cases are public; drafts are seen by the buyer's
organisation and advisors only. A case's gains are named fields with fixed vocabularies so
that statistics (the sector barometer) can sum them by type, unit and period.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import BaseModel, VersionedModel
from backend.needs.models import Need
from backend.reference.vocabularies import (
    language_choices,
    procedure_choices,
    sector_choices,
    stage_choices,
)

#: The need's stages from which its outcome can be told (LUP's last two).
CASE_STAGES: tuple[str, ...] = ("kontrakt", "implementering")


class Case(VersionedModel):
    """What a buyer bought through a need and what it gained: shared so others can reuse it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    #: Shown to everyone (search, lists); the registry in backend/outbox/entities.py reads it.
    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.PUBLISHED,)

    need = models.OneToOneField(Need, on_delete=models.CASCADE, related_name="case")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="cases")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what was bought"), max_length=5000)
    sector = models.CharField(_("sector"), max_length=40, choices=sector_choices())
    cpv_codes = models.JSONField(_("CPV codes"), default=list, blank=True)
    procedure = models.CharField(_("procedure"), max_length=30, choices=procedure_choices())
    stage_reached = models.CharField(_("stage reached"), max_length=20, choices=stage_choices())
    suppliers = models.ManyToManyField(
        Organization, blank=True, related_name="supplied_cases", verbose_name=_("suppliers")
    )
    supplier_names = models.JSONField(_("other suppliers (by name)"), default=list, blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True, max_length=5000)
    language = models.CharField(
        _("language"), max_length=2, choices=language_choices(), default="nb"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(
                fields=["-published_at", "-created_at"],
                name="case_public_order",
                condition=Q(status="published"),
            ),
            models.Index(fields=["-published_at", "-created_at"], name="case_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class Gain(BaseModel):
    """One documented gain of a case: how much of what, over which period, for whom."""

    class Type(models.TextChoices):
        MONEY_SAVED = "money_saved", _("Money saved")
        HOURS_FREED = "hours_freed", _("Hours freed")
        CO2_REDUCED = "co2_reduced", _("CO2 reduced")
        QUALITY = "quality", _("Quality (e.g. fewer falls, shorter waiting time)")
        OTHER = "other", _("Other")

    class Unit(models.TextChoices):
        NOK = "nok", _("NOK")
        HOURS = "hours", _("hours")
        TONNES_CO2E = "tonnes_co2e", _("tonnes CO2e")
        PERCENTAGE_POINTS = "percentage_points", _("percentage points")
        PERCENT = "percent", _("per cent")
        COUNT = "count", _("number")
        DAYS = "days", _("days")
        KM = "km", _("km")

    class Period(models.TextChoices):
        PER_YEAR = "per_year", _("per year")
        PER_MONTH = "per_month", _("per month")
        ONE_OFF = "one_off", _("one-off")
        CONTRACT = "contract", _("over the contract")

    class Beneficiary(models.TextChoices):
        BUYER = "buyer", _("the buyer")
        OTHER_SECTOR = "other_sector", _("another sector")
        CITIZENS = "citizens", _("the citizens")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="gains")
    type = models.CharField(_("type of gain"), max_length=20, choices=Type.choices)
    description = models.CharField(_("what was gained"), max_length=300, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    beneficiary = models.CharField(_("who benefits"), max_length=20, choices=Beneficiary.choices)
    beneficiary_sector = models.CharField(
        _("which sector benefits"), max_length=40, choices=sector_choices(), blank=True
    )
    measurement = models.TextField(_("how it was measured"), max_length=2000)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["case_id", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.amount} {self.unit} {self.period}"


class CaseReuse(BaseModel):
    """A buyer started a new need from a published case ("Gjenbruk"): the trace of spreading."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reuses")
    need = models.OneToOneField(Need, on_delete=models.CASCADE, related_name="reused_case")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="case_reuses"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organization} ← {self.case}"
