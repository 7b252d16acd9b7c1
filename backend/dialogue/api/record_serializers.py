"""The equal-treatment record in the API: minutes of a held meeting, the supplier's comments,
and what the buyer shared. What was shared never names the supplier a meeting was with."""

from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from backend.common.fields import WebAddressField, model_text
from backend.common.serializers import OrganizationBrief
from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
    MinutesComment,
    SharedInformation,
)
from backend.dialogue.record_selectors import Meeting
from backend.needs.models import Need


class ConferenceRef(serializers.ModelSerializer[DialogueConference]):
    class Meta:
        model = DialogueConference
        fields = ["id", "title"]


class SharedOutput(serializers.ModelSerializer[SharedInformation]):
    """One entry of the equal-treatment log: what, when and in which kind of meeting (the
    conference, which is public, is named; a supplier never is)."""

    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    meeting_type_label = serializers.CharField(source="get_meeting_type_display", read_only=True)
    conference = ConferenceRef(read_only=True, allow_null=True)
    published_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = SharedInformation
        fields = [
            "id",
            "kind",
            "kind_label",
            "meeting_type",
            "meeting_type_label",
            "meeting_at",
            "conference",
            "text",
            "document_title",
            "document_url",
            "published_at",
        ]


class SharedInput(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=SharedInformation.Kind.choices)
    text = model_text(SharedInformation, "text")
    document_title = model_text(
        SharedInformation, "document_title", required=False, allow_blank=True, default=""
    )
    document_url = WebAddressField(required=False, allow_blank=True, default="")


class CommentOutput(serializers.ModelSerializer[MinutesComment]):
    """A comment speaks for the supplier organisation: the person who wrote it is not shown
    (like who booked, the person is the supplier's own business)."""

    organization = OrganizationBrief(read_only=True)

    class Meta:
        model = MinutesComment
        fields = ["id", "organization", "text", "created_at"]


class CommentInput(serializers.Serializer):  # type: ignore[type-arg]
    text = model_text(MinutesComment, "text")


class MinutesInput(serializers.Serializer):  # type: ignore[type-arg]
    text = model_text(MeetingMinutes, "text", allow_blank=True)
    send = serializers.BooleanField(
        default=False, help_text="Send the minutes to the supplier (it is told)."
    )


@extend_schema_serializer(component_name="MeetingNeedRef")
class NeedRef(serializers.ModelSerializer[Need]):
    class Meta:
        model = Need
        fields = ["id", "title"]


class MeetingOutput(serializers.Serializer):  # type: ignore[type-arg]
    """A held (or coming) meeting, for its parties and advisors: a 1:1 meeting at a
    conference (`kind` "slot"), or one of a need's ongoing dialogue ("request")."""

    kind = serializers.ChoiceField(choices=[("slot", "slot"), ("request", "request")])
    id = serializers.IntegerField(source="pk")
    conference = ConferenceRef(allow_null=True)
    need = NeedRef(allow_null=True)
    host = OrganizationBrief()
    supplier = OrganizationBrief(allow_null=True)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class MinutesOutput(serializers.Serializer):  # type: ignore[type-arg]
    """The minutes of a meeting as the reader may see them: the supplier reads them only
    once they are sent (`text` is empty and `sent_at` null before that)."""

    meeting = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    sent_at = serializers.SerializerMethodField()
    updated_at = serializers.SerializerMethodField()
    can_write = serializers.BooleanField()
    can_comment = serializers.BooleanField()
    comments = serializers.SerializerMethodField()
    shared = serializers.SerializerMethodField()

    def _minutes(self, data: dict[str, Any]) -> MeetingMinutes | None:
        minutes: MeetingMinutes | None = data["meeting"].minutes
        return minutes if data["readable"] else None

    @extend_schema_field(MeetingOutput)
    def get_meeting(self, data: dict[str, Any]) -> dict[str, Any]:
        meeting: Meeting = data["meeting"]
        return dict(MeetingOutput(meeting).data)

    def get_text(self, data: dict[str, Any]) -> str:
        minutes = self._minutes(data)
        return minutes.text if minutes else ""

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_sent_at(self, data: dict[str, Any]) -> str | None:
        minutes = self._minutes(data)
        if minutes is None or minutes.sent_at is None:
            return None
        return serializers.DateTimeField().to_representation(minutes.sent_at)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_updated_at(self, data: dict[str, Any]) -> str | None:
        minutes = self._minutes(data)
        if minutes is None:
            return None
        return serializers.DateTimeField().to_representation(minutes.updated_at)

    @extend_schema_field(CommentOutput(many=True))
    def get_comments(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        minutes = self._minutes(data)
        if minutes is None:
            return []
        comments = minutes.comments.select_related("organization")
        return list(CommentOutput(comments, many=True).data)

    @extend_schema_field(SharedOutput(many=True))
    def get_shared(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        return list(SharedOutput(data["shared"], many=True).data)
