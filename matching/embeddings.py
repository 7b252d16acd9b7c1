"""Batched item embedding with a cache keyed by (item id, model id, content hash)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from matching.encoders import Encoder, normalise_rows
from matching.text import chunks, compose_text, content_hash
from matching.types import MatchItem


@dataclass(frozen=True)
class EmbeddingKey:
    item_id: str
    model_id: str
    content_hash: str


class EmbeddingCache(Protocol):
    """Where vectors live between runs (the backend stores them in its database)."""

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]: ...

    def put_many(self, entries: Mapping[EmbeddingKey, np.ndarray]) -> None: ...


class InMemoryEmbeddingCache:
    """One vector per item id; a different model id or content hash is a miss."""

    def __init__(self) -> None:
        self._store: dict[str, tuple[EmbeddingKey, np.ndarray]] = {}

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]:
        wanted = set(keys)
        found = (self._store.get(key.item_id) for key in wanted)
        return {entry[0]: entry[1] for entry in found if entry is not None and entry[0] in wanted}

    def put_many(self, entries: Mapping[EmbeddingKey, np.ndarray]) -> None:
        for key, vector in entries.items():
            self._store[key.item_id] = (key, np.asarray(vector, dtype=np.float32))

    def __len__(self) -> int:
        return len(self._store)


def embed_texts(texts: Sequence[str], encoder: Encoder) -> np.ndarray:
    """Chunk each text, encode all chunks in one batched call, mean-pool per text."""
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    pieces = [chunks(text, encoder.max_words) for text in texts]
    starts = np.cumsum([0] + [len(p) for p in pieces[:-1]])
    vectors = encoder.encode([chunk for p in pieces for chunk in p])
    sums = np.add.reduceat(vectors, starts, axis=0)
    return normalise_rows(sums)


def embed_items(
    items: Sequence[MatchItem], encoder: Encoder, cache: EmbeddingCache | None = None
) -> np.ndarray:
    """Vectors for items (rows in item order); only new or changed items are encoded."""
    keys = [EmbeddingKey(i.id, encoder.model_id, content_hash(i)) for i in items]
    cached = cache.get_many(keys) if cache is not None else {}
    missing = [n for n, key in enumerate(keys) if key not in cached]
    fresh = embed_texts([compose_text(items[n]) for n in missing], encoder)
    computed = {keys[n]: fresh[row] for row, n in enumerate(missing)}
    if cache is not None and computed:
        cache.put_many(computed)
    out = np.zeros((len(items), encoder.dim), dtype=np.float32)
    for n, key in enumerate(keys):
        out[n] = computed[key] if key in computed else cached[key]
    return out
