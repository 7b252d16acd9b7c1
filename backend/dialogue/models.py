from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Organization
from backend.common import limits
from backend.common.models import BaseModel, VersionedModel
from backend.needs.models import Need
from backend.solutions.models import Solution


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


class ConferenceInvitation(BaseModel):
    """A buyer's invitation of a supplier organisation to a conference, usually one whose
    solution was suggested for the conference's need. One per conference and organisation:
    an organisation is never invited twice. Who was invited is for the host and advisors;
    an invited supplier sees its own invitation only."""

    #: The longest personal message an invitation carries.
    MESSAGE_LENGTH: ClassVar[int] = 2000

    conference = models.ForeignKey(
        DialogueConference, on_delete=models.CASCADE, related_name="invitations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="conference_invitations"
    )
    #: The suggested solution the buyer chose the organisation by (None: deleted since).
    solution = models.ForeignKey(
        Solution, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("personal message"), blank=True, max_length=MESSAGE_LENGTH)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "organization"], name="unique_conference_invitation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} invited to {self.conference}"


# ------------------------------------------------------------------------ ongoing dialogue


class OngoingDialogue(BaseModel):
    """A need's ongoing dialogue (løpende dialog): while the need is in a dialogue stage, the
    buyer takes meetings with suppliers who ask for one, up to `weekly_capacity` meetings in
    each ISO week (Monday to Sunday, Norwegian time). Each request is answered by the same
    rules: accepted with a time, or declined with a standard reply."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    need = models.OneToOneField(Need, on_delete=models.CASCADE, related_name="ongoing_dialogue")
    weekly_capacity = models.PositiveSmallIntegerField(
        _("meetings per week"), validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("length of a meeting (minutes)"),
        default=45,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    place = models.CharField(_("where the meetings are held"), max_length=200)
    topics = models.TextField(_("what the buyer wants to talk about"), blank=True, max_length=2000)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.need} ({self.get_status_display()})"


class MeetingRequest(BaseModel):
    """A supplier's request for a meeting in a need's ongoing dialogue, for an ISO week."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled by the buyer")

    class DeclineReason(models.TextChoices):
        """The standard replies: every supplier declined for a reason hears the same."""

        CAPACITY = "capacity", _("The buyer has no more room for meetings that week")
        SCOPE = "scope", _("The topic lies outside what the dialogue explores")
        CLOSING = "closing", _("The ongoing dialogue is closing")

    #: A request that holds a place in its week's capacity.
    HOLDING: ClassVar[tuple[str, ...]] = (Status.PENDING, Status.ACCEPTED)

    dialogue = models.ForeignKey(OngoingDialogue, on_delete=models.CASCADE, related_name="requests")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="meeting_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The Monday of the ISO week asked for.
    week = models.DateField(_("week"))
    topic = models.TextField(_("what the supplier wants to talk about"), max_length=2000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(
        _("standard reply"), max_length=10, choices=DeclineReason.choices, blank=True
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    #: An accepted meeting the buyer cancelled: when, and why if it said (told to the supplier).
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(
        _("reason for cancelling"), max_length=limits.REASON, blank=True
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dialogue", "organization"],
                condition=models.Q(status="pending"),
                name="one_pending_meeting_request_per_supplier",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.dialogue.need} ({self.week:%G-W%V})"


# ------------------------------------------------------------------ the equal-treatment record


class MeetingMinutes(BaseModel):
    """The minutes (referat) of one held 1:1 meeting. The buyer that held it writes them; the
    supplier the meeting was with reads them once they are sent, and may comment; advisors
    read them; nobody else does. The parties and the time are kept as they were when the
    minutes were first written: a record does not change with a later booking."""

    slot = models.OneToOneField(
        MeetingSlot, null=True, blank=True, on_delete=models.CASCADE, related_name="minutes"
    )
    #: Or a meeting of a need's ongoing dialogue.
    request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="minutes"
    )
    host = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    supplier = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    meeting_starts_at = models.DateTimeField(_("meeting started"))
    meeting_ends_at = models.DateTimeField(_("meeting ended"))
    text = models.TextField(_("minutes"), blank=True, max_length=20_000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: When the buyer last sent them to the supplier (None: a draft only the buyer reads).
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting_starts_at"]
        verbose_name_plural = _("meeting minutes")

    def __str__(self) -> str:
        return f"{self.host} / {self.supplier} {self.meeting_starts_at:%Y-%m-%d %H:%M}"


class MinutesComment(BaseModel):
    """The supplier's comment on the minutes of its meeting (read by the buyer and advisors)."""

    minutes = models.ForeignKey(MeetingMinutes, on_delete=models.CASCADE, related_name="comments")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=5000)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class SharedInformation(BaseModel):
    """Something the buyer shared in a meeting of the market dialogue (an answer, a document,
    a clarification of the need), published to every supplier taking part in the dialogue
    (equal treatment: no supplier gains from what another heard). Append-only: a correction
    is shared as a new entry. The log names the kind of meeting and when it was held, never
    which supplier a 1:1 meeting was with; a dialogue conference itself is public."""

    class Kind(models.TextChoices):
        ANSWER = "answer", _("Answer")
        DOCUMENT = "document", _("Document")
        CLARIFICATION = "clarification", _("Clarification of the need")

    class MeetingType(models.TextChoices):
        CONFERENCE = "conference", _("Dialogue conference")
        ONE_TO_ONE = "one_to_one", _("1:1 meeting at a dialogue conference")
        ONGOING = "ongoing", _("Meeting in the ongoing dialogue")

    #: Shared at a conference or one of its 1:1 meetings: the log of each of its needs.
    conference = models.ForeignKey(
        DialogueConference,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shared_information",
    )
    #: Shared in a meeting of a need's ongoing dialogue: that need's log.
    need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.CASCADE, related_name="shared_information"
    )
    #: The meeting's minutes (None: shared at the conference itself).
    minutes = models.ForeignKey(
        MeetingMinutes, null=True, blank=True, on_delete=models.CASCADE, related_name="shared"
    )
    meeting_type = models.CharField(_("meeting"), max_length=12, choices=MeetingType.choices)
    meeting_at = models.DateTimeField(_("meeting held"))
    kind = models.CharField(_("what"), max_length=14, choices=Kind.choices)
    text = models.TextField(_("what was shared"), max_length=5000)
    document_title = models.CharField(_("document"), max_length=200, blank=True)
    document_url = models.URLField(_("link to the document"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = _("shared information")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(conference__isnull=False) | models.Q(need__isnull=False),
                name="shared_information_has_a_dialogue",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
