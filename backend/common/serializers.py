"""Output fields shared across apps: labelled vocabularies, organisation summaries."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.reference.cpv import cpv_codes
from backend.reference.vocabularies import COUNTIES, PROCEDURES, SECTORS, STAGES, Term, label_for


class OrganizationBrief(serializers.ModelSerializer[Organization]):
    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "verified", "county", "municipality"]


class CodeLabel(serializers.Serializer):  # type: ignore[type-arg]
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


@extend_schema_field(CodeLabel(allow_null=True))
class LabelField(serializers.Field):  # type: ignore[type-arg]
    """A vocabulary code rendered as {code, label} in the request's language."""

    def __init__(self, terms: tuple[Term, ...], **kwargs: Any) -> None:
        self.terms = terms
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> dict[str, str] | None:
        return {"code": value, "label": label_for(self.terms, value)} if value else None


def sector_label(**kw: Any) -> LabelField:
    return LabelField(SECTORS, **kw)


def county_label(**kw: Any) -> LabelField:
    return LabelField(COUNTIES, **kw)


def stage_label(**kw: Any) -> LabelField:
    return LabelField(STAGES, **kw)


def procedure_label(**kw: Any) -> LabelField:
    return LabelField(PROCEDURES, **kw)


@extend_schema_field(CodeLabel(many=True))
class CpvListField(serializers.Field):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: list[str]) -> list[dict[str, str]]:
        codes = cpv_codes()
        return [{"code": c, "label": codes[c].label if c in codes else c} for c in value]


@extend_schema_field(CodeLabel(many=True))
class CountyListField(serializers.Field):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: list[str]) -> list[dict[str, str]]:
        return [{"code": c, "label": label_for(COUNTIES, c)} for c in value]
