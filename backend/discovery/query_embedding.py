"""The query's embedding for semantic search, computed only when the search asks for it.

- The encoder embeds a search query in its query form (``Encoder.encode_queries``: E5's
  "query: " prefix, documents were embedded with "passage: "; on the probe set this ranks
  markedly better than the passage prefix). Encoders without one (the test suite's hashing
  encoder, MiniLM) embed the text as they embed documents.
- Language centring with the matching engine's stored means (``CentringMean``): the global
  mean off the query, each document's language mean off the document. Without stored means
  (a fresh database) the plain cosine is used.
- ``SEARCH_SEMANTIC_FLOORS`` (per model, else ``SEARCH_SEMANTIC_FLOOR``): the least similarity
  a semantic hit needs (centred, or plain cosine without means), so a query about something
  the corpus lacks finds nothing.

Vectors of recent queries are cached in the process (a repeated query costs no model run), and
so are the means, read again when the matching engine has stored new ones.
"""

from __future__ import annotations

from functools import lru_cache
from threading import Lock

import numpy as np
from django.conf import settings

from backend.matches.engine import default_encoder
from backend.matches.models import CentringMean
from search.types import QueryEmbedding

QUERY_CACHE_SIZE = 1024
_means_lock = Lock()
_means: dict[str, tuple[object, dict[str, tuple[float, ...]]]] = {}


def query_embedding(text: str) -> QueryEmbedding | None:
    """``None`` for a query without words."""
    if not text.strip():
        return None
    encoder = default_encoder()
    return QueryEmbedding(
        vector=_query_vector(encoder.model_id, " ".join(text.split())),
        floor=settings.SEARCH_SEMANTIC_FLOORS.get(encoder.model_id, settings.SEARCH_SEMANTIC_FLOOR),
        means=centring_means(encoder.model_id) if settings.SEARCH_SEMANTIC_CENTRING else {},
    )


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def _query_vector(model_id: str, text: str) -> tuple[float, ...]:
    """The query in the model's query form (``Encoder.encode_queries``), a unit vector."""
    array = np.asarray(default_encoder().encode_queries([text])[0], dtype=np.float64)
    norm = float(np.linalg.norm(array))
    return tuple(float(x) for x in (array / norm if norm > 0 else array))


def centring_means(model_id: str) -> dict[str, tuple[float, ...]]:
    """Language -> mean vector ("" the global mean) stored by the matching engine; empty if
    none are stored yet. One small query says whether the cached means are still current."""
    stored = CentringMean.objects.filter(model_id=model_id)
    stamp = tuple(stored.order_by("language").values_list("language", "items", "updated_at"))
    with _means_lock:
        cached = _means.get(model_id)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    means = {
        language: tuple(float(x) for x in np.frombuffer(bytes(vector), dtype=np.float32))
        for language, vector in stored.values_list("language", "vector")
    }
    if "" not in means:
        means = {}
    with _means_lock:
        _means[model_id] = (stamp, means)
    return means


def forget_cached() -> None:
    """Drop the cached vectors and means (tests that change the model or the means)."""
    _query_vector.cache_clear()
    with _means_lock:
        _means.clear()
