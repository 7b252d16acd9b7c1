"""Plain data crossing the package boundary: frozen dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ItemKind = Literal["need", "solution"]


@dataclass(frozen=True)
class MatchItem:
    """A need or a solution as the matching engine sees it (the backend maps its models)."""

    id: str
    kind: ItemKind
    title: str
    description: str
    desired_effect: str = ""
    sector: str | None = None
    cpv_codes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    trl: int | None = None
    stage: str | None = None
    language: str | None = None
    owner_id: str | None = None  # organisation; similar_needs excludes needs of the same owner


@dataclass(frozen=True)
class SignalContribution:
    """One signal of the score: its value in [0, 1] (dense: cosine), weight, and weight * value."""

    name: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class Explanation:
    signals: tuple[SignalContribution, ...]
    shared_terms: tuple[str, ...]
    best_pair: tuple[str, str] | None  # (sentence of the source, sentence of the target)


@dataclass(frozen=True)
class ScoredMatch:
    source_id: str
    target_id: str
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class ScoringWeights:
    """Weights of the scoring function (see matching/scoring.py and matching/README.md).

    score = dense * cosine(language-centred embeddings)      (about -0.3 .. 0.8)
          + lexical * BM25 / best BM25 among the candidates  (0 .. 1)
          + cpv * CPV hierarchy overlap                       (0 .. 1)
          + sector * [same sector]                            (0 or 1)
          + region * [target serves a region of the source]   (0 or 1)
          + trl * fit of the solution's TRL to the need's LUP stage (0 .. 1)

    A signal that is unknown on either side counts 0, so missing data never penalises
    one candidate against another. Defaults were chosen on the development set
    (a plateau: lexical 0.05-0.1 and sector 0.1-0.2 give nDCG@10 within 0.01).
    """

    dense: float = 1.0
    lexical: float = 0.1
    cpv: float = 0.1
    sector: float = 0.15
    region: float = 0.05
    trl: float = 0.05
    candidates: int = 200  # retrieved per side (dense and lexical) before scoring
