"""Language centring: remove each language's mean vector before comparing embeddings.

Multilingual encoders put a strong 'which language' direction into every vector, so a
Norwegian need sits closer to any Norwegian text than to an English text about the same
thing. Subtracting the per-language mean (fitted on the corpus, shrunk towards the global
mean when a language has few items) and re-normalising removes most of that bias: on the
development set it lifts dense-only nDCG@10 from 0.53 to 0.78 and English recall@10 from
0.06 to 0.79.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matching.encoders import normalise_rows

SHRINK = 10.0  # pseudo-count of the global mean in each language's mean


class LanguageCentering:
    def __init__(self, dim: int) -> None:
        self._global = np.zeros(dim, dtype=np.float32)
        self._means: dict[str, np.ndarray] = {}

    def fit(self, vectors: np.ndarray, languages: Sequence[str]) -> LanguageCentering:
        if len(vectors) == 0:
            return self
        self._global = vectors.mean(axis=0)
        labels = np.array(languages)
        for language in sorted(set(languages)):
            rows = vectors[labels == language]
            total = rows.sum(axis=0) + SHRINK * self._global
            self._means[language] = total / (len(rows) + SHRINK)
        return self

    def transform(self, vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
        if len(vectors) == 0:
            return np.asarray(vectors, dtype=np.float32)
        means = np.stack([self._means.get(lang, self._global) for lang in languages])
        return normalise_rows(vectors - means)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._means))

    @property
    def global_mean(self) -> np.ndarray:
        return self._global

    def means(self) -> dict[str, np.ndarray]:
        """Each language's (shrunk) mean, as fit() computed it: what a store persists."""
        return dict(self._means)

    @classmethod
    def from_means(cls, global_mean: np.ndarray, means: dict[str, np.ndarray]) -> LanguageCentering:
        """Centring with means fitted earlier (read back from a store)."""
        centering = cls(len(global_mean))
        centering._global = np.asarray(global_mean, dtype=np.float32)
        centering._means = {k: np.asarray(v, dtype=np.float32) for k, v in means.items()}
        return centering
