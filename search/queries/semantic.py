"""The semantic side of a search: how similar a document is to the query's embedding, and
which documents are similar enough to be hits (both backends compute it the same way).

Candidates are the ``SEMANTIC_CANDIDATES`` nearest documents by cosine (``PER_LANGUAGE`` of
each document language when the embedding brings language means), then scored: with means,
the query centred on the global mean ``g`` against each document centred on its language's
mean ``m``,
``(q'·d - q'·m) / sqrt(1 - |m|²)`` with ``q' = (q - g) / |q - g|``: the centred cosine with
``|d - m|`` taken as its mean over the language (``d·m`` averages ``|m|²``), so the k-NN score
(``q'·d``) is all a candidate needs; without means, the plain cosine. Only documents at or
above the embedding's ``floor`` are hits: a query about something the corpus does not hold
finds nothing, instead of the whole corpus in near-random order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from search.types import QueryEmbedding

#: nearest documents considered before the floor: without centring, and of each document
#: language with it
SEMANTIC_CANDIDATES = 100
PER_LANGUAGE = 50


def candidates_per_language(prepared: PreparedEmbedding) -> int:
    return PER_LANGUAGE if prepared.centred else SEMANTIC_CANDIDATES


GLOBAL = ""  # the key of the global mean in ``QueryEmbedding.means``


@dataclass(frozen=True)
class LanguageMean:
    query_dot: float  # centred query · mean
    spread: float  # sqrt(1 - |mean|²): a unit document's mean distance from the mean


@dataclass(frozen=True)
class PreparedEmbedding:
    """A query embedding ready to score documents: the unit (centred) query vector and, with
    centring, each document language's mean."""

    query: tuple[float, ...]
    floor: float
    means: Mapping[str, LanguageMean]

    @property
    def centred(self) -> bool:
        return bool(self.means)

    def mean_for(self, language: str) -> LanguageMean:
        return self.means.get(language) or self.means[GLOBAL]

    def similarity(self, cosine: float, language: str) -> float:
        """From the document's cosine to the (centred) query."""
        if not self.centred:
            return cosine
        mean = self.mean_for(language)
        return (cosine - mean.query_dot) / mean.spread

    def score(self, unit_vector: Sequence[float], language: str) -> float:
        """Similarity of a unit document vector (what the embedded backend computes)."""
        return self.similarity(dot(self.query, unit_vector), language)


def prepare(embedding: QueryEmbedding) -> PreparedEmbedding | None:
    """``None`` for a vector without direction (the encoder found no words it knows)."""
    means = dict(embedding.means)
    centre = means.get(GLOBAL)
    vector = list(embedding.vector)
    if centre is not None:
        vector = [a - b for a, b in zip(vector, centre, strict=True)]
    query = unit(vector)
    if query is None:
        return None
    languages = {}
    if centre is not None:
        for language, mean in means.items():
            spread = math.sqrt(max(1e-6, 1.0 - dot(mean, mean)))
            languages[language] = LanguageMean(dot(query, mean), spread)
    return PreparedEmbedding(query, embedding.floor, languages)


def dot(a: Sequence[float], b: Sequence[float]) -> float:
    return math.fsum(x * y for x, y in zip(a, b, strict=True))


def unit(vector: Sequence[float]) -> tuple[float, ...] | None:
    norm = math.sqrt(dot(vector, vector))
    return tuple(x / norm for x in vector) if norm > 1e-12 else None
