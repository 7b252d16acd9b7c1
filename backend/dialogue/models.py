from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import BaseModel, VersionedModel
from backend.needs.models import Need


class DialogueConference(VersionedModel):
    """A market-dialogue conference announced by a buyer, followed by 1:1 meetings."""

    class Format(models.TextChoices):
        PHYSICAL = "physical", _("In person")
        STREAMED = "streamed", _("In person and streamed")
        DIGITAL = "digital", _("Fully digital with live Q&A")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    #: Shown to everyone (search, lists); the registry in backend/outbox/entities.py reads it.
    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.PUBLISHED, Status.CANCELLED)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="conferences"
    )
    needs = models.ManyToManyField(Need, related_name="conferences")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=10_000)
    agenda = models.TextField(_("agenda"), blank=True, max_length=5000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.PHYSICAL
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    stream_url = models.URLField(_("stream address"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"))
    capacity = models.PositiveIntegerField(
        _("capacity (organisations)"), validators=[MinValueValidator(1)]
    )
    max_slots_per_supplier = models.PositiveSmallIntegerField(
        _("1:1 meetings per supplier"), default=1, validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True)
    #: Set by services.conference_cancel: shown on the page and sent to every registered.
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class Registration(BaseModel):
    """A supplier organisation's registration (påmelding) for a conference."""

    conference = models.ForeignKey(
        DialogueConference, on_delete=models.CASCADE, related_name="registrations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="registrations"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participants = models.JSONField(default=list)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "organization"], name="unique_registration"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.conference}"


class MeetingSlot(BaseModel):
    """A 1:1 meeting slot at a conference, booked by at most one supplier organisation."""

    conference = models.ForeignKey(
        DialogueConference, on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    booked_by = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="booked_slots"
    )
    booked_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    booked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "starts_at"], name="unique_slot_start")
        ]

    def __str__(self) -> str:
        return f"{self.conference} {self.starts_at:%Y-%m-%d %H:%M}"


class Question(BaseModel):
    """A supplier's question at a conference. Equal treatment: the answer is published to
    every registered supplier, without naming who asked."""

    conference = models.ForeignKey(
        DialogueConference, on_delete=models.CASCADE, related_name="questions"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="questions"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("question"), max_length=2000)
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]
