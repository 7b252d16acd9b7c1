"""Checking import rows with the API's rules.

A row goes through the API's input serializer for creating a solution or a need (the same
fields, limits and vocabularies), with the organisation named by its organisation number or
id, then through the same service checks as the API's create (`solution_prepare`,
`need_prepare`: what the organisation may do, CPV codes, counties, deadline, budget, the
model's rules). A row to be published must satisfy the publish rules too: any supplier
publishes solutions; only a verified public buyer publishes needs.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act, check_org_may
from backend.common.access import check_member
from backend.common.fields import PlainTextField
from backend.common.models import VersionedModel
from backend.imports.readers import Record
from backend.needs.api.serializers import NeedInput
from backend.needs.services import need_prepare
from backend.outbox.entities import Entity
from backend.solutions.api.serializers import SolutionInput
from backend.solutions.services import solution_prepare

_ORG_REF = re.compile(r"[0-9]{1,9}")
_STATUSES = [("draft", "draft"), ("published", "published")]


class OrganizationField(serializers.Field):  # type: ignore[type-arg]
    """An organisation by its organisation number (9 digits) or its id (fewer digits).
    Lookups are remembered in the context's "organizations", shared by the rows of a file."""

    default_error_messages = {
        "invalid": _("Give the organisation number (9 digits) or the organisation's id."),
        "unknown": _("No organisation has the number or id {value}."),
    }

    def to_internal_value(self, data: Any) -> Organization:
        text = str(data).strip() if isinstance(data, str | int) else ""
        if isinstance(data, bool) or not _ORG_REF.fullmatch(text):
            self.fail("invalid")
        found: dict[str, Organization | None] = self.context["organizations"]
        if text not in found:
            lookup = {"org_number": text} if len(text) == 9 else {"pk": int(text)}
            found[text] = Organization.objects.filter(**lookup).first()
        organization = found[text]
        if organization is None:
            self.fail("unknown", value=text)
        return organization

    def to_representation(self, value: Organization) -> str:
        return value.org_number


def _external_id() -> PlainTextField:
    return PlainTextField(
        max_length=100,
        required=False,
        help_text="The row's id in the system it comes from: the key that makes re-runs safe.",
    )


class SolutionRow(SolutionInput):
    organization = OrganizationField()  # type: ignore[assignment]
    external_id = _external_id()


class NeedRow(NeedInput):
    organization = OrganizationField()  # type: ignore[assignment]
    co_buyer_ids = None  # type: ignore[assignment]  # co-buyers are asked in the app
    status = serializers.ChoiceField(choices=_STATUSES, required=False)
    external_id = _external_id()


class RowRefused(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


Build = Callable[[Organization, dict[str, Any]], tuple[VersionedModel, bool]]


def _solution_build(
    organization: Organization, data: dict[str, Any]
) -> tuple[VersionedModel, bool]:
    return solution_prepare(organization=organization, data=data)


def _need_build(organization: Organization, data: dict[str, Any]) -> tuple[VersionedModel, bool]:
    publish = data.pop("status", "draft") == "published"
    need, _co_buyers = need_prepare(organization=organization, data=data)
    if publish:
        try:
            check_org_may(organization=organization, act=Act.PUBLISH_NEED)
        except PermissionDenied as exc:
            raise RowRefused("status", str(exc)) from exc
    return need, publish


@dataclass(frozen=True)
class RowKind:
    """What one import command reads: its entity, its row serializer, its rules."""

    entity: Entity
    serializer: type[serializers.Serializer]  # type: ignore[type-arg]
    list_fields: frozenset[str]
    organization_kind: str
    act: Act
    build: Build

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(self.serializer().fields)


SOLUTIONS = RowKind(
    entity=Entity.SOLUTION,
    serializer=SolutionRow,
    list_fields=frozenset({"cpv_codes", "regions"}),
    organization_kind=Organization.Kind.SUPPLIER,
    act=Act.PUBLISH_SOLUTION,
    build=_solution_build,
)
NEEDS = RowKind(
    entity=Entity.NEED,
    serializer=NeedRow,
    list_fields=frozenset({"cpv_codes"}),
    organization_kind=Organization.Kind.PUBLIC_BUYER,
    act=Act.DRAFT_NEED,
    build=_need_build,
)


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


@dataclass(frozen=True)
class PreparedRow:
    line: int
    key: str
    instance: VersionedModel
    publish: bool


def _flatten(errors: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, message) pairs of a serializer's or a model's errors, by top-level field."""
    for name, detail in errors.items():
        field = "" if name in ("non_field_errors", "__all__") else name
        stack = [detail]
        while stack:
            item = stack.pop(0)
            if isinstance(item, Mapping):
                stack.extend(item.values())
            elif isinstance(item, list | tuple):
                stack.extend(item)
            else:
                yield field, str(item)


class RowChecker:
    """Checks the rows of one file; remembers organisations and membership checks."""

    def __init__(
        self,
        kind: RowKind,
        *,
        file_sha256: str,
        user: User | None = None,
        organization: str | None = None,
    ) -> None:
        self.kind = kind
        self.file_sha256 = file_sha256
        self.user = user
        self.organization = organization
        self.context: dict[str, Any] = {"organizations": {}}
        self._members_of: set[int] = set()

    def check(self, record: Record) -> PreparedRow | list[RowError]:
        if record.error:
            return [RowError(record.line, "", record.error)]
        raw = dict(record.fields)
        if self.organization and not raw.get("organization"):
            raw["organization"] = self.organization
        serializer = self.kind.serializer(data=raw, context=self.context)
        if not serializer.is_valid():
            return [RowError(record.line, f, m) for f, m in _flatten(serializer.errors)]
        data = dict(serializer.validated_data)
        organization: Organization = data.pop("organization")
        external_id: str = data.pop("external_id", "")
        try:
            self._check_user(organization)
            instance, publish = self.kind.build(organization, data)
        except RowRefused as exc:
            return [RowError(record.line, exc.field, exc.message)]
        except PermissionDenied as exc:
            return [RowError(record.line, "organization", str(exc))]
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            return [RowError(record.line, f, m) for f, m in _flatten(errors)]
        instance.created_by = self.user  # type: ignore[attr-defined]
        return PreparedRow(
            record.line, self._key(record, organization, external_id), instance, publish
        )

    def _check_user(self, organization: Organization) -> None:
        """With --user, the person must act for the organisation, as in the API."""
        if self.user is None or organization.pk in self._members_of:
            return
        check_member(
            user=self.user,
            organization=organization,
            kind=self.kind.organization_kind,
            act=self.kind.act,
        )
        self._members_of.add(organization.pk)

    def _key(self, record: Record, organization: Organization, external_id: str) -> str:
        """The row's stable key: its organisation and external id, or the file and line."""
        if external_id:
            return f"org:{organization.pk}:id:{external_id}"
        return f"file:{self.file_sha256}:line:{record.line}"
