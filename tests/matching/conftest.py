"""Fixtures for the matching tests: a small corpus and an engine on the fake encoder."""

from __future__ import annotations

import pytest

from matching.encoders import FakeEncoder
from matching.pipeline import MatchingEngine
from matching.types import MatchItem
from tests.matching.items import need, no_bridge, solution


@pytest.fixture
def needs() -> list[MatchItem]:
    return [
        need(
            "n1",
            "Trygghetsalarm med GPS",
            "Eldre trenger trygghetsalarm som virker ute og varsler ved fall.",
            sector="helse-og-omsorg",
            cpv_codes=("33196000-0",),
            owner_id="skien",
            language="nb",
        ),
        need(
            "n2",
            "Mobil trygghetsalarm for hjemmeboende",
            "Trygghetsalarm med GPS og fallvarsling for eldre.",
            sector="helse-og-omsorg",
            cpv_codes=("33196000-0",),
            owner_id="porsgrunn",
            language="nb",
        ),
        need(
            "n3",
            "Trygghetsalarm i hjemmet",
            "Vi ønsker trygghetsalarm med fallvarsling for eldre brukere.",
            sector="helse-og-omsorg",
            owner_id="skien",
            language="nb",
        ),
        need(
            "n4",
            "Smart avfallshåndtering",
            "Sensorer i avfallsbeholdere skal gi bedre tømmeruter.",
            sector="vann-avlop-renovasjon",
            owner_id="bergen",
            language="nb",
        ),
    ]


@pytest.fixture
def solutions() -> list[MatchItem]:
    return [
        solution(
            "s1",
            "Mobil trygghetsalarm med GPS",
            "Alarmen varsler ved fall og virker overalt med GPS.",
            sector="helse-og-omsorg",
            trl=9,
            language="nb",
        ),
        solution(
            "s2",
            "Fill-level sensors for waste bins",
            "Sensors in waste containers plan collection routes.",
            sector="vann-avlop-renovasjon",
            trl=8,
            language="en",
        ),
        solution(
            "s3",
            "Digital læringsplattform",
            "Elever lærer matematikk med spill og oppgaver.",
            sector="oppvekst-og-utdanning",
            trl=9,
            language="nb",
        ),
    ]


@pytest.fixture
def engine(needs: list[MatchItem], solutions: list[MatchItem]) -> MatchingEngine:
    return MatchingEngine(FakeEncoder(), term_bridge=no_bridge).fit(solutions, needs)
