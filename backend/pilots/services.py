"""Writes of pilots. Each service is atomic and the only code that saves a pilot.

The buyer's organisation (its members) and advisors edit a need's pilot. A change of a public
need's pilot queues the need's search document again (it says whether the need seeks a pilot).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.needs.models import Need
from backend.needs.services import check_can_edit
from backend.outbox.entities import Entity
from backend.outbox.services import derived_refresh
from backend.pilots.models import Measure, Pilot, Unit

#: The most measures one pilot has.
MAX_MEASURES = 10

#: Where a pilot's status may go from each status (a completed pilot is final).
TRANSITIONS: dict[str, frozenset[str]] = {
    Pilot.Status.WANTED: frozenset({Pilot.Status.RUNNING, Pilot.Status.CANCELLED}),
    Pilot.Status.RUNNING: frozenset({Pilot.Status.COMPLETED, Pilot.Status.CANCELLED}),
    Pilot.Status.CANCELLED: frozenset({Pilot.Status.WANTED}),
    Pilot.Status.COMPLETED: frozenset(),
}
#: Statuses in which results are recorded.
RESULT_STATUSES = (Pilot.Status.RUNNING, Pilot.Status.COMPLETED)


@dataclass(frozen=True)
class MeasureInput:
    name: str
    unit: str
    baseline: Decimal | None = None
    id: int | None = None


@dataclass(frozen=True)
class ResultInput:
    measure_id: int
    value: Decimal
    note: str = ""


def _period_errors(starts_on: date, ends_on: date) -> dict[str, list[str]]:
    if ends_on <= starts_on:
        return {"ends_on": [_("The pilot must end after it starts.")]}
    return {}


def _measure_errors(measures: list[MeasureInput], known: set[int]) -> list[str]:
    errors: list[str] = []
    if not measures:
        errors.append(_("Say what the pilot will measure: add at least one measure."))
    if len(measures) > MAX_MEASURES:
        errors.append(_("A pilot has at most %(n)d measures.") % {"n": MAX_MEASURES})
    names = [m.name.strip().casefold() for m in measures]
    if len(set(names)) != len(names):
        errors.append(_("Each measure needs a name of its own."))
    for m in measures:
        if m.unit not in Unit.values:
            errors.append(_("“%(unit)s” is not a unit a measure can have.") % {"unit": m.unit})
        if m.id is not None and m.id not in known:
            errors.append(_("Measure %(id)s is not one of this pilot's.") % {"id": m.id})
    return errors


def _clean(data: dict[str, Any], *, pilot: Pilot | None) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    cleaned = dict(data)
    starts_on = cleaned.get("starts_on", pilot.starts_on if pilot else None)
    ends_on = cleaned.get("ends_on", pilot.ends_on if pilot else None)
    if starts_on is not None and ends_on is not None:
        errors.update(_period_errors(starts_on, ends_on))
    users = cleaned.get("users")
    if users is not None and users < 1:
        errors["users"] = [_("A pilot needs at least one user.")]
    status = cleaned.get("status")
    current = pilot.status if pilot else Pilot.Status.WANTED
    if status is not None and status != current and status not in TRANSITIONS[current]:
        errors["status"] = [
            _("A pilot cannot go from %(from)s to %(to)s.")
            % {"from": Pilot.Status(current).label, "to": Pilot.Status(status).label}
        ]
    if "measures" in cleaned:
        known = set(pilot.measures.values_list("pk", flat=True)) if pilot else set()
        measure_errors = _measure_errors(cleaned["measures"], known)
        if measure_errors:
            errors["measures"] = measure_errors
    if errors:
        raise ValidationError(errors)
    return cleaned


def _refresh_need(need: Need) -> None:
    if need.is_public:
        derived_refresh(entity=Entity.NEED, entity_id=need.pk, matching=False)


def _measures_sync(*, pilot: Pilot, measures: list[MeasureInput]) -> None:
    """Make `measures` the pilot's: kept by id (their results too), new ones added, the rest
    dropped."""
    existing = {m.pk: m for m in pilot.measures.all()}
    keep = {m.id for m in measures if m.id is not None}
    pilot.measures.exclude(pk__in=keep).delete()
    for position, wanted in enumerate(measures):
        row = existing.get(wanted.id) if wanted.id is not None else None
        row = row or Measure(pilot=pilot)
        row.name, row.unit, row.baseline = wanted.name.strip(), wanted.unit, wanted.baseline
        row.position = position
        row.full_clean(exclude=["pilot"])
        row.save()


@transaction.atomic
def pilot_save(*, user: User, need: Need, data: dict[str, Any]) -> Pilot:
    """Ask for a pilot on `need`, or change the one it has: scope, period, users, status,
    whether the results are public, and the measures (each with name, unit and baseline)."""
    check_can_edit(user=user, need=need)
    pilot = Pilot.objects.select_for_update().filter(need=need).first()
    cleaned = _clean(data, pilot=pilot)
    measures: list[MeasureInput] | None = cleaned.pop("measures", None)
    created = pilot is None
    if pilot is None:
        pilot = Pilot(need=need, created_by=user)
    for name in ("scope", "starts_on", "ends_on", "users", "status", "results_public"):
        if name in cleaned:
            setattr(pilot, name, cleaned[name])
    if not created:
        pilot.version += 1
    pilot.full_clean(exclude=["need"])
    pilot.save()
    if measures is not None:
        _measures_sync(pilot=pilot, measures=measures)
    action = AuditEvent.Action.CREATED if created else AuditEvent.Action.CHANGED
    audit_log(actor=user, action=action, obj=pilot, data={"status": pilot.status})
    _refresh_need(need)
    return pilot


@transaction.atomic
def pilot_results_record(*, user: User, pilot: Pilot, results: list[ResultInput]) -> Pilot:
    """Record results per measure while the pilot runs or after it ended."""
    check_can_edit(user=user, need=pilot.need)
    locked = Pilot.objects.select_for_update().get(pk=pilot.pk)
    if locked.status not in RESULT_STATUSES:
        raise ValidationError(
            {"results": [_("Results are recorded once the pilot runs or has ended.")]}
        )
    measures = {m.pk: m for m in locked.measures.all()}
    unknown = [r.measure_id for r in results if r.measure_id not in measures]
    if unknown or not results:
        message = (
            _("Measure %(id)s is not one of this pilot's.") % {"id": unknown[0]}
            if unknown
            else _("Give a result for at least one measure.")
        )
        raise ValidationError({"results": [message]})
    now = timezone.now()
    for result in results:
        measure = measures[result.measure_id]
        measure.result_value, measure.result_note = result.value, result.note.strip()
        measure.result_recorded_at = now
        measure.full_clean(exclude=["pilot"])
        measure.save(update_fields=["result_value", "result_note", "result_recorded_at"])
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.CHANGED,
        obj=locked,
        data={"results": sorted(measures[r.measure_id].pk for r in results)},
    )
    return locked
