from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.common.fields import model_text
from backend.common.serializers import OrganizationBrief, VisiblePrimaryKeyRelatedField
from backend.needs.models import Need
from backend.needs.selectors import need_list, need_visible
from backend.responses.models import Response, ResponseRead


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


class ResponseOutput(serializers.ModelSerializer[Response]):
    need = NeedRef(read_only=True)
    organization = OrganizationBrief(read_only=True)
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = [
            "id",
            "need",
            "organization",
            "author_name",
            "summary",
            "body",
            "confidential",
            "created_at",
            "updated_at",
        ]

    def get_author_name(self, response: Response) -> str:
        return str(response.author) if response.author else ""


class ResponseInput(serializers.Serializer):  # type: ignore[type-arg]
    need = VisiblePrimaryKeyRelatedField(scope=need_list)
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    summary = model_text(Response, "summary")
    body = model_text(Response, "body", min_length=20)
    confidential = serializers.BooleanField(default=True)


class ResponseUpdateInput(serializers.Serializer):  # type: ignore[type-arg]
    summary = model_text(Response, "summary", required=False)
    body = model_text(Response, "body", min_length=20, required=False)
    confidential = serializers.BooleanField(required=False)


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
