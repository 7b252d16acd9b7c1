from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.accounts.selectors import user_is_advisor, user_org_ids
from backend.common import field_messages, limits
from backend.common.fields import ChoiceInput, PlainTextField, model_text
from backend.common.serializers import (
    CodeLabel,
    CpvListField,
    OrganizationBrief,
    VisiblePrimaryKeyRelatedField,
    county_label,
    procedure_label,
    sector_label,
    stage_label,
)
from backend.needs.models import Need
from backend.needs.selectors import need_list, need_visible
from backend.reference.vocabularies import SECTORS, label_for, language_choices, sector_choices
from backend.research import services
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.research.selectors import profile_list, user_reads_partner_need
from backend.responses.models import Response
from backend.responses.sections import sections_of


@extend_schema_field(CodeLabel(many=True))
class SectorListField(serializers.Field):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: list[str]) -> list[dict[str, str]]:
        return [{"code": c, "label": label_for(SECTORS, c)} for c in value]


class CompetenceProfileOutput(serializers.ModelSerializer[CompetenceProfile]):
    organization = OrganizationBrief(read_only=True)
    sectors = SectorListField()
    cpv_codes = CpvListField()
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)
    can_edit = serializers.SerializerMethodField(
        help_text="The reader edits this profile (a member of its institution, or an advisor)."
    )

    class Meta:
        model = CompetenceProfile
        fields = [
            "id",
            "organization",
            "title",
            "description",
            "methods",
            "sectors",
            "cpv_codes",
            "keywords",
            "contact_role",
            "language",
            "status",
            "published_at",
            "version",
            "created_at",
            "updated_at",
            "can_edit",
        ]

    def get_can_edit(self, profile: CompetenceProfile) -> bool:
        user = self.context["request"].user
        return user_is_advisor(user) or profile.organization_id in user_org_ids(user)


class CompetenceProfileInput(serializers.Serializer):  # type: ignore[type-arg]
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    title = model_text(
        CompetenceProfile,
        "title",
        error_messages=field_messages.required_text(_("Enter a title for the profile.")),
    )
    description = model_text(
        CompetenceProfile,
        "description",
        min_length=40,
        error_messages=field_messages.required_text(
            _("Describe the field in at least {min_length} characters."), min_length=40
        ),
    )
    methods = model_text(CompetenceProfile, "methods", required=False, allow_blank=True)
    sectors = serializers.ListField(
        child=ChoiceInput(choices=sector_choices()),
        required=False,
        max_length=len(SECTORS),
    )
    cpv_codes = serializers.ListField(
        child=PlainTextField(max_length=12), required=False, max_length=limits.CPV_CODES
    )
    keywords = serializers.ListField(
        child=PlainTextField(max_length=services.KEYWORD_LENGTH),
        required=False,
        max_length=services.KEYWORDS,
    )
    contact_role = model_text(CompetenceProfile, "contact_role", required=False, allow_blank=True)
    language = ChoiceInput(choices=language_choices(), required=False)
    status = ChoiceInput(choices=CompetenceProfile.Status.choices, required=False)


class CompetenceProfileUpdateInput(CompetenceProfileInput):
    organization = None  # type: ignore[assignment]
    status = None  # type: ignore[assignment]


class ResearchSuggestionOutput(serializers.Serializer):  # type: ignore[type-arg]
    profile = CompetenceProfileOutput()
    score = serializers.FloatField()
    relevance = serializers.FloatField()
    same_sector = serializers.BooleanField()
    shared_cpv = serializers.BooleanField()


class ResearchPartnerNeed(serializers.ModelSerializer[Need]):
    """The need as its research partner reads it: every part of it, drafts included."""

    organization = OrganizationBrief(read_only=True)
    sector = sector_label()
    county = county_label()
    stage = stage_label()
    procedure = procedure_label()
    cpv_codes = CpvListField()

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
            "estimated_users",
            "organization",
        ]


class ResearchNeedRef(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    organization = OrganizationBrief()


class ResearchPartnershipOutput(serializers.ModelSerializer[ResearchPartnership]):
    need_ref = serializers.SerializerMethodField(
        help_text="The need's title and buyer (while invited or on it; else only if public)."
    )
    need = serializers.SerializerMethodField(
        help_text="The whole need, for the buyer, advisors and an accepted partner; else null."
    )
    shared_note = serializers.SerializerMethodField()
    organization = OrganizationBrief(read_only=True)
    profile_id = serializers.IntegerField(allow_null=True, read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    reads_responses = serializers.BooleanField(read_only=True)
    is_partner = serializers.SerializerMethodField(
        help_text="The reader acts for the research institution."
    )
    is_buyer = serializers.SerializerMethodField(
        help_text="The reader acts for the need's buyer (invites, shares, grants)."
    )

    class Meta:
        model = ResearchPartnership
        fields = [
            "id",
            "need_ref",
            "need",
            "organization",
            "profile_id",
            "state",
            "state_label",
            "may_read_responses",
            "reads_responses",
            "shared_note",
            "is_partner",
            "is_buyer",
            "created_at",
            "decided_at",
            "ended_at",
        ]

    def _user(self) -> Any:
        return self.context["request"].user

    def _reads(self, partnership: ResearchPartnership) -> bool:
        return user_reads_partner_need(user=self._user(), partnership=partnership)

    @extend_schema_field(ResearchNeedRef)
    def get_need_ref(self, partnership: ResearchPartnership) -> dict[str, Any]:
        need = partnership.need
        title = need.title
        open_ = partnership.state in ResearchPartnership.OPEN_STATES
        if not (open_ or self._reads(partnership) or need_visible(user=self._user(), need=need)):
            title = gettext("A need you no longer have access to")
        return {
            "id": need.pk,
            "title": title,
            "status": need.status,
            "organization": OrganizationBrief(need.organization).data,
        }

    @extend_schema_field(ResearchPartnerNeed(allow_null=True))
    def get_need(self, partnership: ResearchPartnership) -> dict[str, Any] | None:
        if not self._reads(partnership):
            return None
        return dict(ResearchPartnerNeed(partnership.need).data)

    @extend_schema_field(serializers.CharField())
    def get_shared_note(self, partnership: ResearchPartnership) -> str:
        return partnership.shared_note if self._reads(partnership) else ""

    def get_is_partner(self, partnership: ResearchPartnership) -> bool:
        return partnership.organization_id in user_org_ids(self._user())

    def get_is_buyer(self, partnership: ResearchPartnership) -> bool:
        return partnership.need.organization_id in user_org_ids(self._user())


class ResearchPartnershipInput(serializers.Serializer):  # type: ignore[type-arg]
    need = VisiblePrimaryKeyRelatedField(scope=need_list)
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    profile = VisiblePrimaryKeyRelatedField(scope=profile_list, required=False, allow_null=True)
    shared_note = model_text(ResearchPartnership, "shared_note", required=False, allow_blank=True)


class ResearchPartnershipUpdateInput(serializers.Serializer):  # type: ignore[type-arg]
    shared_note = model_text(ResearchPartnership, "shared_note", required=False, allow_blank=True)
    may_read_responses = serializers.BooleanField(required=False)


class ResearchPartnerSection(serializers.Serializer):  # type: ignore[type-arg]
    """A section of a response; a business secret's text stays with the buyer (`withheld`)."""

    text = serializers.CharField()
    withheld = serializers.BooleanField()


class ResearchPartnerResponseOutput(serializers.ModelSerializer[Response]):
    organization = OrganizationBrief(read_only=True)
    sections = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = ["id", "organization", "summary", "sections", "created_at"]

    @extend_schema_field(ResearchPartnerSection(many=True))
    def get_sections(self, response: Response) -> list[dict[str, Any]]:
        return [
            {"text": "" if s.business_secret else s.text, "withheld": s.business_secret}
            for s in sections_of(response.sections)
        ]
