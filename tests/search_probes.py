"""Norwegian probe queries for search quality, on the demo data (backend/demo/data).

Each probe is a query a procurement officer or a supplier could plausibly type, with the
demo need it must put in the top 5. Categories: inflection, compounds (a part alone, parts
apart, both ways), nynorsk↔bokmål, typos, spelling variants and loan words, English queries
for Norwegian needs, and queries that only meaning can answer. Used by
tests/backend/test_search_probes.py (both backends, lexical and semantic mode) and by
`make bench`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "backend" / "demo" / "data"


@dataclass(frozen=True)
class Probe:
    query: str
    need: str  # the demo need's key (backend/demo/data/*.json)
    category: str


PROBES: tuple[Probe, ...] = (
    # inflection
    Probe("trygghetsalarmer", "g1-n03", "inflection"),
    Probe("sykehjemmet demens aktivitet", "g1-n09", "inflection"),
    Probe("ventetider psykisk helse", "g1-n11", "inflection"),
    Probe("byggeplassen avfall", "g2-n06", "inflection"),
    Probe("hurtigbåter utslipp", "g2-n27", "inflection"),
    # compounds: a part alone, parts apart, the compound for parts
    Probe("alarm mottak", "g1-n03", "compound"),
    Probe("trygghet alarm", "g1-n03", "compound"),
    Probe("lese vansker", "g1-n18", "compound"),
    Probe("skole lokaler frivillighet", "g1-n24", "compound"),
    Probe("tre hus brann", "g3-n16", "compound"),
    Probe("plan saker merknader", "g3-n04", "compound"),
    Probe("klima regnskap innkjøp", "g2-n11", "compound"),
    Probe("avløp tilsyn", "g2-n19", "compound"),
    Probe("sykehjem varelevering", "g2-n30", "compound"),
    Probe("depotlading", "g2-n26", "compound"),
    # nynorsk <-> bokmål
    Probe("ensomhet hjemmeboende eldre", "g1-n05", "nynorsk"),
    Probe("underernæring hjemmeboende", "g1-n10", "nynorsk"),
    Probe("flomvarsel små elver", "g3-n10", "nynorsk"),
    Probe("innbyggerne får ikke svar servicetorget", "g3-n02", "nynorsk"),
    Probe("flom sideelver", "g2-n15", "nynorsk"),
    Probe("private avløpsanlegg spredt bebyggelse", "g2-n19", "nynorsk"),
    # typos
    Probe("trygghetsalram", "g1-n03", "typo"),
    Probe("støttekontkat", "g1-n30", "typo"),
    Probe("biblotek", "g1-n25", "typo"),
    Probe("lesevanske", "g1-n18", "typo"),
    # spelling variants and loan words
    Probe("epost arkivering", "g3-n01", "variant"),
    Probe("chatbot innbyggere", "g3-n02", "variant"),
    Probe("elbusser lading depot", "g2-n26", "variant"),
    # English queries for Norwegian needs
    Probe("night supervision dementia", "trd-1", "english"),
    Probe("library opening hours", "g1-n25", "english"),
    Probe("emission-free excavation", "g2-n01", "english"),
    Probe("climate footprint of purchasing", "g2-n11", "english"),
    # meaning, not words
    Probe("inneklima skoler", "g2-n07", "meaning"),
    Probe("solceller på tak", "g2-n10", "meaning"),
    Probe("elektriske gravemaskiner", "g2-n01", "meaning"),
    Probe("høringsuttalelser", "g3-n04", "meaning"),
    Probe("skolevei trafikk", "trd-2", "meaning"),
    Probe("gjeld inkasso", "g1-n29", "meaning"),
    Probe("kols hjertesvikt oppfølging", "g1-n07", "meaning"),
)


def demo_need_titles() -> dict[str, str]:
    """Demo need key -> title (the title identifies the need in a search hit)."""
    rows = []
    for name in ("demo.json", "extra.json"):
        rows += json.loads((DEMO / name).read_text("utf-8"))["needs"]
    return {row["key"]: row["title"] for row in rows}


@dataclass(frozen=True)
class ProbeResult:
    probe: Probe
    rank: int | None  # 1-based rank of the wanted need in the top 5, None if absent
    total: int  # hits the query found


@dataclass(frozen=True)
class ProbeScore:
    results: tuple[ProbeResult, ...]

    @property
    def top5(self) -> float:
        return sum(r.rank is not None for r in self.results) / len(self.results)

    @property
    def ndcg5(self) -> float:
        gains = [1 / math.log2(r.rank + 1) if r.rank else 0.0 for r in self.results]
        return sum(gains) / len(gains)

    @property
    def zero_hits(self) -> list[str]:
        return [r.probe.query for r in self.results if r.total == 0]

    @property
    def misses(self) -> list[str]:
        return [f"{r.probe.query} ({r.probe.category})" for r in self.results if r.rank is None]


Searcher = Callable[[str], tuple[Sequence[str], int]]  # query -> (top titles, total)


def probe_score(search: Searcher, probes: Sequence[Probe] = PROBES) -> ProbeScore:
    titles = demo_need_titles()
    results = []
    for probe in probes:
        top, total = search(probe.query)
        wanted = titles[probe.need]
        rank = next((n for n, title in enumerate(top[:5], 1) if title == wanted), None)
        results.append(ProbeResult(probe, rank, total))
    return ProbeScore(tuple(results))
