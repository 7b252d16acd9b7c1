"""The fixed corpus the conformance suite searches (kept small: every expectation is by hand),
and what the test modules share with conftest.py (imported by this unique module name, never as
``conftest``, which other test folders also have)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from search.backends import SearchBackend
from search.types import IndexDocument

DIMS = 4
ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:59200")
BackendFactory = Callable[[str], SearchBackend]


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=UTC)


def make_doc(**fields: Any) -> IndexDocument:
    base: dict[str, Any] = {
        "kind": "need",
        "id": 1,
        "version": 1,
        "title": "Behov",
        "text": "",
        "language": "nb",
        "organization_id": 10,
        "organization_name": "Bergen kommune",
        "sector": "helse-og-omsorg",
        "cpv_codes": ("48000000-8",),
        "counties": ("46",),
        "status": "published",
    }
    base.update(fields)
    return IndexDocument(**base)


CORPUS: tuple[IndexDocument, ...] = (
    make_doc(
        id=1,
        title="Trygghetsalarmer for hjemmeboende eldre",
        text="Kommunen planlegger anskaffelser av digitale trygghetsalarmer som varsler pårørende. "
        "Vi søker velferdsteknologi som gir trygghet.",
        cpv_codes=("48000000-8", "33190000-8"),
        stage="markedsdialog",
        procedure="innovasjonspartnerskap",
        published_at=at(3, 1),
        deadline=at(6, 1),
        embedding=(1.0, 0.0, 0.0, 0.0),
        seeks_pilot=True,
    ),
    make_doc(
        id=2,
        title="Alarm for brann i kommunale bygg",
        text="Hver kommune trenger en anskaffelse av alarm og sensorer for brannvarsling i skoler.",
        organization_id=11,
        organization_name="Oslo kommune",
        sector="bygg-og-eiendom",
        cpv_codes=("35100000-5",),
        counties=("03",),
        stage="behovsavklaring",
        procedure="konkurransepreget-dialog",
        published_at=at(2, 1),
        deadline=at(5, 1),
        embedding=(0.0, 1.0, 0.0, 0.0),
        seeks_pilot=False,
    ),
    make_doc(
        id=3,
        title="Digital oppfølging av pasientar",
        text="Heimetenesta treng betre løysingar for oppfølging av pasientar heime.",
        language="nn",
        cpv_codes=("72000000-5",),
        status="closed",
        stage="forankring",
        published_at=at(1, 15),
        embedding=(0.7, 0.7, 0.0, 0.0),
    ),
    make_doc(
        id=4,
        title="Sensors for monitoring water quality",
        text="The municipality is looking for monitoring sensors that report water quality.",
        language="en",
        organization_id=12,
        organization_name="Stavanger kommune",
        sector="vann-og-avlop",
        cpv_codes=("38000000-5",),
        counties=("11",),
        stage="markedsdialog",
        procedure="konkurranse-med-forhandling",
        published_at=at(4, 1),
        deadline=at(7, 1),
        embedding=(0.0, 0.0, 1.0, 0.0),
    ),
    make_doc(
        kind="solution",
        id=5,
        title="Trygghetsalarm med GPS",
        text="En trygghetsalarm som fungerer ute og inne, for eldre og personer med demens.",
        organization_id=20,
        organization_name="Alarmfabrikken AS",
        counties=("46", "03"),
        trl=7,
        published_at=at(3, 10),
        embedding=(0.9, 0.1, 0.0, 0.0),
    ),
    make_doc(
        kind="solution",
        id=6,
        title="Smart water sensor platform",
        text="A sensor platform that monitors pipes and water quality.",
        language="en",
        organization_id=21,
        organization_name="Vannverk AS",
        sector="vann-og-avlop",
        cpv_codes=("38000000-5",),
        counties=("11",),
        trl=5,
        published_at=at(2, 20),
    ),
    make_doc(
        kind="conference",
        id=7,
        title="Dialogkonferanse om trygghetsalarmer og velferdsteknologi",
        text="Agenda: presentasjon av behovet, spørsmål fra leverandører og 1:1-møter.",
        stage="markedsdialog",
        published_at=at(3, 5),
        deadline=at(5, 1),
        starts_at=at(5, 10),
        embedding=(0.0, 0.0, 0.0, 1.0),
    ),
    make_doc(
        kind="case",
        id=8,
        title="Fallvarsling i sykehjem",
        text="Nattevakten varsles før beboeren faller; færre fall og roligere netter. "
        "Erfaring: involver nattevaktene tidlig.",
        organization_id=12,
        organization_name="Bærum sykehjemsetat",
        counties=("32",),
        stage="implementering",
        procedure="innovasjonspartnerskap",
        published_at=at(3, 20),
        gain_types=("quality", "hours_freed"),
    ),
)
