"""The scoring function: a weighted sum of signals, vectorised over one source's candidates.

    score = Σ weight(signal) · value(signal)        (weights: matching.types.ScoringWeights)

    dense    cosine of the language-centred embeddings (matching.centering)
    lexical  BM25 of the source text against the candidate / best BM25 among the candidates
    cpv      CPV hierarchy overlap (matching.cpv.cpv_overlap), 0 when either side has none
    sector   1 when both have the same sector
    region   1 when the regions overlap (a solution with 'Hele landet'/'national' serves all)
    trl      fit of the solution's TRL to the need's LUP stage (1 = mature enough)

A signal unknown on either side is 0 for every candidate, so it never reorders them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields

import numpy as np

from matching.cpv import cpv_overlap
from matching.types import MatchItem, ScoringWeights, SignalContribution

SIGNALS = ("dense", "lexical", "cpv", "sector", "region", "trl")
# The signals that say whether two texts are about the same thing. Region and TRL say whether
# a solution can be delivered where and when the need is (practical fit); they add to the
# score but not to the relevance that decides whether a pair is shown at all.
TOPICAL_SIGNALS = ("dense", "lexical", "cpv", "sector")
NATIONWIDE = frozenset({"hele landet", "norge", "national", "nationwide", "all", "*"})

# The lowest TRL that suits a need at each LUP stage (earlier stages welcome research).
STAGE_MIN_TRL = {
    "forankring": 1,
    "behovsavklaring": 3,
    "markedsdialog": 5,
    "konkurranse": 6,
    "kontrakt": 7,
    "implementering": 8,
}


def trl_fit(stage: str | None, trl: int | None) -> float:
    if stage is None or trl is None or stage not in STAGE_MIN_TRL:
        return 0.0
    gap = STAGE_MIN_TRL[stage] - trl
    return 1.0 if gap <= 0 else max(0.0, 1.0 - gap / 4)


def region_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    xs, ys = {r.strip().lower() for r in a}, {r.strip().lower() for r in b}
    if not xs or not ys:
        return 0.0
    return 1.0 if xs & ys or (xs | ys) & NATIONWIDE else 0.0


def structured_signals(source: MatchItem, target: MatchItem) -> tuple[float, float, float, float]:
    """(cpv, sector, region, trl) for one pair; TRL is read from whichever side is the solution."""
    need, solution = (target, source) if source.kind == "solution" else (source, target)
    same_sector = float(source.sector is not None and source.sector == target.sector)
    return (
        cpv_overlap(source.cpv_codes, target.cpv_codes),
        same_sector,
        region_overlap(source.regions, target.regions),
        trl_fit(need.stage, solution.trl) if solution.kind == "solution" else 0.0,
    )


def signal_matrix(
    source: MatchItem,
    targets: Sequence[MatchItem],
    dense: np.ndarray,
    bm25: np.ndarray,
    best: float | None = None,
) -> np.ndarray:
    """Rows: candidates; columns: SIGNALS, each value in its documented range. ``best``: the
    best BM25 among all the source's candidates, when ``targets`` are only some of them."""
    if best is None:
        best = float(bm25.max()) if len(bm25) else 0.0
    lexical = bm25 / best if best > 0 else np.zeros_like(bm25)
    structured = np.array([structured_signals(source, t) for t in targets], dtype=np.float64)
    structured = structured.reshape(len(targets), 4)
    return np.column_stack([dense.astype(np.float64), lexical, structured])


def weight_vector(weights: ScoringWeights) -> np.ndarray:
    values = {f.name: getattr(weights, f.name) for f in fields(weights)}
    return np.array([float(values[name]) for name in SIGNALS], dtype=np.float64)


def combine(signals: np.ndarray, weights: ScoringWeights) -> np.ndarray:
    return np.asarray(signals @ weight_vector(weights), dtype=np.float64)


def relevance(signals: Iterable[SignalContribution]) -> float:
    """The topical part of a score: the contributions of TOPICAL_SIGNALS."""
    return float(sum(s.contribution for s in signals if s.name in TOPICAL_SIGNALS))


def contributions(row: np.ndarray, weights: ScoringWeights) -> tuple[SignalContribution, ...]:
    w = weight_vector(weights)
    return tuple(
        SignalContribution(name, float(v), float(wt), float(v * wt))
        for name, v, wt in zip(SIGNALS, row, w, strict=True)
    )
