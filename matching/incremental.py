"""Incremental ranking: one changed item against candidates an index returns.

`MatchingEngine.fit()` embeds and indexes the whole corpus, which is right for a batch
(evaluation, a full recompute) and wrong for one new need among 100,000 solutions. The
`IncrementalRanker` ranks a single item with

- language-centring means fitted earlier over the corpus (persisted by the backend and
  refreshed in the background: a few new items barely move a language's mean),
- dense candidates from a vector index and lexical candidates from a BM25 index (the
  backend plugs Elasticsearch k-NN and BM25), each `ScoringWeights.candidates` deep,
- the candidates' stored vectors, and the same scoring function and explanations as the
  engine (`best_targets`, `MatchingEngine.scored_match`).

Its work grows with the number of candidates, not with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import numpy as np

from matching.bilingual import to_bokmal
from matching.centering import LanguageCentering
from matching.embeddings import EmbeddingCache, embed_items
from matching.encoders import Encoder
from matching.explain import SentenceEncoder, TermBridge
from matching.lexical import BM25Scorer
from matching.pipeline import Explainer, best_targets, eligible, language_of, scored_match
from matching.text import compose_text
from matching.types import ItemKind, MatchItem, ScoredMatch, ScoringWeights


class CandidateSource(Protocol):
    """Where candidates come from (Elasticsearch in production)."""

    def dense(self, kind: ItemKind, query: np.ndarray, k: int) -> list[str]:
        """Ids of the k items of `kind` nearest to a language-centred query vector
        (the source may search per language, see backend.matches.engine)."""
        ...

    def lexical(self, kind: ItemKind, text: str, language: str, k: int) -> list[str]:
        """Ids of the k items of `kind` with the best BM25 for `text` (in `language`)."""
        ...

    def bm25(
        self, kind: ItemKind, text: str, language: str, ids: Sequence[str]
    ) -> Mapping[str, float]:
        """BM25 of `text` for each of `ids` (absent: no shared term)."""
        ...


class ItemStore(Protocol):
    """The items that take part in matching, by id (others are left out of the answer)."""

    def items(self, ids: Sequence[str]) -> list[MatchItem]: ...


class IncrementalRanker:
    def __init__(
        self,
        encoder: Encoder,
        centering: LanguageCentering,
        candidates: CandidateSource,
        store: ItemStore,
        cache: EmbeddingCache,
        sentence_encoder: SentenceEncoder,
        weights: ScoringWeights | None = None,
        term_bridge: TermBridge = to_bokmal,
    ) -> None:
        self.encoder = encoder
        self.centering = centering
        self.candidates = candidates
        self.store = store
        self.cache = cache
        self.sentence_encoder = sentence_encoder
        self.weights = weights or ScoringWeights()
        self.term_bridge = term_bridge

    def centred(self, items: Sequence[MatchItem]) -> np.ndarray:
        """Language-centred vectors (stored ones read from the cache, others encoded)."""
        raw = embed_items(items, self.encoder, self.cache)
        return self.centering.transform(raw, [language_of(item) for item in items])

    def rank(
        self, source: MatchItem, target_kind: ItemKind, k: int = 10, explain: bool = True
    ) -> list[ScoredMatch]:
        """The k best targets of `target_kind` for one source."""
        query = self.centred([source])[0]
        text, language = compose_text(source), language_of(source)
        depth = self.weights.candidates
        ids = [
            *self.candidates.dense(target_kind, query, depth),
            *self.candidates.lexical(target_kind, text, language, depth),
        ]
        targets = [t for t in self.store.items(list(dict.fromkeys(ids))) if eligible(source, t)]
        if not targets:
            return []
        dense = self.centred(targets) @ query
        found = self.candidates.bm25(target_kind, text, language, [t.id for t in targets])
        bm25 = np.array([found.get(t.id, 0.0) for t in targets], dtype=np.float64)
        explainer = (
            Explainer(_candidate_idf(targets), self.term_bridge, self.sentence_encoder)
            if explain
            else None
        )
        return [
            scored_match(source, target, score, row, self.weights, explainer)
            for target, score, row in best_targets(source, targets, dense, bm25, self.weights, k)
        ]


def _candidate_idf(targets: Sequence[MatchItem]) -> Callable[[str], float]:
    """Term rarity among the candidates: orders an explanation's shared terms."""
    scorer = BM25Scorer()
    texts = [compose_text(t) for t in targets]
    scorer.add([t.id for t in targets], texts, [language_of(t) for t in targets])
    return scorer.idf
