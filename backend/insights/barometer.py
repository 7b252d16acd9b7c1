"""The innovation barometer: public figures for the sector, in the spirit of KS'
innovasjonsbarometer. Everything here counts public rows only: published (or closed) needs,
published cases, pilots of public needs. Drafts, responses and anything confidential never
enter a figure.

Where the figures come from:
- a need is counted from its publication (``Need.published_at``), in the period it was
  published, by its sector and county;
- its stage over time comes from the stage changes the audit log records (``need_update``
  writes ``{"stage": {"from", "to"}}`` on each change): the stage at publication is the first
  recorded change's ``from`` (or today's stage when none was recorded), and a need is in a
  stage from the change into it (or its publication) until the next change;
- the days in a stage are counted for the stays that ended (the need moved on), from the
  later of entering the stage and publication;
- a need reached a contract when it is in, or was ever moved to, contract follow-up or
  implementation;
- gains are the published cases' documented gains (backend/cases), summed by type, unit and
  period (never across units);
- joint procurements are backend/joint's counts; pilots are counted by status.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from statistics import median
from typing import Any, Literal

from django.db.models import Count, Sum
from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.cases.models import Case, Gain
from backend.common.exports import Cell, Table
from backend.joint.selectors import joint_procurement_counts
from backend.needs.models import Need
from backend.pilots.selectors import public_pilot_counts
from backend.reference.vocabularies import COUNTIES, SECTORS, STAGES, label_for

Period = Literal["quarter", "month"]
PERIODS: tuple[Period, ...] = ("quarter", "month")
#: The stages that count as "reached a contract".
CONTRACT_STAGES = ("kontrakt", "implementering")
_STAGE_ORDER = [t.code for t in STAGES]


@dataclass(frozen=True)
class _Timeline:
    """A public need's stages: (from when, which stage), the first at publication."""

    need_id: int
    published_at: datetime
    stays: tuple[tuple[datetime, str], ...]


def period_key(moment: datetime, period: Period) -> str:
    local = timezone.localtime(moment)
    if period == "month":
        return f"{local.year}-{local.month:02d}"
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def _period_end(key: str) -> datetime:
    """The first moment after the period (local time)."""
    year, rest = key.split("-")
    month = int(rest[1:]) * 3 + 1 if rest.startswith("Q") else int(rest) + 1
    y, m = (int(year) + 1, 1) if month > 12 else (int(year), month)
    return timezone.make_aware(datetime(y, m, 1), timezone.get_current_timezone())


def _periods(first: datetime, last: datetime, period: Period) -> list[str]:
    keys, moment = [], first
    while True:
        key = period_key(moment, period)
        keys.append(key)
        moment = _period_end(key)
        if moment > last:
            return keys


def _stage_changes(need_ids: list[int]) -> dict[int, list[tuple[datetime, str, str]]]:
    events = AuditEvent.objects.filter(
        object_type="needs.need",
        object_id__in=[str(pk) for pk in need_ids],
        action=AuditEvent.Action.CHANGED,
        data__has_key="stage",
    ).values_list("object_id", "created_at", "data")
    changes: dict[int, list[tuple[datetime, str, str]]] = defaultdict(list)
    for object_id, at, data in events:
        stage = data.get("stage")
        if isinstance(stage, dict) and stage.get("from") and stage.get("to"):
            changes[int(object_id)].append((at, str(stage["from"]), str(stage["to"])))
    for rows in changes.values():
        rows.sort()
    return changes


def _timelines(needs: list[tuple[int, datetime, str]]) -> list[_Timeline]:
    changes = _stage_changes([pk for pk, _, _ in needs])
    timelines = []
    for pk, published_at, current in needs:
        rows = changes.get(pk, [])
        after = [r for r in rows if r[0] > published_at]
        before = [r for r in rows if r[0] <= published_at]
        first = before[-1][2] if before else (after[0][1] if after else current)
        stays = ((published_at, first), *((at, to) for at, _, to in after))
        timelines.append(_Timeline(pk, published_at, stays))
    return timelines


def _stage_at(timeline: _Timeline, moment: datetime) -> str | None:
    stage = None
    for since, code in timeline.stays:
        if since < moment:
            stage = code
    return stage


def _durations(timelines: Iterable[_Timeline]) -> list[dict[str, Any]]:
    days: dict[str, list[float]] = defaultdict(list)
    for t in timelines:
        for (since, code), (until, _) in zip(t.stays, t.stays[1:], strict=False):
            days[code].append((until - since).total_seconds() / 86400)
    return [
        {
            "stage": term.code,
            "label": term.label,
            "median_days": round(median(days[term.code]), 1) if days[term.code] else None,
            "needs": len(days[term.code]),
        }
        for term in STAGES
    ]


def _gains() -> list[dict[str, Any]]:
    rows = (
        Gain.objects.filter(case__status=Case.Status.PUBLISHED)
        .exclude(case__need__status=Need.Status.DRAFT)
        .order_by()
        .values("type", "unit", "period")
        .annotate(total=Sum("amount"), cases=Count("case", distinct=True))
        .order_by("type", "unit", "period")
    )
    return [
        {
            "type": r["type"],
            "type_label": str(Gain.Type(r["type"]).label),
            "unit": r["unit"],
            "unit_label": str(Gain.Unit(r["unit"]).label),
            "period": r["period"],
            "period_label": str(Gain.Period(r["period"]).label),
            "total": r["total"] or Decimal(0),
            "cases": r["cases"],
        }
        for r in rows
    ]


def _per_period(
    rows: list[tuple[str, str]], periods: list[str], terms: Any, key: str
) -> list[dict[str, Any]]:
    counted = Counter(rows)
    codes = [t.code for t in terms] if terms else sorted({c for _, c in rows})
    return [
        {"period": p, key: c, "label": label_for(terms, c), "count": counted[(p, c)]}
        for p in periods
        for c in codes
        if counted[(p, c)]
    ]


def barometer(*, period: Period = "quarter", now: datetime | None = None) -> dict[str, Any]:
    """Every figure of the barometer (see the module's docstring for what each counts)."""
    now = now or timezone.now()
    rows = (
        Need.objects.filter(status__in=Need.PUBLIC_STATUSES, published_at__isnull=False)
        .order_by("published_at")
        .values_list("pk", "published_at", "stage", "sector", "county")
    )
    public = [(pk, at, stage, sector, county) for pk, at, stage, sector, county in rows if at]
    timelines = _timelines([(pk, at, stage) for pk, at, stage, _, _ in public])
    periods = _periods(public[0][1], now, period) if public else []
    published = [(period_key(at, period), sector, county) for _, at, _, sector, county in public]
    stage_rows = [
        (p, stage)
        for p in periods
        for t in timelines
        if (stage := _stage_at(t, min(_period_end(p), now))) is not None
    ]
    reached = sum(1 for t in timelines if any(code in CONTRACT_STAGES for _, code in t.stays))
    return {
        "generated_at": now.astimezone(UTC),
        "period": period,
        "needs_published": len(public),
        "published_by_period": [
            {"period": p, "count": sum(1 for q, _, _ in published if q == p)} for p in periods
        ],
        "published_by_sector": _per_period(
            [(p, s) for p, s, _ in published], periods, SECTORS, "sector"
        ),
        "published_by_county": _per_period(
            [(p, c) for p, _, c in published if c], periods, COUNTIES, "county"
        ),
        "stage_by_period": _per_period(stage_rows, periods, STAGES, "stage"),
        "stage_durations": _durations(timelines),
        "reached_contract": {
            "needs": reached,
            "of": len(public),
            "share": round(reached / len(public), 3) if public else None,
        },
        "gains": _gains(),
        "joint_procurements": dict(joint_procurement_counts()),
        "pilots": public_pilot_counts(),
    }


def barometer_table(figures: dict[str, Any]) -> Table:
    """The barometer as one long table (open data): one row per figure, period and value."""
    rows: list[list[Cell]] = [["needs_published", "", "", "", "needs", figures["needs_published"]]]
    rows += [
        ["published", r["period"], "", "", "needs", r["count"]]
        for r in figures["published_by_period"]
    ]
    for figure, key in (
        ("published_by_sector", "sector"),
        ("published_by_county", "county"),
        ("stage_by_period", "stage"),
    ):
        rows += [
            [figure, r["period"], r[key], r["label"], "needs", r["count"]] for r in figures[figure]
        ]
    rows += [
        ["stage_median_days", "", r["stage"], r["label"], "days", r["median_days"]]
        for r in figures["stage_durations"]
    ]
    rows += [
        ["stage_stays_counted", "", r["stage"], r["label"], "needs", r["needs"]]
        for r in figures["stage_durations"]
    ]
    reached = figures["reached_contract"]
    rows += [
        ["reached_contract", "", "", "", "needs", reached["needs"]],
        ["reached_contract_share", "", "", "", "share", reached["share"]],
    ]
    rows += [
        [
            "gains",
            g["period"],
            f"{g['type']}:{g['unit']}",
            f"{g['type_label']} ({g['period_label']})",
            g["unit"],
            float(g["total"]),
        ]
        for g in figures["gains"]
    ]
    rows += [
        ["joint_procurements", "", key, "", "count", value]
        for key, value in figures["joint_procurements"].items()
    ]
    rows += [["pilots", "", status, "", "pilots", n] for status, n in figures["pilots"].items()]
    header = ("figure", "period", "key", "label", "unit", "value")
    return Table(title="Innovasjonsbarometer", header=header, rows=rows)
