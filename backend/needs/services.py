"""Writes of needs. Each service is atomic and the only code that saves a need."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Decision, Membership, Organization, User
from backend.accounts.policy import Act, check_org_may, org_may
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member, check_member_or_advisor
from backend.common.services import model_update, status_change
from backend.needs.models import CoBuyerRequest, Need
from backend.notifications import news
from backend.outbox.entities import Entity
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
    "estimated_users",
)


def _clean(
    data: dict[str, Any], *, organization: Organization, current: Need | None = None
) -> dict[str, Any]:
    cleaned = dict(data)
    errors: dict[str, list[str]] = {}
    deadline = cleaned.get("response_deadline")
    kept = current is not None and deadline == current.response_deadline
    if deadline is not None and deadline < timezone.now() and not kept:
        errors["response_deadline"] = [_("The deadline for responses must be in the future.")]
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
        elif not org_may(kind=org.kind, verified=org.verified, act=Act.BE_CO_BUYER):
            errors.setdefault("co_buyers", []).append(
                _("%(org)s cannot be a co-buyer until an advisor has verified it.")
                % {"org": org.name}
            )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _linked_conferences_refresh(*, need: Need) -> None:
    """A public conference's search document carries its published needs' sector, stage and
    CPV codes: queue a refresh of those that link `need` when it changes."""
    public = need.conferences.filter(status__in=("published", "cancelled"))
    for conference_id in public.values_list("pk", flat=True):
        derived_refresh(entity=Entity.CONFERENCE, entity_id=conference_id, matching=False)


def check_can_edit(*, user: User, need: Need) -> None:
    check_member_or_advisor(user=user, organization=need.organization)


def need_prepare(
    *, organization: Organization, data: dict[str, Any]
) -> tuple[Need, list[Organization]]:
    """The unsaved draft need that `data` describes for `organization`, checked as every
    creation is (what the organisation may do, deadline, budget, CPV codes, co-buyers, the
    model's rules), and the co-buyers it names. PermissionDenied or ValidationError
    otherwise. The bulk import (backend/imports) checks its rows with it too."""
    check_org_may(organization=organization, act=Act.DRAFT_NEED)
    cleaned = _clean(data, organization=organization)
    co_buyers: list[Organization] = cleaned.pop("co_buyers", [])
    need = Need(organization=organization, **cleaned)
    need.full_clean()
    return need, co_buyers


@transaction.atomic
def need_create(*, user: User, organization: Organization, data: dict[str, Any]) -> Need:
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.PUBLIC_BUYER,
        act=Act.DRAFT_NEED,
    )
    need, co_buyers = need_prepare(organization=organization, data=data)
    need.created_by = user
    need.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=need)
    co_buyers_sync(user=user, need=need, wanted=co_buyers)
    return need


@transaction.atomic
def need_update(*, user: User, need: Need, data: dict[str, Any]) -> Need:
    check_can_edit(user=user, need=need)
    cleaned = _clean(data, organization=need.organization, current=need)
    wanted = cleaned.pop("co_buyers", None)
    stage_before = need.stage
    need, changed = model_update(instance=need, fields=EDITABLE_FIELDS, data=cleaned)
    if wanted is not None:
        co_buyers_sync(user=user, need=need, wanted=wanted)
    if changed:
        changes: dict[str, Any] = {"fields": sorted(k for k in cleaned if k in EDITABLE_FIELDS)}
        if need.stage != stage_before:
            # The barometer's stage history (backend/insights/barometer.py) reads this.
            changes["stage"] = {"from": stage_before, "to": need.stage}
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=need, data=changes)
        if need.is_public:
            derived_refresh(entity=Entity.NEED, entity_id=need.pk)
            _linked_conferences_refresh(need=need)
    return need


@transaction.atomic
def need_publish(*, user: User, need: Need) -> Need:
    check_can_edit(user=user, need=need)
    check_org_may(organization=need.organization, act=Act.PUBLISH_NEED)
    if need.status != Need.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    status_change(
        instance=need,
        user=user,
        status=Need.Status.PUBLISHED,
        stamp="published_at",
        action=AuditEvent.Action.PUBLISHED,
        entity=Entity.NEED,
    )
    _linked_conferences_refresh(need=need)
    news.need_published(need)
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
        entity=Entity.NEED,
        matching=False,
    )
    _linked_conferences_refresh(need=need)
    return need


@transaction.atomic
def need_unpublish(*, user: User, need: Need) -> Need:
    """Take a published or closed need back to draft: it leaves search, suggestions and the
    documents of the conferences that link it."""
    check_can_edit(user=user, need=need)
    if need.status == Need.Status.DRAFT:
        raise ValidationError(_("The need is already a draft."))
    status_change(
        instance=need,
        user=user,
        status=Need.Status.DRAFT,
        action=AuditEvent.Action.WITHDRAWN,
        entity=Entity.NEED,
        matching=False,
    )
    _linked_conferences_refresh(need=need)
    return need


@transaction.atomic
def need_delete(*, user: User, need: Need) -> None:
    check_can_edit(user=user, need=need)
    if need.status != Need.Status.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; close a published need instead."))
    audit_log(actor=user, action=AuditEvent.Action.DELETED, obj=need, data={"title": need.title})
    need.delete()


# ---------------------------------------------------------------- co-buyers


def co_buyers_sync(*, user: User, need: Need, wanted: list[Organization]) -> None:
    """Make `wanted` the need's co-buyers: ask each new one (it reads nothing until its
    administrator accepts), and drop the ones no longer wanted, pending or accepted."""
    wanted_ids = {o.pk for o in wanted}
    pending = {r.organization_id: r for r in need.co_buyer_requests.filter(status=Decision.PENDING)}
    accepted = set(need.co_buyers.values_list("pk", flat=True))
    for org in wanted:
        if org.pk not in accepted and org.pk not in pending:
            _co_buyer_request(user=user, need=need, organization=org)
    for org_id, request in pending.items():
        if org_id not in wanted_ids:
            request.status, request.decided_at = Decision.WITHDRAWN, timezone.now()
            request.save(update_fields=["status", "decided_at", "updated_at"])
            audit_log(actor=user, action=AuditEvent.Action.WITHDRAWN, obj=request)
    dropped = accepted - wanted_ids
    if dropped:
        need.co_buyers.remove(*dropped)
        audit_log(
            actor=user,
            action=AuditEvent.Action.REVOKED,
            obj=need,
            data={"co_buyers": sorted(dropped)},
        )


def _co_buyer_request(*, user: User, need: Need, organization: Organization) -> CoBuyerRequest:
    request = CoBuyerRequest.objects.create(need=need, organization=organization, requested_by=user)
    audit_log(actor=user, action=AuditEvent.Action.REQUESTED, obj=request)
    admins = organization.memberships.filter(role=Membership.Role.ADMIN).select_related("user")
    news.co_buyer_requested(request, admins=[m.user for m in admins])
    return request


@transaction.atomic
def co_buyer_request_decide(*, user: User, request: CoBuyerRequest, accept: bool) -> CoBuyerRequest:
    locked = (
        CoBuyerRequest.objects.select_for_update()
        .select_related("need", "organization")
        .get(pk=request.pk)
    )
    check_member(user=user, organization=locked.organization)
    if not locked.organization.memberships.filter(user=user, role=Membership.Role.ADMIN).exists():
        raise PermissionDenied(
            _("Only the administrators of %(org)s can accept or decline.")
            % {"org": locked.organization.name}
        )
    if locked.status != Decision.PENDING:
        raise ValidationError(_("The request has already been decided."))
    if accept:
        check_org_may(organization=locked.organization, act=Act.BE_CO_BUYER)
    locked.status = Decision.APPROVED if accept else Decision.DECLINED
    locked.decided_by, locked.decided_at = user, timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    action = AuditEvent.Action.APPROVED if accept else AuditEvent.Action.DECLINED
    audit_log(actor=user, action=action, obj=locked)
    if accept:
        locked.need.co_buyers.add(locked.organization)
        news.response_readers_added(need=locked.need, organization=locked.organization)
    return locked
