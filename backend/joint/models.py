"""Joint procurement ("felles anskaffelse"): public buyers with the same need form a group
with one lead buyer, one shared need text and a combined volume (issue 14)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common.models import BaseModel
from backend.needs.models import Need


class ProcurementGroup(BaseModel):
    """A group of buyers procuring together. Forming while only the lead has joined; active
    from the first accepted invitation; dissolved by its lead (a record, never deleted)."""

    class Status(models.TextChoices):
        FORMING = "forming", _("Forming")
        ACTIVE = "active", _("Active")
        DISSOLVED = "dissolved", _("Dissolved")

    lead_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="led_procurement_groups"
    )
    lead_need = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("shared title"), max_length=200)
    description = models.TextField(_("shared description"), max_length=10_000)
    #: The lead's own figures for the whole group; the members' sums are computed.
    combined_users = models.PositiveIntegerField(_("combined users"), null=True, blank=True)
    combined_budget = models.PositiveBigIntegerField(
        _("combined budget (NOK)"), null=True, blank=True
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.FORMING, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dissolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_live(self) -> bool:
        return self.status != self.Status.DISSOLVED


class GroupMembership(BaseModel):
    """One need of one buyer in a group: invited, then accepted or declined; an accepted
    member may leave. The lead's own need is an accepted membership from the start."""

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Member")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    group = models.ForeignKey(ProcurementGroup, on_delete=models.CASCADE, related_name="members")
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="group_memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="group_memberships"
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.INVITED, db_index=True
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "need"], name="joint_one_membership_per_need"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} in {self.group_id} ({self.state})"
