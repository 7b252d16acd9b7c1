from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act, check_org_may
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member, check_member_or_advisor
from backend.common.services import model_update, status_change
from backend.outbox.entities import Entity
from backend.outbox.services import derived_refresh
from backend.reference.cpv import clean_cpv_codes
from backend.reference.vocabularies import COUNTY_CODES
from backend.solutions.models import Solution

EDITABLE_FIELDS = (
    "title",
    "description",
    "sector",
    "cpv_codes",
    "trl",
    "regions",
    "language",
    "website",
)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    errors: dict[str, list[str]] = {}
    if "cpv_codes" in cleaned:
        cleaned["cpv_codes"], cpv_errors = clean_cpv_codes(cleaned["cpv_codes"])
        if cpv_errors:
            errors["cpv_codes"] = cpv_errors
    if "regions" in cleaned:
        unknown = [r for r in cleaned["regions"] or [] if r not in COUNTY_CODES]
        if unknown:
            errors["regions"] = [_("Unknown county: %(code)s.") % {"code": c} for c in unknown]
        cleaned["regions"] = sorted(set(cleaned["regions"] or []))
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_can_edit(*, user: User, solution: Solution) -> None:
    check_member_or_advisor(user=user, organization=solution.organization)


def solution_prepare(*, organization: Organization, data: dict[str, Any]) -> tuple[Solution, bool]:
    """The unsaved solution that `data` describes for `organization`, checked as every
    creation is (what the organisation may do, the vocabularies, the model's rules), and
    whether it is to be published. PermissionDenied or ValidationError otherwise. The bulk
    import (backend/imports) checks its rows with it too."""
    check_org_may(organization=organization, act=Act.PUBLISH_SOLUTION)
    cleaned = _clean(data)
    publish = cleaned.pop("status", None) == Solution.Status.PUBLISHED
    solution = Solution(organization=organization, **cleaned)
    solution.full_clean()
    return solution, publish


@transaction.atomic
def solution_create(*, user: User, organization: Organization, data: dict[str, Any]) -> Solution:
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.SUPPLIER,
        act=Act.PUBLISH_SOLUTION,
    )
    solution, publish = solution_prepare(organization=organization, data=data)
    solution.created_by = user
    solution.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=solution)
    if publish:
        solution_publish(user=user, solution=solution)
    return solution


@transaction.atomic
def solution_update(*, user: User, solution: Solution, data: dict[str, Any]) -> Solution:
    _check_can_edit(user=user, solution=solution)
    solution, changed = model_update(instance=solution, fields=EDITABLE_FIELDS, data=_clean(data))
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=solution)
        if solution.is_public:
            derived_refresh(entity=Entity.SOLUTION, entity_id=solution.pk)
    return solution


@transaction.atomic
def solution_publish(*, user: User, solution: Solution) -> Solution:
    _check_can_edit(user=user, solution=solution)
    if solution.status == Solution.Status.PUBLISHED:
        raise ValidationError(_("The solution is already published."))
    status_change(
        instance=solution,
        user=user,
        status=Solution.Status.PUBLISHED,
        stamp="published_at",
        action=AuditEvent.Action.PUBLISHED,
        entity=Entity.SOLUTION,
    )
    return solution


@transaction.atomic
def solution_archive(*, user: User, solution: Solution) -> Solution:
    _check_can_edit(user=user, solution=solution)
    status_change(
        instance=solution,
        user=user,
        status=Solution.Status.ARCHIVED,
        action=AuditEvent.Action.CLOSED,
        entity=Entity.SOLUTION,
        matching=False,
    )
    return solution
