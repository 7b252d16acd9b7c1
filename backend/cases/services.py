"""Writes of cases. Each service is atomic and the only code that saves a case, its gains
or a reuse; each leaves an audit event and, for what the public index shows, an outbox entry
in the same transaction."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.cases.models import Case, CaseReuse, Gain
from backend.cases.selectors import need_may_become_case
from backend.common.access import check_member, check_member_or_advisor
from backend.common.services import model_update, status_change
from backend.needs.models import Need
from backend.needs.services import need_create
from backend.outbox.entities import Entity
from backend.outbox.services import derived_refresh

EDITABLE_FIELDS = (
    "title",
    "summary",
    "procedure",
    "stage_reached",
    "suppliers",
    "supplier_names",
    "lessons",
    "language",
)
#: The most gains one case documents (the form's rows).
MAX_GAINS = 12
MAX_AMOUNT = Decimal("1000000000000")
#: The unit a gain of these types is counted in (the barometer sums them by type).
FIXED_UNITS: dict[str, str] = {
    Gain.Type.MONEY_SAVED: Gain.Unit.NOK,
    Gain.Type.HOURS_FREED: Gain.Unit.HOURS,
    Gain.Type.CO2_REDUCED: Gain.Unit.TONNES_CO2E,
}


def gain_errors(gain: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    amount = gain.get("amount")
    if amount is None or not Decimal(0) < Decimal(amount) < MAX_AMOUNT:
        errors["amount"] = [_("Enter the gain as a positive amount.")]
    unit = FIXED_UNITS.get(gain.get("type", ""))
    if unit is not None and gain.get("unit") != unit:
        errors["unit"] = [
            _("A gain of this type is counted in %(unit)s.") % {"unit": Gain.Unit(unit).label}
        ]
    other_sector = gain.get("beneficiary") == Gain.Beneficiary.OTHER_SECTOR
    if other_sector and not gain.get("beneficiary_sector"):
        errors["beneficiary_sector"] = [_("Say which sector the gain falls to.")]
    if not other_sector and gain.get("beneficiary_sector"):
        errors["beneficiary_sector"] = [
            _("Name a sector only when the gain falls to another sector.")
        ]
    if not (gain.get("measurement") or "").strip():
        errors["measurement"] = [_("Say how the gain was measured.")]
    return errors


def _check_gains(gains: list[dict[str, Any]]) -> None:
    if len(gains) > MAX_GAINS:
        raise ValidationError(
            {"gains": _("A case documents at most %(n)d gains.") % {"n": MAX_GAINS}}
        )
    messages = [
        _("Gain %(n)d: %(message)s") % {"n": n, "message": message}
        for n, gain in enumerate(gains, start=1)
        for field_messages in gain_errors(gain).values()
        for message in field_messages
    ]
    if messages:
        raise ValidationError({"gains": messages})


def _check_suppliers(suppliers: list[Organization]) -> None:
    wrong = [o.name for o in suppliers if o.kind != Organization.Kind.SUPPLIER]
    if wrong:
        raise ValidationError(
            {
                "suppliers": _("%(orgs)s is not a supplier on the platform.")
                % {"orgs": ", ".join(wrong)}
            }
        )


def _clean_names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _gains_replace(*, case: Case, gains: list[dict[str, Any]]) -> None:
    rows = [Gain(case=case, position=n, **gain) for n, gain in enumerate(gains)]
    for row in rows:
        row.full_clean()
    case.gains.all().delete()
    Gain.objects.bulk_create(rows)


def _refresh(case: Case) -> None:
    if case.is_public:
        derived_refresh(entity=Entity.CASE, entity_id=case.pk, matching=False)


@transaction.atomic
def case_create(*, user: User, need: Need, data: dict[str, Any]) -> Case:
    """A draft case from the user's own need, with its gains."""
    check_member_or_advisor(user=user, organization=need.organization)
    if not need_may_become_case(need):
        raise ValidationError(
            _(
                "A case is made from a need in contract follow-up or implementation, or "
                "a closed need."
            )
        )
    if Case.objects.filter(need=need).exists():
        raise ValidationError(_("This need already has a case: edit that one."))
    cleaned = dict(data)
    gains = cleaned.pop("gains", [])
    suppliers = cleaned.pop("suppliers", [])
    _check_gains(gains)
    _check_suppliers(suppliers)
    cleaned["supplier_names"] = _clean_names(cleaned.get("supplier_names", []))
    case = Case(
        need=need,
        organization=need.organization,
        sector=need.sector,
        cpv_codes=list(need.cpv_codes),
        created_by=user,
        **{"title": need.title, "procedure": need.procedure, "stage_reached": need.stage} | cleaned,
    )
    case.full_clean()
    case.save()
    case.suppliers.set(suppliers)
    _gains_replace(case=case, gains=gains)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=case)
    return case


@transaction.atomic
def case_update(*, user: User, case: Case, data: dict[str, Any]) -> Case:
    """Change the case; `gains`, when given, replaces its gains."""
    check_member_or_advisor(user=user, organization=case.organization)
    cleaned = dict(data)
    gains = cleaned.pop("gains", None)
    if gains is not None:
        _check_gains(gains)
        if case.is_public and not gains:
            raise ValidationError({"gains": _("A published case documents at least one gain.")})
    _check_suppliers(cleaned.get("suppliers", []))
    if "supplier_names" in cleaned:
        cleaned["supplier_names"] = _clean_names(cleaned["supplier_names"])
    case, changed = model_update(instance=case, fields=EDITABLE_FIELDS, data=cleaned)
    if gains is not None:
        _gains_replace(case=case, gains=gains)
        if not changed:
            case.version += 1
            case.save(update_fields=["version", "updated_at"])
        changed = True
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=case)
        _refresh(case)
    return case


@transaction.atomic
def case_publish(*, user: User, case: Case) -> Case:
    check_member_or_advisor(user=user, organization=case.organization)
    if case.status == Case.Status.PUBLISHED:
        raise ValidationError(_("The case is already published."))
    if not case.gains.exists():
        raise ValidationError(_("Document at least one gain before publishing the case."))
    if not case.need.is_public:
        raise ValidationError(_("Publish the need again before publishing its case."))
    status_change(
        instance=case,
        user=user,
        status=Case.Status.PUBLISHED,
        stamp="published_at",
        action=AuditEvent.Action.PUBLISHED,
        entity=Entity.CASE,
        matching=False,
    )
    return case


@transaction.atomic
def case_unpublish(*, user: User, case: Case) -> Case:
    """Take a published case back to draft: it leaves search and suggestions."""
    check_member_or_advisor(user=user, organization=case.organization)
    if case.status == Case.Status.DRAFT:
        raise ValidationError(_("The case is already a draft."))
    status_change(
        instance=case,
        user=user,
        status=Case.Status.DRAFT,
        action=AuditEvent.Action.WITHDRAWN,
        entity=Entity.CASE,
        matching=False,
    )
    return case


@transaction.atomic
def case_delete(*, user: User, case: Case) -> None:
    check_member_or_advisor(user=user, organization=case.organization)
    if case.status != Case.Status.DRAFT:
        raise ValidationError(_("Only a draft case can be deleted; unpublish it first."))
    if case.reuses.exists():
        raise ValidationError(_("Others have built on this case: it cannot be deleted."))
    audit_log(actor=user, action=AuditEvent.Action.DELETED, obj=case, data={"title": case.title})
    case.delete()


def _inherited(case: Case) -> dict[str, Any]:
    """What a need started from `case` inherits: its need's text while that need is public,
    otherwise what the case itself says (never a draft's text)."""
    need = case.need
    if need.is_public:
        return {
            "title": need.title,
            "description": need.description,
            "desired_effect": need.desired_effect,
            "sector": need.sector,
            "cpv_codes": list(need.cpv_codes),
            "language": need.language,
        }
    return {
        "title": case.title,
        "description": case.summary,
        "sector": case.sector,
        "cpv_codes": list(case.cpv_codes),
        "language": case.language,
    }


@transaction.atomic
def case_reuse(*, user: User, case: Case, organization: Organization) -> CaseReuse:
    """ "Gjenbruk": a verified public buyer starts a draft need from a published case; the
    new need links back to the case, so spreading is traceable."""
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.PUBLIC_BUYER,
        act=Act.PUBLISH_NEED,
    )
    if case.status != Case.Status.PUBLISHED:
        raise ValidationError(_("Only a published case can be reused."))
    need = need_create(user=user, organization=organization, data=_inherited(case))
    reuse = CaseReuse.objects.create(
        case=case, need=need, organization=organization, created_by=user
    )
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=reuse, data={"need": need.pk})
    return reuse
