"""Persisted language-centring means (see matching/centering.py).

The incremental ranker centres every vector with means fitted over the whole matched
corpus. Computing them reads every stored vector, so they are stored in `CentringMean`
and refreshed in the background: by Celery beat, after a bulk import, and when the matched
corpus has grown or shrunk by more than `DRIFT` since the last refresh. A few new items
barely move a language's mean; the first ranking on an empty store computes them at once.
"""

from collections.abc import Iterator
from itertools import islice

import numpy as np
from django.db import transaction

from backend.matches import engine as eng
from backend.matches.models import CentringMean
from backend.outbox.entities import ENTITIES, Entity
from matching.centering import SHRINK, LanguageCentering
from matching.embeddings import embed_items
from matching.pipeline import language_of
from matching.types import MatchItem

GLOBAL = ""  # CentringMean.language of the global mean
DRIFT = 0.05  # refresh when the matched corpus changed size by more than this share
BATCH = 512


def _matched_items() -> Iterator[MatchItem]:
    for entity in (Entity.SOLUTION, Entity.NEED):
        spec = ENTITIES[entity]
        for row in spec.matched_rows().order_by("pk").iterator(chunk_size=BATCH):
            yield spec.matching_item(row)


def centring_refresh() -> LanguageCentering:
    """Fit the means over the matched corpus's stored vectors (encoding any missing) and
    store them. Streams the corpus in batches: memory stays flat."""
    encoder = eng.default_encoder()
    cache = eng.DatabaseEmbeddingCache()
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    items = _matched_items()
    while batch := list(islice(items, BATCH)):
        vectors = embed_items(batch, encoder, cache).astype(np.float64)
        for item, vector in zip(batch, vectors, strict=True):
            language = language_of(item)
            sums[language] = sums.get(language, np.zeros(encoder.dim)) + vector
            counts[language] = counts.get(language, 0) + 1
    total = sum(counts.values())
    if total == 0:
        return LanguageCentering(encoder.dim)
    global_mean: np.ndarray = np.sum(list(sums.values()), axis=0) / total
    means = {
        language: (sums[language] + SHRINK * global_mean) / (counts[language] + SHRINK)
        for language in sums
    }
    _store(encoder.model_id, global_mean, means, counts)
    return LanguageCentering.from_means(global_mean, means)


def _store(
    model_id: str,
    global_mean: np.ndarray,
    means: dict[str, np.ndarray],
    counts: dict[str, int],
) -> None:
    rows = {GLOBAL: (global_mean, sum(counts.values()))} | {
        language: (mean, counts[language]) for language, mean in means.items()
    }
    with transaction.atomic():
        CentringMean.objects.filter(model_id=model_id).exclude(language__in=rows).delete()
        for language, (vector, items) in rows.items():
            CentringMean.objects.update_or_create(
                model_id=model_id,
                language=language,
                defaults={"items": items, "vector": vector.astype(np.float32).tobytes()},
            )


def centring_load() -> tuple[LanguageCentering, bool]:
    """The stored means of the default model (computed now when none are stored), and
    whether they are stale: the matched corpus has changed size by more than DRIFT."""
    rows = list(CentringMean.objects.filter(model_id=eng.default_encoder().model_id))
    stored = {row.language: row for row in rows}
    if GLOBAL not in stored:
        return centring_refresh(), False
    vectors = {lang: np.frombuffer(bytes(r.vector), dtype=np.float32) for lang, r in stored.items()}
    global_mean = vectors.pop(GLOBAL)
    centring = LanguageCentering.from_means(global_mean, vectors)
    return centring, _drifted(stored[GLOBAL].items)


def _drifted(items_then: int) -> bool:
    now = sum(ENTITIES[e].matched_rows().count() for e in (Entity.SOLUTION, Entity.NEED))
    return abs(now - items_then) > max(1, DRIFT * items_then)
