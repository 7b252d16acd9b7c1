from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Decision, Organization
from backend.common import field_messages, limits
from backend.common.fields import (
    ChoiceInput,
    DateTimeField,
    PlainTextField,
    bounded_many,
    model_text,
)
from backend.common.serializers import (
    CpvListField,
    OrganizationBrief,
    county_label,
    procedure_label,
    sector_label,
    stage_label,
)
from backend.needs.models import CoBuyerRequest, Need
from backend.needs.selectors import (
    need_has_ongoing_dialogue,
    need_has_pilot,
    need_seeks_pilot,
    need_visible,
    pending_co_buyer_requests,
    user_edits_need,
    user_may_publish,
    user_reads_responses_to,
)
from backend.outbox.entities import Entity
from backend.outbox.selectors import suggestions_pending
from backend.reference.vocabularies import (
    county_choices,
    language_choices,
    procedure_choices,
    sector_choices,
    stage_choices,
)


class NeedOutput(serializers.ModelSerializer[Need]):
    organization = OrganizationBrief(read_only=True)
    co_buyers = OrganizationBrief(many=True, read_only=True)
    sector = sector_label()
    county = county_label()
    stage = stage_label()
    procedure = procedure_label()
    cpv_codes = CpvListField()
    seeks_pilot = serializers.SerializerMethodField(
        help_text="The need asks for a pilot (its pilot is wanted): the filter 'Søker pilot'."
    )

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "description",
            "desired_effect",
            "sector",
            "cpv_codes",
            "county",
            "municipality",
            "budget_min",
            "budget_max",
            "stage",
            "procedure",
            "response_deadline",
            "language",
            "status",
            "published_at",
            "closed_at",
            "organization",
            "co_buyers",
            "estimated_users",
            "seeks_pilot",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_seeks_pilot(self, need: Need) -> bool:
        return need_seeks_pilot(need)


class NeedBrief(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()


class ConferenceBrief(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    registration_deadline = serializers.DateTimeField()
    format = serializers.CharField()
    status = serializers.CharField()


class CoBuyerRequestOutput(serializers.ModelSerializer[CoBuyerRequest]):
    need = serializers.SerializerMethodField()
    owner = OrganizationBrief(source="need.organization", read_only=True)
    organization = OrganizationBrief(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = CoBuyerRequest
        fields = [
            "id",
            "need",
            "owner",
            "organization",
            "status",
            "status_label",
            "created_at",
            "decided_at",
        ]

    @extend_schema_field(NeedBrief)
    def get_need(self, request: CoBuyerRequest) -> dict[str, object]:
        """The invited organisation reads the title while it is asked; once the request is
        declined or withdrawn, a draft's title is its owner's again."""
        need = request.need
        http = self.context.get("request")
        reader = getattr(http, "user", None) or AnonymousUser()
        asked = request.status in (Decision.PENDING, Decision.APPROVED)
        title = need.title
        if not asked and not need_visible(user=reader, need=need):
            title = gettext("A need you no longer have access to")
        return {"id": request.need_id, "title": title, "status": need.status}


class NeedDetailOutput(NeedOutput):
    conferences = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()
    can_publish = serializers.SerializerMethodField(
        help_text="The reader may publish this draft now (its organisation is allowed to)."
    )
    can_read_responses = serializers.SerializerMethodField(
        help_text="The reader sees the responses to this need (buyer, accepted co-buyer, advisor)."
    )
    dialogue_open = serializers.BooleanField(read_only=True)
    pending_co_buyers = serializers.SerializerMethodField(
        help_text="Public buyers asked to be co-buyers who have not answered yet (editors only)."
    )
    suggestions_pending = serializers.SerializerMethodField(
        help_text="The need's suggested solutions and similar needs are being computed in the "
        "background after a change; they follow without a new request (ask again)."
    )
    has_pilot = serializers.SerializerMethodField(
        help_text="The need has a pilot (GET /api/needs/{id}/pilot/ answers it; 404 if not)."
    )
    has_ongoing_dialogue = serializers.SerializerMethodField(
        help_text="The buyer has opened ongoing dialogue on the need, open or closed since "
        "(GET /api/needs/{id}/ongoing-dialogue/ answers it; 404 if not)."
    )

    class Meta(NeedOutput.Meta):
        fields = [
            *NeedOutput.Meta.fields,
            "conferences",
            "can_edit",
            "can_publish",
            "can_read_responses",
            "dialogue_open",
            "pending_co_buyers",
            "suggestions_pending",
            "has_pilot",
            "has_ongoing_dialogue",
        ]

    @extend_schema_field(OrganizationBrief(many=True))
    def get_pending_co_buyers(self, need: Need) -> list[dict[str, object]]:
        if not self.get_can_edit(need):
            return []
        orgs = [r.organization for r in pending_co_buyer_requests(need=need)]
        return OrganizationBrief(orgs, many=True).data  # type: ignore[return-value]

    @extend_schema_field(ConferenceBrief(many=True))
    def get_conferences(self, need: Need) -> list[dict[str, object]]:
        from backend.dialogue.selectors import conference_list

        user = self.context["request"].user
        confs = conference_list(user=user).filter(needs=need)
        return ConferenceBrief(confs, many=True).data  # type: ignore[return-value]

    def get_can_edit(self, need: Need) -> bool:
        return user_edits_need(user=self.context["request"].user, need=need)

    def get_can_read_responses(self, need: Need) -> bool:
        return user_reads_responses_to(user=self.context["request"].user, need=need)

    def get_can_publish(self, need: Need) -> bool:
        return user_may_publish(user=self.context["request"].user, need=need)

    def get_suggestions_pending(self, need: Need) -> bool:
        return suggestions_pending(entity=Entity.NEED, entity_id=need.pk)

    def get_has_pilot(self, need: Need) -> bool:
        return need_has_pilot(need)

    def get_has_ongoing_dialogue(self, need: Need) -> bool:
        return need_has_ongoing_dialogue(need)


# What a reader needs to act on a description (the form counts it as one types).
DESCRIPTION_MIN = 40


class NeedInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    title = model_text(
        Need,
        "title",
        error_messages=field_messages.required_text(_("Enter a title for the need.")),
    )
    description = model_text(
        Need,
        "description",
        min_length=DESCRIPTION_MIN,
        error_messages=field_messages.required_text(
            _("Describe the need in at least {min_length} characters."), min_length=DESCRIPTION_MIN
        ),
    )
    desired_effect = model_text(Need, "desired_effect", required=False, allow_blank=True)
    sector = ChoiceInput(
        choices=sector_choices(),
        error_messages={"required": _("Choose the sector the need belongs to.")},
    )
    cpv_codes = serializers.ListField(
        child=PlainTextField(max_length=12), required=False, max_length=limits.CPV_CODES
    )
    county = ChoiceInput(
        choices=county_choices(),
        required=False,
        allow_blank=True,
    )
    municipality = model_text(Need, "municipality", required=False, allow_blank=True)
    budget_min = serializers.IntegerField(
        min_value=0,
        max_value=limits.BUDGET_NOK,
        required=False,
        allow_null=True,
        error_messages=field_messages.amount(),
    )
    budget_max = serializers.IntegerField(
        min_value=0,
        max_value=limits.BUDGET_NOK,
        required=False,
        allow_null=True,
        error_messages=field_messages.amount(),
    )
    stage = ChoiceInput(choices=stage_choices(), required=False)
    procedure = ChoiceInput(choices=procedure_choices(), required=False)
    response_deadline = DateTimeField(required=False, allow_null=True)
    language = ChoiceInput(choices=language_choices(), required=False)
    co_buyer_ids = bounded_many(
        serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all()),
        max_length=limits.CO_BUYERS,
        required=False,
        source="co_buyers",
    )
    estimated_users = serializers.IntegerField(
        min_value=0, max_value=limits.ESTIMATED_USERS, required=False, allow_null=True
    )


class NeedUpdateInput(NeedInput):
    organization = None  # type: ignore[assignment]
