"""Lexical relevance: a LexicalScorer protocol and an in-process BM25 over stemmed terms."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from matching.retrieval import Hits, top_k_rows
from matching.text import terms


class LexicalScorer(Protocol):
    """BM25-like relevance of a query text to indexed documents (the backend may plug ES)."""

    def add(self, ids: Sequence[str], texts: Sequence[str], languages: Sequence[str]) -> None: ...

    def scores(self, text: str, language: str, ids: Sequence[str]) -> np.ndarray: ...

    def search(self, text: str, language: str, k: int) -> Hits: ...


class BM25Scorer:
    """Okapi BM25 (k1, b) on Snowball-stemmed terms, each document in its own language."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._docs: list[Counter[str]] = []
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._last: tuple[tuple[str, str], np.ndarray] | None = None

    def add(self, ids: Sequence[str], texts: Sequence[str], languages: Sequence[str]) -> None:
        for item_id, text, language in zip(ids, texts, languages, strict=True):
            self._row[item_id] = len(self._ids)
            self._ids.append(item_id)
            self._docs.append(Counter(terms(text, language)))
        self._postings = self._build_postings()
        self._last = None

    def _build_postings(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        lengths = np.array([sum(d.values()) for d in self._docs], dtype=np.float64)
        average = float(lengths.mean()) if len(lengths) else 1.0
        norm = self.k1 * (1 - self.b + self.b * lengths / max(average, 1.0))
        rows: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for row, doc in enumerate(self._docs):
            for term, tf in doc.items():
                rows[term].append((row, tf))
        return {term: self._posting(pairs, norm) for term, pairs in rows.items()}

    def _posting(
        self, pairs: list[tuple[int, int]], norm: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        docs = np.array([p[0] for p in pairs], dtype=np.int64)
        tf = np.array([p[1] for p in pairs], dtype=np.float64)
        n, df = len(self._docs), len(pairs)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return docs, idf * tf * (self.k1 + 1) / (tf + norm[docs])

    def score_all(self, text: str, language: str) -> np.ndarray:
        """BM25 of every document; the last query's scores are kept (search, then scores)."""
        last = self._last  # one read: another thread may replace it
        if last is not None and last[0] == (text, language):
            return last[1]
        out = np.zeros(len(self._ids), dtype=np.float64)
        for term in set(terms(text, language)):
            posting = self._postings.get(term)
            if posting is not None:
                out[posting[0]] += posting[1]
        self._last = ((text, language), out)
        return out

    def scores(self, text: str, language: str, ids: Sequence[str]) -> np.ndarray:
        rows = [self._row.get(i, -1) for i in ids]
        every = np.append(self.score_all(text, language), 0.0)
        return np.asarray(every[rows], dtype=np.float64)

    def search(self, text: str, language: str, k: int) -> Hits:
        every = self.score_all(text, language)
        cols, vals = top_k_rows(every[None, :], k)
        return [(self._ids[c], float(v)) for c, v in zip(cols[0], vals[0], strict=True) if v > 0]

    def idf(self, term: str) -> float:
        posting = self._postings.get(term)
        df = 0 if posting is None else len(posting[0])
        return math.log(1 + (len(self._ids) - df + 0.5) / (df + 0.5))

    def __len__(self) -> int:
        return len(self._ids)
