"""Research institutions' competence profiles, and research partners on a buyer's need.

A research institution (Organization.Kind.RESEARCH) is neither buyer nor supplier: it
publishes what it can contribute (a competence profile) and a buyer may invite it to a need
as research partner. A partner reads what the buyer shares with it and the need, drafts
included, once its organisation accepted; the responses only while the buyer grants it.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import BaseModel, VersionedModel
from backend.needs.models import Need
from backend.reference.vocabularies import language_choices


class CompetenceProfile(VersionedModel):
    """What a research institution offers a public buyer: a field, methods, sectors."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    PUBLIC_STATUSES: ClassVar[tuple[str, ...]] = (Status.PUBLISHED,)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="competence_profiles"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("field and description"), max_length=5000)
    methods = models.TextField(_("methods"), blank=True, max_length=2000)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    cpv_codes = models.JSONField(_("CPV codes"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=100, blank=True)
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
        ordering = ["-published_at", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class ResearchPartnership(BaseModel):
    """A research institution on a need, invited by the need's buyer.

    invited → accepted (the partner reads the need and what is shared with it) or declined;
    invited or accepted → ended (by either side: it sees nothing more). The responses are
    read only while accepted and `may_read_responses`, which the buyer grants and revokes.
    """

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    #: The states in which the institution is on the need (one such row per pair).
    OPEN_STATES: ClassVar[tuple[str, ...]] = (State.INVITED, State.ACCEPTED)

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="research_partnerships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="research_partnerships"
    )
    profile = models.ForeignKey(
        CompetenceProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
        help_text=_("The competence profile the invitation was made from, if any."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.INVITED, db_index=True
    )
    may_read_responses = models.BooleanField(
        _("may read the responses"),
        default=False,
        help_text=_("Granted by the buyer; the partner reads the responses only while accepted."),
    )
    shared_note = models.TextField(
        _("shared with the partner"),
        blank=True,
        max_length=5000,
        help_text=_("What the buyer shares with the research partner (a note, documents)."),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "organization"],
                condition=Q(state__in=["invited", "accepted"]),
                name="one_open_research_partnership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ↔ {self.need} ({self.state})"

    @property
    def reads_need(self) -> bool:
        return self.state == self.State.ACCEPTED

    @property
    def reads_responses(self) -> bool:
        return self.state == self.State.ACCEPTED and self.may_read_responses
