"""Adapter between the Django models and the pure-Python `matching` package.

Maps needs and solutions to `MatchItem`s, keeps their embeddings in the database
(`DatabaseEmbeddingCache`: model id + content hash, recomputed only when either
changes) and builds a matching engine over the published corpus.
"""

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
from django.conf import settings
from django.utils import timezone

from backend.matches.models import Embedding, SentenceEmbedding
from backend.needs.models import Need
from backend.outbox.entities import ENTITIES, Entity
from backend.solutions.models import Solution
from matching import bilingual
from matching.centering import LanguageCentering
from matching.embeddings import EmbeddingKey
from matching.encoders import Encoder, load_encoder
from matching.incremental import IncrementalRanker, LexicalAsk, LexicalFound
from matching.pipeline import MatchingEngine, default_index
from matching.text import content_hash
from matching.types import MatchItem, ScoringWeights
from search.backends.lexical import LexicalRequest


@cache
def encoder_get(model_name: str) -> Encoder:
    return load_encoder(model_name or None)


def default_encoder() -> Encoder:
    return encoder_get(settings.EMBEDDING_MODEL)


def matching_warm_up() -> int:
    """What a matching worker builds once per process, done at its start rather than in the
    first publish it handles: the bilingual term bridge (matching.bilingual, 4-6 s). The
    encoder is left to the process that first encodes (its native threads must not be
    started before a prefork pool forks). Returns the number of bridged stems."""
    return bilingual.warm()


def weights_get() -> ScoringWeights:
    return ScoringWeights(**settings.MATCHING_WEIGHTS)  # type: ignore[arg-type]


def need_item(need: Need) -> MatchItem:
    return MatchItem(
        id=f"need:{need.pk}",
        kind="need",
        title=need.title,
        description=need.description,
        desired_effect=need.desired_effect,
        sector=need.sector,
        cpv_codes=tuple(need.cpv_codes),
        regions=(need.county,) if need.county else (),
        stage=need.stage,
        language=need.language,
        owner_id=str(need.organization_id),
    )


def solution_item(solution: Solution) -> MatchItem:
    return MatchItem(
        id=f"solution:{solution.pk}",
        kind="solution",
        title=solution.title,
        description=solution.description,
        sector=solution.sector,
        cpv_codes=tuple(solution.cpv_codes),
        regions=tuple(solution.regions),
        trl=solution.trl,
        language=solution.language,
        owner_id=str(solution.organization_id),
    )


def split_item_id(item_id: str) -> tuple[str, int]:
    kind, _, pk = item_id.partition(":")
    return kind, int(pk)


class DatabaseEmbeddingCache:
    """`matching.embeddings.EmbeddingCache` over the Embedding table."""

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]:
        if not keys:
            return {}
        wanted = {(*split_item_id(k.item_id), k.model_id, k.content_hash): k for k in keys}
        rows = Embedding.objects.filter(
            model_id__in={k.model_id for k in keys},
            entity_id__in={split_item_id(k.item_id)[1] for k in keys},
        )
        found: dict[EmbeddingKey, np.ndarray] = {}
        for row in rows:
            key = wanted.get((row.entity, row.entity_id, row.model_id, row.content_hash))
            if key is not None:
                found[key] = np.frombuffer(bytes(row.vector), dtype=np.float32)
        return found

    def put_many(self, entries: Mapping[EmbeddingKey, np.ndarray]) -> None:
        """One upsert for the lot (a bulk import embeds hundreds at a time)."""
        rows = {}
        for key, vector in entries.items():
            entity, entity_id = split_item_id(key.item_id)
            rows[(entity, entity_id, key.model_id)] = Embedding(
                entity=entity,
                entity_id=entity_id,
                model_id=key.model_id,
                content_hash=key.content_hash,
                dims=int(vector.shape[0]),
                vector=np.asarray(vector, dtype=np.float32).tobytes(),
                updated_at=timezone.now(),
            )
        Embedding.objects.bulk_create(
            list(rows.values()),
            batch_size=500,
            update_conflicts=True,
            unique_fields=["entity", "entity_id", "model_id"],
            update_fields=["content_hash", "dims", "vector", "updated_at"],
        )


def published_needs() -> list[Need]:
    """The needs that take part in matching (the registry's rule)."""
    return list(ENTITIES[Entity.NEED].matched_rows())


def published_solutions() -> list[Solution]:
    """The solutions that take part in matching (the registry's rule)."""
    return list(ENTITIES[Entity.SOLUTION].matched_rows())


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class StoredSentencesEngine(MatchingEngine):
    """The matching engine with explanation sentences' vectors kept in the database."""

    def encode_sentences(self, texts: Sequence[str]) -> np.ndarray:
        model_id = self.encoder.model_id
        shas = {t: _sha(t) for t in dict.fromkeys(texts)}
        rows = SentenceEmbedding.objects.filter(model_id=model_id, sha__in=set(shas.values()))
        stored = {r.sha: np.frombuffer(bytes(r.vector), dtype=np.float32) for r in rows}
        missing = [t for t, sha in shas.items() if sha not in stored]
        if missing:
            fresh = super().encode_sentences(missing)
            SentenceEmbedding.objects.bulk_create(
                [
                    SentenceEmbedding(
                        model_id=model_id,
                        sha=shas[t],
                        vector=np.asarray(v, dtype=np.float32).tobytes(),
                    )
                    for t, v in zip(missing, fresh, strict=True)
                ],
                ignore_conflicts=True,
            )
            stored.update({shas[t]: v for t, v in zip(missing, fresh, strict=True)})
        return np.stack([stored[shas[t]] for t in texts])


class SearchBackendVectorIndex:
    """`matching.retrieval.VectorIndex` over the search backend's k-NN (Elasticsearch in
    production), so no in-process index is built over the whole corpus at each recompute.

    The index holds raw embeddings; the engine queries with language-centred vectors. Within
    one language, cosine to the raw vector ranks like the centred score (up to each
    document's norm after centring), so candidates are fetched per language and the engine
    re-scores them exactly. Only ids the engine was fitted with (published items) pass.
    """

    LANGUAGES = ("nb", "nn", "en")

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.kind: str | None = None
        self.allowed: set[str] = set()

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        self.allowed.update(ids)
        if ids:
            self.kind = split_item_id(ids[0])[0]

    def search(self, queries: np.ndarray, k: int) -> list[list[tuple[str, float]]]:
        return [self._candidates(query, k) for query in queries]

    def _candidates(self, query: np.ndarray, k: int) -> list[tuple[str, float]]:
        if self.kind is None:
            return []
        hits: dict[str, float] = {}
        vector = [float(x) for x in query]
        for language in self.LANGUAGES:
            for pk, score in self.backend.knn(self.kind, vector, k, {"language": (language,)}):
                item_id = f"{self.kind}:{pk}"
                if item_id in self.allowed:
                    hits[item_id] = max(score, hits.get(item_id, 0.0))
        return sorted(hits.items(), key=lambda hit: -hit[1])

    def __len__(self) -> int:
        return len(self.allowed)


def _index_factory() -> Any:
    """MATCHING_RETRIEVAL: "search" = the search backend's k-NN; "index" = in-process."""
    if settings.MATCHING_RETRIEVAL != "search":
        return default_index
    from backend.discovery.services import search_backend

    return lambda dim, size: SearchBackendVectorIndex(search_backend())


def engine_build(needs: Iterable[Need], solutions: Iterable[Solution]) -> MatchingEngine:
    engine = StoredSentencesEngine(
        encoder=default_encoder(),
        weights=weights_get(),
        cache=DatabaseEmbeddingCache(),
        index_factory=_index_factory(),
    )
    return engine.fit(
        solutions=[solution_item(s) for s in solutions], needs=[need_item(n) for n in needs]
    )


class SearchCandidates:
    """`matching.incremental.CandidateSource` over the search backend: k-NN per language
    (the index holds raw vectors, the query is centred: see SearchBackendVectorIndex) and
    BM25 over the indexed text, a ranking's lexical requests in one multi-search."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def dense(self, kind: str, query: np.ndarray, k: int) -> list[str]:
        hits: dict[str, float] = {}
        vector = [float(x) for x in query]
        for language in SearchBackendVectorIndex.LANGUAGES:
            for pk, score in self.backend.knn(kind, vector, k, {"language": (language,)}):
                hits[f"{kind}:{pk}"] = max(score, hits.get(f"{kind}:{pk}", 0.0))
        return sorted(hits, key=lambda item_id: -hits[item_id])

    def lexical(self, asks: Sequence[LexicalAsk]) -> list[LexicalFound]:
        if not asks:
            return []
        requests = [
            LexicalRequest(
                ask.kind,
                ask.text,
                top=ask.top,
                ids=tuple(split_item_id(i)[1] for i in ask.ids),
            )
            for ask in asks
        ]
        return [
            LexicalFound(
                top=tuple((f"{ask.kind}:{pk}", score) for pk, score in answer.top),
                scores={f"{ask.kind}:{pk}": score for pk, score in answer.scores.items()},
            )
            for ask, answer in zip(asks, self.backend.bm25_many(requests), strict=True)
        ]


class MatchedItems:
    """`matching.incremental.ItemStore`: the ids' rows that take part in matching (the
    registry's rule), so a stale or hidden document in the index never becomes a match."""

    def items(self, ids: Sequence[str]) -> list[MatchItem]:
        wanted: dict[str, list[int]] = {}
        for item_id in ids:
            kind, pk = split_item_id(item_id)
            wanted.setdefault(kind, []).append(pk)
        found: dict[str, MatchItem] = {}
        for kind, pks in wanted.items():
            spec = ENTITIES[Entity(kind)]
            for row in spec.matched_rows().filter(pk__in=pks):
                item = spec.matching_item(row)
                found[item.id] = item
        return [found[i] for i in ids if i in found]


def ranker_build(centring: LanguageCentering) -> IncrementalRanker:
    from backend.discovery.services import search_backend

    engine = StoredSentencesEngine(encoder=default_encoder(), weights=weights_get())
    return IncrementalRanker(
        encoder=engine.encoder,
        centering=centring,
        candidates=SearchCandidates(search_backend()),
        store=MatchedItems(),
        cache=DatabaseEmbeddingCache(),
        sentence_encoder=engine.encode_sentences,
        weights=engine.weights,
    )


def stored_vector(entity: str, entity_id: int) -> tuple[float, ...] | None:
    row = Embedding.objects.filter(
        entity=entity, entity_id=entity_id, model_id=default_encoder().model_id
    ).first()
    if row is None:
        return None
    return tuple(float(x) for x in np.frombuffer(bytes(row.vector), dtype=np.float32))


def vectors_export(path: str) -> int:
    """Write the default model's stored item and sentence vectors to a .npz file, keyed by
    content hash and sentence hash (ids differ between databases). Returns the count."""
    model_id = default_encoder().model_id
    items = list(Embedding.objects.filter(model_id=model_id))
    sentences = list(SentenceEmbedding.objects.filter(model_id=model_id))
    np.savez_compressed(
        path,
        model_id=np.array(model_id),
        item_hashes=np.array([e.content_hash for e in items]),
        item_vectors=np.stack([np.frombuffer(bytes(e.vector), np.float32) for e in items]),
        sentence_hashes=np.array([s.sha for s in sentences]),
        sentence_vectors=np.stack(
            [np.frombuffer(bytes(s.vector), np.float32) for s in sentences]
        ).astype(np.float16),
    )
    return len(items) + len(sentences)


def vectors_import(path: str, items: Sequence[MatchItem]) -> int:
    """Seed stored vectors from a file written by `vectors_export`, for the given items
    (matched by content hash) and all its sentences. Skipped for another model."""
    model_id = default_encoder().model_id
    data = np.load(path)
    if str(data["model_id"]) != model_id:
        return 0
    by_hash = dict(zip(data["item_hashes"].tolist(), data["item_vectors"], strict=True))
    cache_ = DatabaseEmbeddingCache()
    keys = [EmbeddingKey(i.id, model_id, content_hash(i)) for i in items]
    cache_.put_many({k: by_hash[k.content_hash] for k in keys if k.content_hash in by_hash})
    SentenceEmbedding.objects.bulk_create(
        [
            SentenceEmbedding(model_id=model_id, sha=sha, vector=v.astype(np.float32).tobytes())
            for sha, v in zip(
                data["sentence_hashes"].tolist(), data["sentence_vectors"], strict=True
            )
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    return len(keys)
