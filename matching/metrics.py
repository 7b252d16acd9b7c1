"""Ranking metrics: nDCG@k with linear gains; Recall@k, MRR@k, P@k count grade >= 1."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Qrels = Mapping[str, Mapping[str, int]]  # need id -> solution id -> grade
Run = Mapping[str, Sequence[str]]  # need id -> ranked solution ids


def ndcg(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    dcg = sum(grades.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / best if best > 0 else 0.0


def recall(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return next((1.0 / (rank + 1) for rank, doc in enumerate(ranked[:k]) if doc in relevant), 0.0)


def precision(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return len(relevant & set(ranked[:k])) / k


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def evaluate_run(run: Run, qrels: Qrels, english: set[str], k: int = 10) -> dict[str, float]:
    """Means over the needs in qrels; recall@k_en over needs with English relevant solutions."""
    needs = sorted(qrels)
    relevant = {n: {d for d, g in qrels[n].items() if g >= 1} for n in needs}
    ranked = {n: list(run.get(n, [])) for n in needs}
    with_en = [n for n in needs if relevant[n] & english]
    return {
        f"ndcg@{k}": _mean([ndcg(ranked[n], qrels[n], k) for n in needs]),
        f"recall@{k}": _mean([recall(ranked[n], relevant[n], k) for n in needs]),
        f"mrr@{k}": _mean([reciprocal_rank(ranked[n], relevant[n], k) for n in needs]),
        "p@5": _mean([precision(ranked[n], relevant[n], 5) for n in needs]),
        f"recall@{k}_en": _mean([recall(ranked[n], relevant[n] & english, k) for n in with_en]),
    }


@dataclass(frozen=True)
class FloorFigures:
    """What a relevance floor does to the top k of every source: the pairs it shows and
    hides, the precision of each side (grade >= 1), the share of the relevant pairs in the
    top k that stay shown, and the sources left with fewer than `few` pairs shown."""

    floor: float
    shown: int
    shown_precision: float
    hidden: int
    hidden_precision: float
    relevant_kept: float
    sources_with_few: int


def floor_figures(
    run: Mapping[str, Sequence[tuple[str, float]]],
    qrels: Qrels,
    floor: float,
    k: int = 10,
    few: int = 3,
) -> FloorFigures:
    """`run`: source id -> ranked (target id, relevance); only sources in qrels count."""
    pairs = [
        (value, qrels[source].get(target, 0) >= 1)
        for source in sorted(qrels)
        for target, value in list(run.get(source, []))[:k]
    ]
    shown = [good for value, good in pairs if value >= floor]
    hidden = [good for value, good in pairs if value < floor]
    per_source = [
        sum(value >= floor for _, value in list(run.get(source, []))[:k]) for source in qrels
    ]
    return FloorFigures(
        floor=floor,
        shown=len(shown),
        shown_precision=_mean([float(g) for g in shown]),
        hidden=len(hidden),
        hidden_precision=_mean([float(g) for g in hidden]),
        relevant_kept=sum(shown) / max(1, sum(shown) + sum(hidden)),
        sources_with_few=sum(n < few for n in per_source),
    )
