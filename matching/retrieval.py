"""Candidate retrieval: a VectorIndex (dense) and a LexicalScorer (BM25), both batched."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

Hits = list[tuple[str, float]]
_BLOCK = 256  # queries per matrix product in the exact index


class VectorIndex(Protocol):
    """Inner-product search over L2-normalised vectors (the backend may plug ES k-NN).

    add() appends; the engine builds a fresh index at every fit(), so the in-process
    indexes neither replace nor delete (an ES implementation may upsert).
    """

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None: ...

    def search(self, queries: np.ndarray, k: int) -> list[Hits]: ...

    def __len__(self) -> int: ...


def top_k_rows(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of each row's k best scores, best first."""
    k = min(k, scores.shape[1])
    if k <= 0:
        empty = np.zeros((scores.shape[0], 0))
        return empty.astype(np.int64), empty
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    values = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(values, order, axis=1)


class NumpyIndex:
    """Exact search: blocked matrix products and argpartition (no Python loop over pairs)."""

    def __init__(self, dim: int) -> None:
        self._ids: list[str] = []
        self._vectors = np.zeros((0, dim), dtype=np.float32)

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        self._ids.extend(ids)
        self._vectors = np.vstack([self._vectors, np.asarray(vectors, dtype=np.float32)])

    def search(self, queries: np.ndarray, k: int) -> list[Hits]:
        out: list[Hits] = []
        for start in range(0, len(queries), _BLOCK):
            block = np.asarray(queries[start : start + _BLOCK], dtype=np.float32)
            cols, vals = top_k_rows((self._vectors @ block.T).T, k)
            out.extend(self._hits(c, v) for c, v in zip(cols, vals, strict=True))
        return out

    def _hits(self, cols: np.ndarray, values: np.ndarray) -> Hits:
        return [(self._ids[c], float(v)) for c, v in zip(cols, values, strict=True)]

    def __len__(self) -> int:
        return len(self._ids)


class HNSWIndex:
    """Approximate search with faiss HNSW (inner product); for large corpora."""

    def __init__(self, dim: int, m: int = 32, ef_search: int = 128, ef_construction: int = 40):
        import faiss

        self._index: Any = faiss.IndexHNSWFlat(dim, m, faiss.METRIC_INNER_PRODUCT)
        self._index.hnsw.efConstruction = ef_construction
        self._index.hnsw.efSearch = ef_search
        self._ids: list[str] = []

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        self._ids.extend(ids)

    def search(self, queries: np.ndarray, k: int) -> list[Hits]:
        k = min(k, len(self._ids))
        if k == 0:
            return [[] for _ in range(len(queries))]
        query = np.ascontiguousarray(queries, dtype=np.float32)
        self._index.hnsw.efSearch = max(self._index.hnsw.efSearch, k)
        values, labels = self._index.search(query, k)
        return [
            [(self._ids[c], float(v)) for c, v in zip(row_c, row_v, strict=True) if c >= 0]
            for row_c, row_v in zip(labels, values, strict=True)
        ]

    def __len__(self) -> int:
        return len(self._ids)


def make_index(dim: int, expected_size: int, kind: str = "auto") -> VectorIndex:
    """'exact', 'hnsw', or 'auto' (HNSW from 20,000 vectors when faiss is installed)."""
    if kind == "hnsw" or (kind == "auto" and expected_size >= 20_000 and _has_faiss()):
        return HNSWIndex(dim)
    return NumpyIndex(dim)


def _has_faiss() -> bool:
    try:
        import faiss  # noqa: F401
    except ImportError:
        return False
    return True
