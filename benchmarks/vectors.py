"""Sentence vectors computed once and cached under var/bench/, and document vectors built
from them.

Encoding 120,000 generated documents would take hours on two cores. Generated documents are
made of real sentences (benchmarks.generate), so each distinct sentence is encoded once with
the default model and a document's vector is the normalised mean of its sentences' vectors
(its title counted as one). That is close to, not equal to, what the model gives for the
whole text; throughput figures encode real texts for real (benchmarks.throughput).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence

import numpy as np

from benchmarks.stack import VAR
from matching.encoders import Encoder, normalise_rows

BATCH = 256


def sentence_sha(text: str) -> str:
    """The key the backend stores sentence vectors under (SentenceEmbedding.sha)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SentenceVectors:
    """text -> unit vector under one model, persisted in var/bench/sentences-<model>.npz."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        slug = "".join(c if c.isalnum() else "-" for c in encoder.model_id)
        self.path = VAR / f"sentences-{slug}.npz"
        self.rows: dict[str, int] = {}
        self.matrix = np.zeros((0, encoder.dim), dtype=np.float32)
        self.encode_seconds = 0.0
        self.encoded = 0
        if self.path.exists():
            data = np.load(self.path)
            self.rows = {str(t): n for n, t in enumerate(data["texts"].tolist())}
            self.matrix = np.asarray(data["vectors"], dtype=np.float32)

    def ensure(self, texts: Iterable[str]) -> int:
        """Encode the texts not cached yet (saved after each batch). Returns how many."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.rows]
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            started = time.perf_counter()
            vectors = normalise_rows(self.encoder.encode(batch))
            self.encode_seconds += time.perf_counter() - started
            self.encoded += len(batch)
            self.rows.update({t: len(self.rows) + n for n, t in enumerate(batch)})
            self.matrix = np.vstack([self.matrix, vectors])
            self._save()
        return len(missing)

    def _save(self) -> None:
        VAR.mkdir(parents=True, exist_ok=True)
        texts = np.array(sorted(self.rows, key=self.rows.__getitem__))
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, texts=texts, vectors=self.matrix)
        tmp.replace(self.path)

    def vector(self, text: str) -> np.ndarray:
        return np.asarray(self.matrix[self.rows[text]], dtype=np.float32)

    def document(self, pieces: Sequence[str]) -> np.ndarray:
        """The normalised mean of the pieces' vectors (pieces must be cached)."""
        mean = self.matrix[[self.rows[p] for p in pieces]].mean(axis=0, keepdims=True)
        return np.asarray(normalise_rows(mean)[0], dtype=np.float32)

    def documents(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        self.ensure(p for pieces in docs for p in pieces)
        if not docs:
            return np.zeros((0, self.encoder.dim), dtype=np.float32)
        return np.stack([self.document(pieces) for pieces in docs])
