"""Figures 2 and 3: publish-to-suggestions latency as the corpus grows, and Elasticsearch
k-NN top-10 against exact numpy over the same vectors.

Latency times the outbox's matching handler, ``matches_recompute(entity="need", ids=[pk])``,
for a need published into a corpus of the given size, whatever that function does (a whole
engine over the corpus, or candidates from the index): its text is new, so its encoding is
part of the time, as after a real publish.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import numpy as np
from elastic_transport import Transport

from backend.discovery.services import search_backend
from backend.matches.models import Embedding, Match
from backend.matches.services import matches_recompute
from backend.solutions.models import Solution
from benchmarks.seed import Seeder

#: Generated documents far beyond any corpus size: texts the corpus does not hold.
NEW_NEEDS = 8_000_000
QUERY_NEEDS = 7_000_000


def publish_latency(seeder: Seeder, *, trials: int, budget_s: float) -> dict[str, Any]:
    """Median seconds of the matching handler for new needs (fewer trials past the budget).

    Every corpus size publishes the same generated texts (as new rows, so each is encoded
    again): a text's length decides its encoding time, which is a large part of the whole at
    any size, so different texts per size would blur the ratio. The time is split into
    Elasticsearch's (every request, as the client saw it) and the rest."""
    seconds: list[float] = []
    search_s: list[float] = []
    suggestions: list[int] = []
    spent = 0.0
    for trial in range(trials):
        doc = replace(seeder.generator.need(NEW_NEEDS + trial), status="published")
        need = seeder._need(doc)
        need.save()
        with _search_time() as in_search:
            started = time.perf_counter()
            matches_recompute(entity="need", ids=[need.pk])
            elapsed = time.perf_counter() - started
        seconds.append(elapsed)
        search_s.append(in_search[0])
        suggestions.append(Match.objects.filter(need=need).count())
        spent += elapsed
        if spent > budget_s:
            break
    return {
        "solutions": seeder.counts["solution"],
        "needs": seeder.counts["need"],
        "median_s": statistics.median(seconds),
        "trials_s": seconds,
        "elasticsearch_s": search_s,
        "suggestions_written": suggestions,
    }


@contextmanager
def _search_time() -> Iterator[list[float]]:
    """Seconds spent in requests to Elasticsearch while the block runs (one slot)."""
    spent = [0.0]
    original = Transport.perform_request

    def timed(self: Transport, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    Transport.perform_request = timed  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        Transport.perform_request = original  # type: ignore[method-assign]


def _published_vectors() -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) of every published solution's stored embedding: what the index holds."""
    published = Solution.objects.filter(status=Solution.Status.PUBLISHED).values("pk")
    rows = Embedding.objects.filter(entity="solution", entity_id__in=published).values_list(
        "entity_id", "vector"
    )
    ids, vectors = [], []
    for entity_id, vector in rows.iterator(chunk_size=5000):
        ids.append(entity_id)
        vectors.append(np.frombuffer(bytes(vector), dtype=np.float32))
    return np.array(ids), np.stack(vectors)


def _exact_top(matrix: np.ndarray, query: np.ndarray, k: int) -> np.ndarray:
    scores = matrix @ query
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])]


def knn_against_numpy(seeder: Seeder, *, queries: int, k: int = 10) -> dict[str, Any]:
    """Per-query ms of the search backend's k-NN (what matching retrieves candidates with)
    and of brute-force numpy over the same vectors, in this process; recall@k of the k-NN."""
    ids, matrix = _published_vectors()
    docs = [seeder.generator.need(QUERY_NEEDS + q) for q in range(queries)]
    vectors = seeder.vectors.documents([d.pieces for d in docs])
    backend = search_backend()
    for vector in vectors[:5]:  # warm-up: caches, connections
        backend.knn("solution", [float(x) for x in vector], k)
        _exact_top(matrix, vector, k)
    found, exact = [], []
    es_s = numpy_s = 0.0
    for vector in vectors:
        as_list = [float(x) for x in vector]
        started = time.perf_counter()
        hits = backend.knn("solution", as_list, k)
        es_s += time.perf_counter() - started
        started = time.perf_counter()
        rows = _exact_top(matrix, vector, k)
        numpy_s += time.perf_counter() - started
        found.append({pk for pk, _ in hits})
        exact.append({int(ids[r]) for r in rows})
    recall = np.mean([len(f & e) / k for f, e in zip(found, exact, strict=True)])
    return {
        "vectors": len(ids),
        "queries": queries,
        "es_knn_ms": 1000 * es_s / queries,
        "numpy_ms": 1000 * numpy_s / queries,
        "ratio_es_vs_numpy": es_s / numpy_s,
        f"recall@{k}": float(recall),
    }
