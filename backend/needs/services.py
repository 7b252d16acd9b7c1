"""Writes of needs. Each service is atomic and the only code that saves a need."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member, check_member_or_advisor
from backend.common.services import model_update, status_change
from backend.needs.models import Need
from backend.outbox.services import derived_refresh
from backend.reference.cpv import clean_cpv_codes

EDITABLE_FIELDS = (
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
    "co_buyers",
    "estimated_users",
)


def _clean(data: dict[str, Any], *, organization: Organization) -> dict[str, Any]:
    cleaned = dict(data)
    errors: dict[str, list[str]] = {}
    if "cpv_codes" in cleaned:
        cleaned["cpv_codes"], cpv_errors = clean_cpv_codes(cleaned["cpv_codes"])
        if cpv_errors:
            errors["cpv_codes"] = cpv_errors
    low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
    if low is not None and high is not None and low > high:
        errors["budget_max"] = [_("The upper budget limit must not be below the lower one.")]
    for org in cleaned.get("co_buyers") or []:
        if org.pk == organization.pk or org.kind != Organization.Kind.PUBLIC_BUYER:
            errors.setdefault("co_buyers", []).append(
                _("%(org)s cannot be a co-buyer: co-buyers are other public buyers.")
                % {"org": org.name}
            )
    if errors:
        raise ValidationError(errors)
    return cleaned


def check_can_edit(*, user: User, need: Need) -> None:
    check_member_or_advisor(user=user, organization=need.organization)


@transaction.atomic
def need_create(*, user: User, organization: Organization, data: dict[str, Any]) -> Need:
    check_member(user=user, organization=organization, kind=Organization.Kind.PUBLIC_BUYER)
    cleaned = _clean(data, organization=organization)
    co_buyers = cleaned.pop("co_buyers", [])
    need = Need(organization=organization, created_by=user, **cleaned)
    need.full_clean()
    need.save()
    need.co_buyers.set(co_buyers)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=need)
    return need


@transaction.atomic
def need_update(*, user: User, need: Need, data: dict[str, Any]) -> Need:
    check_can_edit(user=user, need=need)
    cleaned = _clean(data, organization=need.organization)
    need, changed = model_update(instance=need, fields=EDITABLE_FIELDS, data=cleaned)
    if changed:
        audit_log(
            actor=user,
            action=AuditEvent.Action.CHANGED,
            obj=need,
            data={"fields": sorted(k for k in cleaned if k in EDITABLE_FIELDS)},
        )
        if need.is_public:
            derived_refresh(entity="need", entity_id=need.pk)
    return need


@transaction.atomic
def need_publish(*, user: User, need: Need) -> Need:
    check_can_edit(user=user, need=need)
    if not need.organization.verified:
        raise PermissionDenied(
            _("Only verified public buyers can publish needs. An advisor verifies %(org)s.")
            % {"org": need.organization.name}
        )
    if need.status != Need.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    status_change(
        instance=need,
        user=user,
        status=Need.Status.PUBLISHED,
        stamp="published_at",
        action=AuditEvent.Action.PUBLISHED,
        entity="need",
    )
    return need


@transaction.atomic
def need_close(*, user: User, need: Need) -> Need:
    check_can_edit(user=user, need=need)
    if need.status != Need.Status.PUBLISHED:
        raise ValidationError(_("Only a published need can be closed."))
    status_change(
        instance=need,
        user=user,
        status=Need.Status.CLOSED,
        stamp="closed_at",
        action=AuditEvent.Action.CLOSED,
        entity="need",
        matching=False,
    )
    return need


@transaction.atomic
def need_delete(*, user: User, need: Need) -> None:
    check_can_edit(user=user, need=need)
    if need.status != Need.Status.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; close a published need instead."))
    audit_log(actor=user, action=AuditEvent.Action.DELETED, obj=need, data={"title": need.title})
    need.delete()
