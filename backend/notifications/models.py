"""Notifications: what a person is told (in the app, and by e-mail as they chose), their
choices per kind, and every e-mail delivery with its idempotency key and its fate."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.models import BaseModel


class NotificationKind(models.TextChoices):
    """Every kind of news, by who hears it (issue 13). Each has its message class in
    ``backend.notifications.messages`` (texts and the frontend route it links to)."""

    # Buyers: their needs and conferences.
    RESPONSE_RECEIVED = "response_received", _("A supplier responded to your need")
    QUESTION_ASKED = "question_asked", _("A supplier asked a question at your conference")
    REGISTRATION_RECEIVED = "registration_received", _("A supplier registered for your conference")
    REGISTRATION_CANCELLED = (
        "registration_cancelled",
        _("A supplier cancelled its registration for your conference"),
    )
    MEETING_BOOKED = "meeting_booked", _("A supplier booked a 1:1 meeting")
    MEETING_CANCELLED = "meeting_cancelled", _("A 1:1 meeting was cancelled")
    CO_BUYER_REQUESTED = "co_buyer_requested", _("Another buyer asks you to be co-buyer")
    SIMILAR_NEED_PUBLISHED = "similar_need_published", _("Another buyer published a similar need")
    JOINT_INVITATION = (
        "joint_invitation",
        _("Another buyer invites you to a joint procurement"),
    )
    JOINT_ANSWERED = "joint_answered", _("A buyer answered your invitation to a joint procurement")
    JOINT_CHANGED = "joint_changed", _("A joint procurement you take part in changed")
    # Suppliers: needs and conferences they follow.
    NEED_MATCHES_SOLUTION = "need_matches_solution", _("A new need matches your solution")
    SAVED_SEARCH_HITS = "saved_search_hits", _("New hits for a saved search")
    QUESTION_ANSWERED = "question_answered", _("An answer at a conference you registered for")
    CONFERENCE_INVITATION = "conference_invitation", _("You are invited to a dialogue conference")
    INTRODUCTION = "introduction", _("A LUP advisor introduced you")
    CONFERENCE_CHANGED = "conference_changed", _("A conference you registered for changed")
    CONFERENCE_CANCELLED = (
        "conference_cancelled",
        _("A conference you registered for was cancelled"),
    )
    MEETING_CHANGED = "meeting_changed", _("Your 1:1 meeting was moved")
    RESPONSE_READERS_ADDED = "response_readers_added", _("A new buyer can read your response")
    # Research institutions (backend/research).
    RESEARCH_PARTNER_INVITED = (
        "research_partner_invited",
        _("A buyer invites your institution as research partner"),
    )
    # Advisors.
    NEED_TO_CURATE = "need_to_curate", _("A new need to curate")
    ORGANIZATION_UNVERIFIED = "organization_unverified", _("An organisation waits for verification")
    # Everyone: their organisations.
    ORGANIZATION_VERIFIED = "organization_verified", _("Your organisation was verified")
    JOIN_REQUESTED = "join_requested", _("Someone asks to join your organisation")
    JOIN_DECIDED = "join_decided", _("Your request to join an organisation was decided")
    # The market dialogue's record (backend/notifications/news.py).
    SHARED_INFORMATION = (
        "shared_information",
        _("The buyer shared something in a dialogue you take part in"),
    )
    MINUTES_SENT = "minutes_sent", _("The buyer sent the minutes of your 1:1 meeting")
    MINUTES_COMMENTED = "minutes_commented", _("A supplier commented on a meeting's minutes")
    # A need's ongoing dialogue (backend/notifications/news.py).
    MEETING_REQUESTED = "meeting_requested", _("A supplier asks for a meeting in ongoing dialogue")
    MEETING_REQUEST_ACCEPTED = (
        "meeting_request_accepted",
        _("The buyer accepted your meeting request"),
    )
    MEETING_REQUEST_DECLINED = (
        "meeting_request_declined",
        _("The buyer declined your meeting request"),
    )
    MEETING_REQUEST_WITHDRAWN = (
        "meeting_request_withdrawn",
        _("A supplier withdrew its meeting request"),
    )
    MEETING_REQUEST_CANCELLED = (
        "meeting_request_cancelled",
        _("The buyer cancelled your meeting in ongoing dialogue"),
    )
    MEETING_REQUEST_CALENDAR = (
        "meeting_request_calendar",
        _("A meeting in ongoing dialogue set or cancelled, for your calendar"),
    )
    # Confirmations to the supplier, with a calendar file.
    REGISTRATION_CONFIRMED = "registration_confirmed", _("Your registration for a conference")
    MEETING_CONFIRMED = "meeting_confirmed", _("Your booking of a 1:1 meeting")
    # Reminders (backend/notifications/reminders.py, from Celery beat).
    BOOKING_CLOSES_REMINDER = (
        "booking_closes_reminder",
        _("Reminder: registration and booking close soon"),
    )
    CONFERENCE_REMINDER = "conference_reminder", _("Reminder: a conference tomorrow")
    MEETING_REMINDER = "meeting_reminder", _("Reminder: a 1:1 meeting tomorrow")


class Channel(models.TextChoices):
    """How a person hears of one kind of news. In-app always, unless off."""

    IN_APP = "in_app", _("In the app only")
    EMAIL = "email", _("In the app and by e-mail at once")
    DIGEST = "digest", _("In the app and in a daily e-mail digest")
    OFF = "off", _("Not at all")


class Notification(BaseModel):
    """One piece of news for one person. ``params`` are the message's data (texts are rendered
    from them in the reader's language); ``title`` and ``body`` are the texts as rendered for
    the recipient when it was made (and of notifications from before kinds, ``kind`` "")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices, blank=True)
    params = models.JSONField(default=dict, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.IN_APP)
    title = models.CharField(max_length=200)
    body = models.TextField()
    link = models.CharField(max_length=200, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(BaseModel):
    """A person's choice for one kind (without a row, the kind's default applies)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_preference")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}: {self.channel}"


class Reminder(models.Model):
    """A reminder that was sent: one per kind, thing and time, so that beat running again
    sends none twice, and a thing moved to another time is reminded of again."""

    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    key = models.CharField(max_length=100, help_text=_("What it reminded of, and its time."))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_reminder")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class Delivery(BaseModel):
    """One e-mail to one person: a notification at once, or a daily digest of several.

    ``key`` is unique (the idempotency key: ``notification:<id>:user:<id>`` or
    ``digest:<user>:<date>``), so a notification is never queued twice; a send holds the row
    locked and marks it sent in the same transaction, so a retried task never sends twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RETRYING = "retrying", _("Failed, will retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent")

    class Kind(models.TextChoices):
        INSTANT = "instant", _("At once")
        DIGEST = "digest", _("Daily digest")

    key = models.CharField(max_length=100, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    notifications = models.ManyToManyField(Notification, related_name="deliveries")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return self.key
