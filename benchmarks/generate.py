"""Generated market data at volume, recombined from real texts (no lorem ipsum).

The sources are the matching development set (tests/matching/data) and the demo data
(backend/demo/data): each generated need or solution starts from one real document (its
title, sector, language, CPV codes, TRL, regions, stage), keeps its first sentence and some
of the others, and adds sentences of other real documents of the same kind, sector and
language, so the corpus has the development set's shape (sectors, languages, lengths) at any
size. Conferences are announced for generated needs with the demo's Norwegian wording (and
an English one for some).

Deterministic: document ``i`` depends only on (seed, kind, i), so a corpus of 10,000 starts
with the corpus of 1,000. No Django here; ``benchmarks.seed`` writes the rows.

python -m benchmarks.generate [--solutions 5] [--needs 3] [--conferences 2] [--seed 7]
prints a few generated documents as JSON Lines.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from benchmarks.names import COUNTY_CODES, MUNICIPALITIES
from matching.text import sentences

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "matching" / "data"
DEMO = ROOT / "backend" / "demo" / "data"
ALL_COUNTIES = tuple(COUNTY_CODES.values())
#: One buyer organisation per this many buyers in names.buyer_name's cycle.
BUYERS = len(MUNICIPALITIES) * 6 + len(COUNTY_CODES)
SOLUTIONS_PER_SUPPLIER = 20
NEEDS_PER_CONFERENCE = 10

STAGES = ("forankring", "behovsavklaring", "markedsdialog", "konkurranse", "kontrakt")
STAGE_WEIGHTS = (3, 6, 12, 3, 3)
PROCEDURES = (
    "uavklart",
    "konkurranse_med_forhandling",
    "forkommersiell",
    "konkurransepreget_dialog",
    "anbud_funksjonskrav",
    "innovasjonspartnerskap",
)
PROCEDURE_WEIGHTS = (8, 5, 5, 4, 4, 4)
BUDGETS = (
    (300_000, 1_500_000),
    (500_000, 2_000_000),
    (1_000_000, 5_000_000),
    (2_000_000, 8_000_000),
)


@dataclass(frozen=True)
class Source:
    """One real document of the development set or the demo data."""

    key: str
    kind: str  # "need" | "solution"
    title: str
    sentences: tuple[str, ...]
    sector: str
    language: str
    cpv_codes: tuple[str, ...] = ()
    county: str = ""
    regions: tuple[str, ...] = ()
    trl: int | None = None
    stage: str = ""
    procedure: str = ""
    budget: tuple[int, int] | None = None
    desired_effect: str = ""


@dataclass(frozen=True)
class Generated:
    """A generated need or solution. ``pieces``: the sentences its vector is the mean of."""

    kind: str
    index: int
    title: str
    description: str
    sector: str
    language: str
    cpv_codes: tuple[str, ...]
    status: str
    days_ago: int
    owner: int  # buyer index for a need, supplier index for a solution
    pieces: tuple[str, ...]
    desired_effect: str = ""
    county: str = ""
    regions: tuple[str, ...] = ()
    trl: int | None = None
    stage: str = ""
    procedure: str = ""
    budget: tuple[int, int] | None = None


@dataclass(frozen=True)
class GeneratedConference:
    index: int
    need_index: int
    title: str
    description: str
    agenda: str
    format: str
    location: str
    days_ahead: int
    status: str


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _demo_rows(kind: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in ("demo.json", "extra.json"):
        rows += json.loads((DEMO / name).read_text(encoding="utf-8"))[f"{kind}s"]
    return rows


def _source(kind: str, row: dict[str, Any]) -> Source:
    budget = row.get("budget")
    county = row.get("county") or COUNTY_CODES.get(row.get("region", ""), "")
    return Source(
        key=str(row.get("key") or row["id"]),
        kind=kind,
        title=row["title"],
        sentences=tuple(sentences(row["description"])),
        sector=row["sector"],
        language=row.get("language") or "nb",
        cpv_codes=tuple(row.get("cpv_codes") or row.get("cpv") or ()),
        county=county,
        regions=tuple(row.get("regions") or ()),
        trl=row.get("trl"),
        stage=row.get("stage") or "",
        procedure=row.get("procedure") or "",
        budget=(int(budget[0]), int(budget[1])) if budget else None,
        desired_effect=row.get("desired_effect") or "",
    )


def load_sources() -> dict[str, list[Source]]:
    """Real needs and solutions by kind; the demo's richer rows win over the dev set's."""
    out: dict[str, list[Source]] = {}
    for kind in ("need", "solution"):
        by_key = {s.key: s for s in (_source(kind, r) for r in _jsonl(DEV_SET / f"{kind}s.jsonl"))}
        by_key |= {s.key: s for s in (_source(kind, r) for r in _demo_rows(kind))}
        out[kind] = [by_key[key] for key in sorted(by_key)]
    return out


@dataclass
class Generator:
    seed: int = 7
    sources: dict[str, list[Source]] = field(default_factory=load_sources)

    @cached_property
    def _pools(self) -> dict[tuple[str, str, str], list[str]]:
        pools: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for kind, docs in self.sources.items():
            for doc in docs:
                pools[(kind, doc.sector, doc.language)] += doc.sentences[1:]
        return pools

    @cached_property
    def _cpv_by_sector(self) -> dict[str, list[str]]:
        codes: dict[str, list[str]] = defaultdict(list)
        for doc in self.sources["need"]:
            codes[doc.sector] += [c for c in doc.cpv_codes if c not in codes[doc.sector]]
        return codes

    def _rng(self, kind: str, index: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{index}")

    def _text(self, rng: random.Random, src: Source) -> list[str]:
        """The source's first sentence, about half of its others, and sentences of other
        documents of the same kind, sector and language; as long as the source, give or take."""
        own = list(src.sentences[1:])
        mine = set(own)
        pool = [s for s in self._pools[(src.kind, src.sector, src.language)] if s not in mine]
        length = max(2, len(src.sentences) + rng.randint(-2, 2))
        kept = rng.sample(own, k=min(len(own), max(1, len(own) // 2 + rng.randint(0, 1))))
        borrowed = rng.sample(pool, k=min(len(pool), max(0, length - 1 - len(kept))))
        body = kept + borrowed
        rng.shuffle(body)
        return [src.sentences[0], *body] if src.sentences else body

    def _cpv(self, rng: random.Random, src: Source) -> tuple[str, ...]:
        if src.cpv_codes and rng.random() < 0.8:
            return src.cpv_codes
        codes = self._cpv_by_sector.get(src.sector, [])
        return tuple(rng.sample(codes, k=min(len(codes), rng.randint(0, 3))))

    def _base(self, kind: str, index: int) -> tuple[random.Random, Source, dict[str, Any]]:
        rng = self._rng(kind, index)
        src = rng.choice(self.sources[kind])
        text = self._text(rng, src)
        description = " ".join(text)
        common = {
            "kind": kind,
            "index": index,
            "title": src.title,
            "description": description,
            "sector": src.sector,
            "language": src.language,
            "cpv_codes": self._cpv(rng, src),
            "days_ago": rng.randint(0, 720),
            "pieces": tuple(sentences(f"{src.title}.\n{description}")),
        }
        return rng, src, common

    def need(self, index: int) -> Generated:
        rng, src, common = self._base("need", index)
        roll = rng.random()
        status = "published" if roll < 0.9 else "closed" if roll < 0.95 else "draft"
        return Generated(
            **common,
            status=status,
            owner=index % BUYERS,
            desired_effect=src.desired_effect,
            county=src.county or rng.choice(ALL_COUNTIES),
            stage=src.stage if src.stage and rng.random() < 0.5 else _weighted(rng, STAGES),
            procedure=_weighted(rng, PROCEDURES),
            budget=src.budget or (rng.choice(BUDGETS) if rng.random() < 0.7 else None),
        )

    def solution(self, index: int) -> Generated:
        rng, src, common = self._base("solution", index)
        roll = rng.random()
        status = "published" if roll < 0.93 else "archived" if roll < 0.97 else "draft"
        trl = min(9, max(1, (src.trl or 7) + rng.choice((-2, -1, 0, 0, 0, 1))))
        return Generated(
            **common,
            status=status,
            owner=index // SOLUTIONS_PER_SUPPLIER,
            regions=src.regions or _regions(rng),
            trl=trl,
        )

    def conference(self, index: int) -> GeneratedConference:
        rng = self._rng("conference", index)
        need_index = index * NEEDS_PER_CONFERENCE
        need = self.need(need_index)
        english = rng.random() < 0.15
        prefix = rng.choice(EN_PREFIXES if english else NB_PREFIXES)
        fmt = rng.choice(("physical", "streamed", "digital"))
        municipality = MUNICIPALITIES[need.owner % len(MUNICIPALITIES)][0]
        roll = rng.random()
        return GeneratedConference(
            index=index,
            need_index=need_index,
            title=f"{prefix}: {need.title[:1].lower()}{need.title[1:]}"[:200],
            description=(EN_INVITATION if english else NB_INVITATION).format(title=need.title),
            agenda=EN_AGENDA if english else NB_AGENDA,
            format=fmt,
            location="" if fmt == "digital" else f"{municipality} rådhus, {municipality}",
            days_ahead=rng.randint(-60, 180),
            status="published" if roll < 0.9 else "cancelled" if roll < 0.95 else "draft",
        )

    def needs(self, start: int, stop: int) -> Iterator[Generated]:
        return (self.need(i) for i in range(start, stop))

    def solutions(self, start: int, stop: int) -> Iterator[Generated]:
        return (self.solution(i) for i in range(start, stop))

    def sentence_pool(self) -> list[str]:
        """Every sentence a generated document's vector is made of (titles included)."""
        pieces: dict[str, None] = {}
        for docs in self.sources.values():
            for doc in docs:
                text = f"{doc.title}.\n" + " ".join(doc.sentences)
                pieces.update(dict.fromkeys(sentences(text)))
        return list(pieces)


def _weighted(rng: random.Random, values: Sequence[str]) -> str:
    weights = STAGE_WEIGHTS if values is STAGES else PROCEDURE_WEIGHTS
    return rng.choices(list(values), weights=weights)[0]


def _regions(rng: random.Random) -> tuple[str, ...]:
    if rng.random() < 0.3:
        return ALL_COUNTIES
    return tuple(sorted(rng.sample(ALL_COUNTIES, k=rng.randint(1, 4))))


NB_PREFIXES = ("Dialogkonferanse", "Markedsdialog", "Digital dialogkonferanse", "Dialogmøte")
EN_PREFIXES = ("Market dialogue conference", "Supplier day")
NB_INVITATION = (
    "Vi inviterer leverandører til dialog om behovet «{title}». Vi presenterer behovet og "
    "effektene vi ønsker, og vil høre hvordan markedet kan bidra. Etter konferansen tilbyr vi "
    "1:1-møter på inntil 45 minutter. Spørsmål og svar publiseres til alle påmeldte leverandører."
)
EN_INVITATION = (
    "We invite suppliers to a dialogue about the need “{title}”. We present the need and the "
    "effects we want, and would like to hear how the market can contribute. After the "
    "conference we offer 1:1 meetings of up to 45 minutes. Questions and answers are published "
    "to every registered supplier."
)
NB_AGENDA = (
    "09.00 Velkommen og om anskaffelsen\n09.20 Presentasjon av behovet\n"
    "10.15 Spørsmål fra leverandørene\n11.00 Veien videre og tidsplan\n"
    "11.30 Slutt – 1:1-møter neste dag"
)
EN_AGENDA = (
    "09.00 Welcome and about the procurement\n09.20 The need\n10.15 Questions from suppliers\n"
    "11.00 Next steps and timeline\n11.30 End – 1:1 meetings the next day"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate")
    parser.add_argument("--solutions", type=int, default=5)
    parser.add_argument("--needs", type=int, default=3)
    parser.add_argument("--conferences", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    generator = Generator(seed=args.seed)
    rows: list[Any] = [*generator.solutions(0, args.solutions), *generator.needs(0, args.needs)]
    rows += [generator.conference(i) for i in range(args.conferences)]
    for row in rows:
        print(json.dumps(asdict(row), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
