"""The demo's pilots and stage history (issue 14), so that the search filter "Søker pilot" and
the innovation barometer show something in `make run`.

Four published needs have a pilot: two seek one, one runs (results not yet public) and one is
completed with public results. The needs that moved past market dialogue get the stage changes
need_update would have recorded on the way (the barometer derives stages over time and the days
per stage from them), dated between their publication and today. Idempotent."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from backend.audit.models import AuditEvent
from backend.needs.models import Need
from backend.pilots.models import Measure, Pilot, Unit
from backend.reference.vocabularies import STAGES

#: need title -> (status, scope, start, end, users, public results, measures)
#: measure: (name, unit, baseline, result or None, note)
PILOTS = {
    "Tettere oppfølging av kronisk syke i eget hjem": (
        Pilot.Status.WANTED,
        "To hjemmetjenestesoner i Bodø prøver digital heimeoppfølging av innbyggere med KOLS og "
        "hjertesvikt i seks måneder: målinger hjemme, varsling til sykepleier ved avvik.",
        date(2027, 3, 1),
        date(2027, 8, 31),
        40,
        False,
        (
            ("Innleggelser per måned", Unit.COUNT, Decimal("9"), None, ""),
            ("Fysiske besøk per bruker per uke", Unit.COUNT, Decimal("5"), None, ""),
        ),
    ),
    "Underernæring blant heimebuande eldre": (
        Pilot.Status.WANTED,
        "Heimetenesta i Volda prøver ei løysing for å følgje med på kosthald og vekt hos "
        "heimebuande over 80 år, saman med kjøkkenet på sjukeheimen.",
        date(2027, 4, 1),
        date(2027, 12, 31),
        60,
        False,
        (("Delen brukarar med vekttap over 5 %", Unit.PERCENT, Decimal("18"), None, ""),),
    ),
    "Lang ventetid for unge med psykiske plager": (
        Pilot.Status.RUNNING,
        "Stjørdal prøver et digitalt lavterskeltilbud for unge mellom 16 og 25 år med lette til "
        "moderate psykiske plager, med oppfølging fra psykisk helsetjeneste.",
        date(2026, 9, 1),
        date(2027, 2, 28),
        120,
        False,
        (
            ("Ventetid til første samtale", Unit.DAYS, Decimal("42"), Decimal("16"), "Tre måneder"),
            ("Unge som fullfører forløpet", Unit.PERCENT, Decimal("55"), None, ""),
        ),
    ),
    "Oppdage lesevansker tidlig og sette inn riktig hjelp": (
        Pilot.Status.COMPLETED,
        "Seks barneskoler i Asker kartla lesing digitalt i 1. og 2. trinn og ga tiltak ut fra "
        "resultatene, ett skoleår.",
        date(2025, 8, 15),
        date(2026, 6, 20),
        900,
        True,
        (
            (
                "Elever under bekymringsgrensen i 2. trinn",
                Unit.PERCENT,
                Decimal("21"),
                Decimal("14"),
                "Nasjonal kartleggingsprøve, vår 2026 mot vår 2025",
            ),
            (
                "Lærertimer brukt på kartlegging per klasse",
                Unit.HOURS,
                Decimal("30"),
                Decimal("12"),
                "Timeregistrering hos lærerne",
            ),
        ),
    ),
}


def _pilot(need: Need, spec: Any) -> None:
    status, scope, starts_on, ends_on, users, public, measures = spec
    pilot, created = Pilot.objects.get_or_create(
        need=need,
        defaults={
            "scope": scope,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "users": users,
            "status": status,
            "results_public": public,
        },
    )
    if not created:
        return
    for position, (name, unit, baseline, result, note) in enumerate(measures):
        Measure.objects.create(
            pilot=pilot,
            name=name,
            unit=unit,
            baseline=baseline,
            result_value=result,
            result_note=note,
            result_recorded_at=timezone.now() if result is not None else None,
            position=position,
        )


def _stage_history(need: Need) -> None:
    """The stage changes from market dialogue to the need's stage, spread over its life."""
    codes = [t.code for t in STAGES]
    start, end = codes.index("markedsdialog"), codes.index(need.stage)
    steps = list(zip(codes[start:end], codes[start + 1 : end + 1], strict=True))
    known = AuditEvent.objects.filter(
        object_type="needs.need", object_id=str(need.pk), data__has_key="stage"
    )
    if not steps or need.published_at is None or known.exists():
        return
    span = (timezone.now() - need.published_at) / (len(steps) + 1)
    for n, (before, after) in enumerate(steps, start=1):
        event = AuditEvent.objects.create(
            action=AuditEvent.Action.CHANGED,
            object_type="needs.need",
            object_id=str(need.pk),
            data={"fields": ["stage"], "stage": {"from": before, "to": after}},
        )
        moment = need.published_at + span * n * (0.7 + 0.15 * (n % 3))
        AuditEvent.objects.filter(pk=event.pk).update(created_at=min(moment, timezone.now()))


def pilots_demo_load() -> int:
    """Pilots on four demo needs and the stage history of the needs past market dialogue."""
    for title, spec in PILOTS.items():
        need = Need.objects.filter(title=title, status=Need.Status.PUBLISHED).first()
        if need is not None:
            _pilot(need, spec)
    later = ("konkurranse", "kontrakt", "implementering")
    public = Need.objects.filter(status__in=Need.PUBLIC_STATUSES, stage__in=later)
    for need in public:
        _stage_history(need)
    return Pilot.objects.count()
