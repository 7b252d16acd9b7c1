"""Reads of pilots, scoped to what the reader may see.

A pilot is seen by whoever sees its need; its results by the need's editors (the buyer's
organisation, advisors) and, once the buyer marked them public, by everyone who sees the need.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.http import Http404

from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.needs.selectors import need_get, user_edits_need
from backend.pilots.models import Measure, Pilot, Unit


@dataclass(frozen=True)
class PilotResult:
    """One measure's recorded result, as others (the case library) show it."""

    measure: str
    unit: str
    unit_label: str
    baseline: Decimal | None
    value: Decimal
    note: str


def pilot_get(*, user: AnyUser, need_id: int) -> Pilot:
    """The pilot of a need the user may see; 404 when the need has none or is hidden."""
    need = need_get(user=user, need_id=need_id)
    pilot = Pilot.objects.filter(need=need).prefetch_related("measures").first()
    if pilot is None:
        raise Http404
    pilot.need = need
    return pilot


def user_reads_pilot_results(*, user: AnyUser, pilot: Pilot) -> bool:
    return pilot.results_public or user_edits_need(user=user, need=pilot.need)


def pilot_results_for_need(need_id: int) -> tuple[PilotResult, ...]:
    """The public results of a published need's pilot (for its case page): nothing when the
    need is a draft, has no pilot, or the buyer has not marked the results public."""
    measures = Measure.objects.filter(
        pilot__need_id=need_id,
        pilot__need__status__in=Need.PUBLIC_STATUSES,
        pilot__results_public=True,
        result_value__isnull=False,
    )
    return tuple(
        PilotResult(
            measure=m.name,
            unit=m.unit,
            unit_label=str(Unit(m.unit).label),
            baseline=m.baseline,
            value=m.result_value,
            note=m.result_note,
        )
        for m in measures
        if m.result_value is not None
    )


def public_pilot_counts() -> dict[str, int]:
    """Pilots of published (or closed) needs by status: the barometer's figure."""
    rows = (
        Pilot.objects.filter(need__status__in=Need.PUBLIC_STATUSES)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    counted = dict(rows.values_list("status", "n"))
    return {status: counted.get(status, 0) for status in Pilot.Status.values}
