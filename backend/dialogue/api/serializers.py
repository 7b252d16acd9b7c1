from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common import limits
from backend.common.fields import (
    DateTimeField,
    PlainTextField,
    WebAddressField,
    bounded_many,
    model_text,
)
from backend.common.serializers import OrganizationBrief, VisiblePrimaryKeyRelatedField
from backend.dialogue.models import DialogueConference, MeetingSlot, Question, Registration
from backend.dialogue.rules import answers_due
from backend.needs.models import Need
from backend.needs.selectors import need_list


# Its own component name: backend.needs has another NeedBrief (a schema may hold only one).
@extend_schema_serializer(component_name="ConferenceNeedBrief")
class NeedBrief(serializers.ModelSerializer[Need]):
    class Meta:
        model = Need
        fields = ["id", "title", "stage", "status"]


class ConferenceOutput(serializers.ModelSerializer[DialogueConference]):
    organization = OrganizationBrief(read_only=True)
    # The linked needs the reader may see (selectors.conference_list prefetches them).
    needs = NeedBrief(source="visible_needs", many=True, read_only=True)
    registration_count = serializers.IntegerField(read_only=True)
    format_label = serializers.CharField(source="get_format_display", read_only=True)

    class Meta:
        model = DialogueConference
        fields = [
            "id",
            "title",
            "description",
            "agenda",
            "starts_at",
            "ends_at",
            "format",
            "format_label",
            "location",
            "stream_url",
            "registration_deadline",
            "capacity",
            "max_slots_per_supplier",
            "status",
            "published_at",
            "cancelled_at",
            "cancellation_reason",
            "organization",
            "needs",
            "registration_count",
            "version",
            "created_at",
        ]


class ConferenceInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    need_ids = bounded_many(
        VisiblePrimaryKeyRelatedField(scope=need_list),
        max_length=limits.CONFERENCE_NEEDS,
        source="needs",
    )
    title = model_text(DialogueConference, "title")
    description = model_text(DialogueConference, "description", required=False, allow_blank=True)
    agenda = model_text(DialogueConference, "agenda", required=False, allow_blank=True)
    starts_at = DateTimeField()
    ends_at = DateTimeField()
    format = serializers.ChoiceField(choices=DialogueConference.Format.choices)
    location = model_text(DialogueConference, "location", required=False, allow_blank=True)
    stream_url = WebAddressField(required=False, allow_blank=True)
    registration_deadline = DateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=10000)
    max_slots_per_supplier = serializers.IntegerField(min_value=1, max_value=10, required=False)


class ConferenceUpdateInput(ConferenceInput):
    organization = None  # type: ignore[assignment]


class CancelInput(serializers.Serializer):  # type: ignore[type-arg]
    reason = model_text(DialogueConference, "cancellation_reason")


class Participant(serializers.Serializer):  # type: ignore[type-arg]
    name = PlainTextField(max_length=limits.PERSON_NAME)
    email = serializers.EmailField(max_length=limits.EMAIL)
    role = PlainTextField(max_length=limits.ROLE, required=False, allow_blank=True)


class RegistrationOutput(serializers.ModelSerializer[Registration]):
    organization = OrganizationBrief(read_only=True)
    participants = Participant(many=True, read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "organization", "participants", "created_at"]


class RegistrationInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    # DRF's ListSerializer takes max_length; its type stubs do not know it yet.
    participants = Participant(  # type: ignore[call-arg]
        many=True, allow_empty=False, max_length=limits.PARTICIPANTS
    )


class SlotOutput(serializers.ModelSerializer[MeetingSlot]):
    # Optional: only the host, advisors and the booking supplier learn who booked (null: free).
    booked_by = OrganizationBrief(required=False, allow_null=True)
    is_booked = serializers.SerializerMethodField()

    class Meta:
        model = MeetingSlot
        fields = ["id", "starts_at", "ends_at", "is_booked", "booked_by", "booked_at"]

    def get_is_booked(self, slot: MeetingSlot) -> bool:
        return slot.booked_by_id is not None


class PublicSlotOutput(SlotOutput):
    """What other suppliers see: whether a slot is taken, not by whom (equal treatment)."""

    class Meta(SlotOutput.Meta):
        fields = ["id", "starts_at", "ends_at", "is_booked"]


class SlotInput(serializers.Serializer):  # type: ignore[type-arg]
    starts_at = DateTimeField()
    ends_at = DateTimeField()


class BookInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())


class SlotCancelInput(serializers.Serializer):  # type: ignore[type-arg]
    """Why the booking is cancelled (optional): told to the other side."""

    reason = PlainTextField(
        max_length=limits.REASON, multiline=True, required=False, allow_blank=True, default=""
    )


class AllowanceQuery(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())


class BookingAllowanceOutput(serializers.Serializer):  # type: ignore[type-arg]
    """What a supplier organisation may still book at a conference (selectors.BookingAllowance):
    `reason` says why it may book nothing more ("" when it may)."""

    organization = OrganizationBrief(read_only=True)
    registered = serializers.BooleanField(read_only=True)
    max_meetings = serializers.IntegerField(read_only=True)
    booked = serializers.IntegerField(read_only=True)
    remaining = serializers.IntegerField(read_only=True)
    can_book = serializers.BooleanField(read_only=True)
    reason = serializers.CharField(read_only=True)
    booking_deadline = serializers.DateTimeField(read_only=True)


class QuestionOutput(serializers.ModelSerializer[Question]):
    """Who asked is shown only to the host and advisors (equal treatment). `answer_due`: when
    an unanswered question's answer is published to every registered supplier at the latest
    (rules.answers_due; none once answered or the conference is cancelled)."""

    asked_by_organization = serializers.SerializerMethodField()
    answer_due = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields = [
            "id",
            "text",
            "answer",
            "answered_at",
            "answer_due",
            "created_at",
            "asked_by_organization",
        ]

    def get_asked_by_organization(self, question: Question) -> str | None:
        return question.organization.name if self.context.get("host") else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_answer_due(self, question: Question) -> str | None:
        if (
            question.answered_at is not None
            or question.conference.status == DialogueConference.Status.CANCELLED
        ):
            return None
        due = answers_due(question.conference, asked_at=question.created_at)
        return serializers.DateTimeField().to_representation(due)


class QuestionInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    text = model_text(Question, "text")


class AnswerInput(serializers.Serializer):  # type: ignore[type-arg]
    answer = model_text(Question, "answer")
