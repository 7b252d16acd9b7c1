from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which object, and when. Append-only."""

    class Action(models.TextChoices):
        CREATED = "created"
        CHANGED = "changed"
        PUBLISHED = "published"
        CLOSED = "closed"
        DELETED = "deleted"
        VERIFIED = "verified"
        VIEWED_CONFIDENTIAL = "viewed_confidential"
        BOOKED = "booked"
        CANCELLED = "cancelled"
        REGISTERED = "registered"
        SHORTLISTED = "shortlisted"
        INTRODUCED = "introduced"
        REJECTED = "rejected"
        NOTED = "noted"
        EXPORTED = "exported"
        REQUESTED = "requested"
        APPROVED = "approved"
        DECLINED = "declined"
        WITHDRAWN = "withdrawn"
        INVITED = "invited"
        GRANTED = "granted"
        REVOKED = "revoked"
        ROLE_CHANGED = "role_changed"
        REQUEUED = "requeued"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=40)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.object_type}:{self.object_id}"
