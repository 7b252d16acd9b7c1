"""Pilots and experiments ("forsøk og utprøving"): a need asks for a pilot, says what will be
measured, and records the results once the pilot runs.

A pilot is public with its published need; its results only once the buyer marks them public.
Units share their codes with the case library's gains (backend/cases Gain.Unit), so a pilot's
result can become a documented gain of the need's case.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from backend.common.models import BaseModel, VersionedModel
from backend.needs.models import Need


class Unit(models.TextChoices):
    """What a measure counts in (the codes of backend.cases Gain.Unit, plus minutes)."""

    NOK = "nok", pgettext_lazy("pilot", "NOK")
    HOURS = "hours", pgettext_lazy("pilot", "hours")
    MINUTES = "minutes", pgettext_lazy("pilot", "minutes")
    DAYS = "days", pgettext_lazy("pilot", "days")
    TONNES_CO2E = "tonnes_co2e", pgettext_lazy("pilot", "tonnes CO2e")
    PERCENT = "percent", pgettext_lazy("pilot", "per cent")
    PERCENTAGE_POINTS = "percentage_points", pgettext_lazy("pilot", "percentage points")
    COUNT = "count", pgettext_lazy("pilot", "number")
    KM = "km", pgettext_lazy("pilot", "km")


class Pilot(VersionedModel):
    """The pilot a need asks for: its scope, period and users, and what will be measured."""

    class Status(models.TextChoices):
        WANTED = "wanted", pgettext_lazy("pilot", "Wanted")
        RUNNING = "running", pgettext_lazy("pilot", "Running")
        COMPLETED = "completed", pgettext_lazy("pilot", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("pilot", "Cancelled")

    #: A need seeks a pilot (the search filter "Søker pilot") while its pilot is wanted.
    SEEKING_STATUSES: ClassVar[tuple[str, ...]] = (Status.WANTED,)

    need = models.OneToOneField(Need, on_delete=models.CASCADE, related_name="pilot")
    scope = models.TextField(pgettext_lazy("pilot", "scope"), max_length=3000)
    starts_on = models.DateField(pgettext_lazy("pilot", "start"))
    ends_on = models.DateField(pgettext_lazy("pilot", "end"))
    users = models.PositiveIntegerField(pgettext_lazy("pilot", "number of users"))
    status = models.CharField(
        pgettext_lazy("pilot", "status"),
        max_length=10,
        choices=Status.choices,
        default=Status.WANTED,
        db_index=True,
    )
    results_public = models.BooleanField(
        pgettext_lazy("pilot", "results are public"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="pilot_ends_after_start"
            ),
            models.CheckConstraint(condition=models.Q(users__gte=1), name="pilot_has_users"),
        ]

    def __str__(self) -> str:
        return f"Pilot: {self.need}"

    @property
    def seeking(self) -> bool:
        return self.status in self.SEEKING_STATUSES


class Measure(BaseModel):
    """One thing the pilot measures, its baseline and, once recorded, its result."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(pgettext_lazy("pilot", "what is measured"), max_length=200)
    unit = models.CharField(pgettext_lazy("pilot", "unit"), max_length=20, choices=Unit.choices)
    baseline = models.DecimalField(
        pgettext_lazy("pilot", "baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    result_value = models.DecimalField(
        pgettext_lazy("pilot", "result"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    result_note = models.TextField(
        pgettext_lazy("pilot", "note on the result"), max_length=2000, blank=True
    )
    result_recorded_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["pilot_id", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"
