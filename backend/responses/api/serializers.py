from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common.fields import PlainTextField, model_text
from backend.common.serializers import OrganizationBrief, VisiblePrimaryKeyRelatedField
from backend.needs.models import Need
from backend.needs.selectors import need_list, need_visible
from backend.responses.models import Response, ResponseRead
from backend.responses.sections import BODY_MAX, REASON_MAX, SECTIONS_MAX, Section, sections_of


class NeedRef(serializers.ModelSerializer[Need]):
    """The need a response answers. A supplier keeps reading its response when the need goes
    back to draft, but not the draft's title (it is the buyer's again)."""

    organization = OrganizationBrief(read_only=True)

    class Meta:
        model = Need
        fields = ["id", "title", "organization"]

    def to_representation(self, need: Need) -> dict[str, Any]:
        data = dict(super().to_representation(need))
        request = self.context.get("request")
        if not need_visible(user=getattr(request, "user", None) or AnonymousUser(), need=need):
            data["title"] = _("A need that is no longer published")
        return data


class SectionOutput(serializers.Serializer):  # type: ignore[type-arg]
    """A section of a response; `business_secret`: the supplier marked it as a business
    secret (forretningshemmelighet), with its `reason`."""

    text = serializers.CharField()
    business_secret = serializers.BooleanField()
    reason = serializers.CharField()


class SectionInput(serializers.Serializer):  # type: ignore[type-arg]
    text = PlainTextField(max_length=BODY_MAX, multiline=True, allow_blank=True)
    business_secret = serializers.BooleanField(default=False)
    reason = PlainTextField(max_length=REASON_MAX, multiline=True, allow_blank=True, default="")

    def to_internal_value(self, data: Any) -> Section:
        values = super().to_internal_value(data)
        # A partial update (PATCH) applies no defaults: a missing key is the default.
        return Section(
            text=values.get("text", ""),
            business_secret=values.get("business_secret", False),
            reason=values.get("reason", ""),
        )


class ResponseOutput(serializers.ModelSerializer[Response]):
    need = NeedRef(read_only=True)
    organization = OrganizationBrief(read_only=True)
    author_name = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = [
            "id",
            "need",
            "organization",
            "author_name",
            "summary",
            "body",
            "sections",
            "confidential",
            "created_at",
            "updated_at",
        ]

    def get_author_name(self, response: Response) -> str:
        return str(response.author) if response.author else ""

    @extend_schema_field(SectionOutput(many=True))
    def get_sections(self, response: Response) -> list[dict[str, Any]]:
        return [s.stored() for s in sections_of(response.sections)]


def _one_of_body_or_sections(data: dict[str, Any], *, required: bool) -> dict[str, Any]:
    if "body" in data and "sections" in data:
        raise serializers.ValidationError(
            {"sections": [_("Send the response as sections or as one text, not both.")]}
        )
    if required and "body" not in data and "sections" not in data:
        raise serializers.ValidationError({"body": [_("Write the response.")]})
    return data


def _sections_field() -> serializers.ListField:
    return serializers.ListField(
        child=SectionInput(),
        required=False,
        max_length=SECTIONS_MAX,
        help_text="The response in sections, each marked as a business secret or not (with "
        "the reason why). Instead of `body`.",
    )


class ResponseInput(serializers.Serializer):  # type: ignore[type-arg]
    need = VisiblePrimaryKeyRelatedField(scope=need_list)
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    summary = model_text(Response, "summary")
    body = model_text(Response, "body", min_length=20, required=False)
    sections = _sections_field()
    confidential = serializers.BooleanField(default=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _one_of_body_or_sections(attrs, required=True)


class ResponseUpdateInput(serializers.Serializer):  # type: ignore[type-arg]
    summary = model_text(Response, "summary", required=False)
    body = model_text(Response, "body", min_length=20, required=False)
    sections = _sections_field()
    confidential = serializers.BooleanField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _one_of_body_or_sections(attrs, required=False)


class ResponseReadOutput(serializers.ModelSerializer[ResponseRead]):
    reader_name = serializers.SerializerMethodField(
        help_text="The person who read it; empty when they have deleted their account."
    )
    organization = OrganizationBrief(
        read_only=True, allow_null=True, help_text="The organisation they acted for."
    )
    via_label = serializers.CharField(source="get_via_display", read_only=True)

    class Meta:
        model = ResponseRead
        fields = ["id", "reader_name", "organization", "via", "via_label", "read_at"]

    def get_reader_name(self, read: ResponseRead) -> str:
        return str(read.reader) if read.reader else ""


class ResponseReadResponseRef(serializers.ModelSerializer[Response]):
    need = NeedRef(read_only=True)

    class Meta:
        model = Response
        fields = ["id", "summary", "need"]


class OrganizationResponseReadOutput(ResponseReadOutput):
    response = ResponseReadResponseRef(read_only=True)

    class Meta(ResponseReadOutput.Meta):
        fields = [*ResponseReadOutput.Meta.fields, "response"]
