"""A need's ongoing dialogue in the API: its settings and weeks (public with the need), and
the meeting requests (the buyer's and each supplier's own)."""

from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common.fields import DateTimeField, model_text
from backend.common.serializers import OrganizationBrief
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.ongoing_rules import week_label
from backend.notifications.messages import standard_reply


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-W\d{2}$", "example": "2026-W12"})
class WeekField(serializers.Field):  # type: ignore[type-arg]
    """An ISO week as "2026-W12" (what a week input gives), held as its Monday."""

    default_error_messages = {
        "invalid": _("Choose a week as YYYY-Www, for example 2026-W12."),
    }

    def to_internal_value(self, data: Any) -> date:
        if not isinstance(data, str) or len(data) > 10:
            self.fail("invalid")
        year, _sep, week = data.partition("-W")
        try:
            return date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            self.fail("invalid")
        raise AssertionError  # fail() raises

    def to_representation(self, value: date) -> str:
        return week_label(value)


class WeekOutput(serializers.Serializer):  # type: ignore[type-arg]
    """A week of the ongoing dialogue: the places left (who asked is nobody's business)."""

    week = serializers.CharField()
    monday = serializers.DateField()
    sunday = serializers.DateField()
    capacity = serializers.IntegerField()
    taken = serializers.IntegerField()
    available = serializers.IntegerField()


class OngoingOutput(serializers.ModelSerializer[OngoingDialogue]):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    weeks = serializers.SerializerMethodField()
    can_manage = serializers.SerializerMethodField()

    class Meta:
        model = OngoingDialogue
        fields = [
            "status",
            "status_label",
            "weekly_capacity",
            "meeting_minutes",
            "place",
            "topics",
            "opened_at",
            "closed_at",
            "weeks",
            "can_manage",
        ]

    @extend_schema_field(WeekOutput(many=True))
    def get_weeks(self, dialogue: OngoingDialogue) -> list[dict[str, Any]]:
        return list(WeekOutput(self.context.get("weeks", []), many=True).data)

    def get_can_manage(self, dialogue: OngoingDialogue) -> bool:
        return bool(self.context.get("can_manage"))


class OngoingInput(serializers.Serializer):  # type: ignore[type-arg]
    weekly_capacity = serializers.IntegerField(min_value=1, max_value=20)
    meeting_minutes = serializers.IntegerField(min_value=15, max_value=240, default=45)
    place = model_text(OngoingDialogue, "place")
    topics = model_text(OngoingDialogue, "topics", required=False, allow_blank=True, default="")


class StandardReplyOutput(serializers.Serializer):  # type: ignore[type-arg]
    reason = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    text = serializers.CharField()


class MeetingRequestOutput(serializers.ModelSerializer[MeetingRequest]):
    """A request as its parties see it; `reply` is the standard reply it was declined with,
    `replies` (for the buyer, while it waits) the replies it may be declined with."""

    organization = OrganizationBrief(read_only=True)
    week = WeekField(read_only=True)
    week_starts = serializers.DateField(source="week", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    reply = serializers.SerializerMethodField()
    replies = serializers.SerializerMethodField()

    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "organization",
            "week",
            "week_starts",
            "topic",
            "status",
            "status_label",
            "starts_at",
            "ends_at",
            "place",
            "decline_reason",
            "reply",
            "replies",
            "decided_at",
            "cancelled_at",
            "cancellation_reason",
            "created_at",
        ]

    def get_reply(self, request: MeetingRequest) -> str:
        if request.status != MeetingRequest.Status.DECLINED:
            return ""
        return standard_reply(request.decline_reason, week=request.week.isoformat())

    @extend_schema_field(StandardReplyOutput(many=True))
    def get_replies(self, request: MeetingRequest) -> list[dict[str, str]]:
        if not self.context.get("can_manage") or request.status != MeetingRequest.Status.PENDING:
            return []
        return [
            {
                "reason": reason.value,
                "label": str(reason.label),
                "text": standard_reply(reason.value, week=request.week.isoformat()),
            }
            for reason in MeetingRequest.DeclineReason
        ]


class MeetingRequestInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    week = WeekField()
    topic = model_text(MeetingRequest, "topic")


class AcceptInput(serializers.Serializer):  # type: ignore[type-arg]
    starts_at = DateTimeField()
    ends_at = DateTimeField(required=False, allow_null=True, default=None)
    place = model_text(MeetingRequest, "place", required=False, allow_blank=True, default="")


class DeclineInput(serializers.Serializer):  # type: ignore[type-arg]
    reason = serializers.ChoiceField(choices=MeetingRequest.DeclineReason.choices)


class RequestCancelInput(serializers.Serializer):  # type: ignore[type-arg]
    """Why the buyer cancels the meeting (optional): told to the supplier."""

    reason = model_text(
        MeetingRequest, "cancellation_reason", required=False, allow_blank=True, default=""
    )
