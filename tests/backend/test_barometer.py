"""The innovation barometer (issue 14): public figures from public rows only, as JSON and
CSV/XLSX for anyone. Stage history from the audit log's recorded stage changes."""

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.audit.models import AuditEvent
from backend.cases.models import Case, Gain
from backend.common.exports import BOM
from backend.insights.barometer import barometer
from backend.needs.models import Need
from backend.pilots.models import Pilot
from tests.backend.conftest import World
from tests.factories import NeedFactory, ResponseFactory
from tests.factories.cases import CaseFactory, GainFactory
from tests.factories.pilots import PilotFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=UTC)


def _stage_change(need: Need, when: datetime, before: str, after: str) -> None:
    """A stage change as need_update records it, dated `when`."""
    event = AuditEvent.objects.create(
        action=AuditEvent.Action.CHANGED,
        object_type="needs.need",
        object_id=str(need.pk),
        data={"fields": ["stage"], "stage": {"from": before, "to": after}},
    )
    AuditEvent.objects.filter(pk=event.pk).update(created_at=when)


@pytest.fixture
def market(world: World) -> dict[str, Any]:
    """Three public needs with a history, a published case with gains, pilots."""
    Need.objects.all().delete()
    a = NeedFactory(
        organization=world.buyer_org, stage="kontrakt", county="46", published_at=at(1, 10)
    )
    _stage_change(a, at(2, 9), "markedsdialog", "konkurranse")
    _stage_change(a, at(4, 10), "konkurranse", "kontrakt")
    b = NeedFactory(
        organization=world.other_buyer_org,
        stage="forankring",
        county="50",
        sector="oppvekst-og-utdanning",
        published_at=at(2, 1),
    )
    c = NeedFactory(organization=world.buyer_org, stage="behovsavklaring", published_at=at(5, 2))
    _stage_change(c, at(5, 22), "behovsavklaring", "markedsdialog")
    _stage_change(c, at(6, 11), "markedsdialog", "behovsavklaring")
    case = CaseFactory(need=a, status=Case.Status.PUBLISHED, published_at=at(5, 1))
    GainFactory(case=case, amount=Decimal("1200"))
    GainFactory(case=case, type=Gain.Type.MONEY_SAVED, unit=Gain.Unit.NOK, amount=Decimal("450000"))
    PilotFactory(need=b)
    PilotFactory(need=c, status=Pilot.Status.COMPLETED)
    return {"a": a, "b": b, "c": c}


def test_figures_count_publications_stages_durations_gains_and_pilots(
    market: dict[str, Any],
) -> None:
    # given the market / when
    figures = barometer(now=NOW)
    # then needs are counted in the quarter they were published, by sector and county
    assert figures["needs_published"] == 3
    assert figures["published_by_period"] == [
        {"period": "2026-Q1", "count": 2},
        {"period": "2026-Q2", "count": 1},
    ]
    sectors = {(r["period"], r["sector"]): r["count"] for r in figures["published_by_sector"]}
    assert sectors == {
        ("2026-Q1", "helse-og-omsorg"): 1,
        ("2026-Q1", "oppvekst-og-utdanning"): 1,
        ("2026-Q2", "helse-og-omsorg"): 1,
    }
    counties = {(r["period"], r["county"]): r["count"] for r in figures["published_by_county"]}
    assert counties == {("2026-Q1", "46"): 1, ("2026-Q1", "50"): 1, ("2026-Q2", "46"): 1}
    # and the stage at each quarter's end follows the recorded changes
    stages = {(r["period"], r["stage"]): r["count"] for r in figures["stage_by_period"]}
    assert stages == {
        ("2026-Q1", "konkurranse"): 1,
        ("2026-Q1", "forankring"): 1,
        ("2026-Q2", "kontrakt"): 1,
        ("2026-Q2", "forankring"): 1,
        ("2026-Q2", "behovsavklaring"): 1,
    }
    # and the median days per stage count the stays that ended
    durations = {r["stage"]: (r["median_days"], r["needs"]) for r in figures["stage_durations"]}
    assert durations["markedsdialog"] == (25.0, 2)  # 30 and 20 days
    assert durations["konkurranse"] == (60.0, 1)
    assert durations["kontrakt"] == (None, 0)
    # and one of three reached a contract
    assert figures["reached_contract"] == {"needs": 1, "of": 3, "share": 0.333}
    # and the published case's gains are summed by type, unit and period
    gains = {
        (g["type"], g["unit"], g["period"]): (g["total"], g["cases"]) for g in figures["gains"]
    }
    assert gains == {
        ("hours_freed", "hours", "per_year"): (Decimal("1200"), 1),
        ("money_saved", "nok", "per_year"): (Decimal("450000"), 1),
    }
    assert figures["pilots"] == {"wanted": 1, "running": 0, "completed": 1, "cancelled": 0}


def test_drafts_hidden_responses_and_draft_cases_change_no_figure(
    world: World, market: dict[str, Any]
) -> None:
    # given the figures
    before = barometer(now=NOW)
    # when a draft need (with a pilot and a stage change), a draft case with gains on a public
    # need and a confidential response are added
    draft = NeedFactory(organization=world.buyer_org, status=Need.Status.DRAFT, published_at=None)
    _stage_change(draft, at(3, 1), "forankring", "kontrakt")
    PilotFactory(need=draft, status=Pilot.Status.RUNNING)
    draft_case = CaseFactory(need=market["b"], status=Case.Status.DRAFT)
    GainFactory(case=draft_case, amount=Decimal("999"))
    ResponseFactory(need=market["a"], organization=world.supplier_org)
    withdrawn = NeedFactory(organization=world.buyer_org, status=Need.Status.DRAFT)
    PilotFactory(need=withdrawn)
    # then no figure changes
    assert barometer(now=NOW) == before


def test_months_are_counted_when_asked(market: dict[str, Any]) -> None:
    # given / when
    figures = barometer(period="month", now=NOW)
    # then
    assert [r["period"] for r in figures["published_by_period"]] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
    ]
    assert [r["count"] for r in figures["published_by_period"]] == [1, 1, 0, 0, 1, 0]


def test_anyone_reads_the_barometer_as_json(world: World, market: dict[str, Any]) -> None:
    # given / when a visitor asks
    response = world.client("visitor").get("/api/insights/barometer/")
    # then
    assert response.status_code == 200
    body = response.json()
    assert body["needs_published"] == 3
    assert body["period"] == "quarter"
    assert {"groups_active", "needs_in_groups"} <= set(body["joint_procurements"])
    assert body["gains"][0]["total"] == 1200


def test_a_bad_period_is_refused_clearly(world: World) -> None:
    # given / when
    response = world.client("visitor").get("/api/insights/barometer/", {"period": "year"})
    # then
    assert response.status_code == 400
    assert "quarter, month" in str(response.json()["period"])  # nb: "Velg én av: …"
    export = world.client("visitor").get("/api/insights/barometer/export/", {"file_format": "pdf"})
    assert export.status_code == 400


def test_anyone_downloads_the_barometer_as_csv(world: World, market: dict[str, Any]) -> None:
    # given a gain that fell (a negative amount stays a number, never quoted as text)
    GainFactory(
        case=market["a"].case,
        type=Gain.Type.QUALITY,
        unit=Gain.Unit.PERCENTAGE_POINTS,
        amount=Decimal("-3.5"),
    )
    # when a visitor downloads the CSV
    response = world.client("visitor").get("/api/insights/barometer/export/")
    # then it is a safe CSV (through backend.common.exports): BOM, header, one row per value
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="innovasjonsbarometer.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == ["figure", "period", "key", "label", "unit", "value"]
    assert ["needs_published", "", "", "", "needs", "3"] in rows
    quality = next(r for r in rows if r[2] == "quality:percentage_points")
    assert quality[5] == "-3.5"
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    # and as XLSX
    xlsx = world.client("visitor").get("/api/insights/barometer/export/", {"file_format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def test_the_format_parameter_names_the_file_format_too(world: World) -> None:
    # given / when: ?format=, as people and tools write it (DRF took it for a renderer: 404)
    visitor = world.client("visitor")
    as_csv = visitor.get("/api/insights/barometer/export/", {"format": "csv"})
    as_xlsx = visitor.get("/api/insights/barometer/export/", {"format": "xlsx"})
    as_pdf = visitor.get("/api/insights/barometer/export/", {"format": "pdf"})
    # then
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    assert as_xlsx.status_code == 200 and as_xlsx.content[:2] == b"PK"
    assert as_pdf.status_code == 400
    assert as_pdf["Content-Type"].startswith("application/json")
    assert "csv, xlsx" in str(as_pdf.json()["format"])


def test_the_barometer_costs_a_fixed_number_of_queries(
    world: World, market: dict[str, Any]
) -> None:
    # given a first count
    with CaptureQueriesContext(connection) as few:
        world.client("visitor").get("/api/insights/barometer/")
    # when there are many more public needs with stage changes
    for n in range(10):
        need = NeedFactory(organization=world.buyer_org, published_at=at(3, n + 1))
        _stage_change(need, at(4, n + 1), "markedsdialog", "konkurranse")
    with CaptureQueriesContext(connection) as many:
        response = world.client("visitor").get("/api/insights/barometer/")
    # then the queries stay the same
    assert response.json()["needs_published"] == 13
    assert len(many) == len(few) <= 12


def test_a_stage_change_is_recorded_with_its_stages(world: World) -> None:
    # given a published need in market dialogue
    url = f"/api/needs/{world.need.pk}/"
    # when its buyer moves it to competition, then changes only its title
    assert world.client("buyer").patch(url, {"stage": "konkurranse"}).status_code == 200
    assert world.client("buyer").patch(url, {"title": "Nytt navn på behovet"}).status_code == 200
    # then the first change records the stages, the second none
    events = AuditEvent.objects.filter(
        object_type="needs.need", object_id=str(world.need.pk), action="changed"
    ).order_by("pk")
    assert [e.data.get("stage") for e in events] == [
        {"from": "markedsdialog", "to": "konkurranse"},
        None,
    ]
