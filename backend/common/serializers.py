"""Output fields shared across apps: labelled vocabularies, organisation summaries."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.accounts.models import Organization
from backend.reference.cpv import cpv_codes
from backend.reference.vocabularies import COUNTIES, PROCEDURES, SECTORS, STAGES, Term, label_for


class OrganizationBrief(serializers.ModelSerializer[Organization]):
    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "verified", "county", "municipality"]


class VisiblePrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    """An id of a row the requesting user may see. An id the user may not see fails exactly
    like an id that does not exist (same message), so input never reveals hidden rows.

    `scope` is a selector taking `user=` and returning what that user may see."""

    def __init__(self, *, scope: Callable[..., QuerySet[Any]], **kwargs: Any) -> None:
        self.scope = scope
        kwargs.setdefault("pk_field", serializers.IntegerField())
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        return self.scope(user=getattr(request, "user", None) or AnonymousUser())


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
