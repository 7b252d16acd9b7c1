"""The production ranking pipeline: embed, centre by language, retrieve, score, explain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from matching.bilingual import to_bokmal
from matching.centering import LanguageCentering
from matching.embeddings import EmbeddingCache, InMemoryEmbeddingCache, embed_items, embed_texts
from matching.encoders import Encoder
from matching.explain import SentenceEncoder, TermBridge, best_pair, shared_terms
from matching.lexical import BM25Scorer, LexicalScorer
from matching.retrieval import VectorIndex, make_index
from matching.scoring import combine, contributions, signal_matrix
from matching.text import compose_text, normalise_language
from matching.types import Explanation, ItemKind, MatchItem, ScoredMatch, ScoringWeights

IndexFactory = Callable[[int, int], VectorIndex]  # (dim, expected size) -> empty index
LexicalFactory = Callable[[], LexicalScorer]
SENTENCE_CACHE = 100_000  # sentence vectors kept for explanations (~150 MB at 384 dims)


def language_of(item: MatchItem) -> str:
    return normalise_language(item.language, compose_text(item))


def default_index(dim: int, size: int) -> VectorIndex:
    return make_index(dim, size)


@dataclass
class Side:
    """The indexed items of one kind: centred vectors, a vector index and a lexical scorer."""

    items: list[MatchItem]
    vectors: np.ndarray
    index: VectorIndex
    lexical: LexicalScorer
    rows: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rows = {item.id: row for row, item in enumerate(self.items)}


@dataclass(frozen=True)
class Query:
    item: MatchItem
    vector: np.ndarray
    text: str
    language: str


class MatchingEngine:
    """Built from an encoder and weights; fit() indexes both sides, then rank in any direction."""

    def __init__(
        self,
        encoder: Encoder,
        weights: ScoringWeights | None = None,
        cache: EmbeddingCache | None = None,
        index_factory: IndexFactory = default_index,
        lexical_factory: LexicalFactory = BM25Scorer,
        term_bridge: TermBridge = to_bokmal,
    ) -> None:
        self.encoder = encoder
        self.weights = weights or ScoringWeights()
        self.cache: EmbeddingCache = cache if cache is not None else InMemoryEmbeddingCache()
        self._index_factory = index_factory
        self._lexical_factory = lexical_factory
        self._term_bridge = term_bridge
        self.centering = LanguageCentering(encoder.dim)
        self._sides: dict[ItemKind, Side] = {}
        self._sentence_vectors: dict[str, np.ndarray] = {}

    def fit(self, solutions: Sequence[MatchItem], needs: Sequence[MatchItem]) -> MatchingEngine:
        everything = [*solutions, *needs]
        raw = embed_items(everything, self.encoder, self.cache)
        languages = [language_of(item) for item in everything]
        self.centering.fit(raw, languages)
        centred = self.centering.transform(raw, languages)
        split = len(solutions)
        self._sides["solution"] = self._build_side(solutions, centred[:split], languages[:split])
        self._sides["need"] = self._build_side(needs, centred[split:], languages[split:])
        return self

    def _build_side(
        self, items: Sequence[MatchItem], vectors: np.ndarray, langs: list[str]
    ) -> Side:
        index = self._index_factory(self.encoder.dim, len(items))
        index.add([item.id for item in items], vectors)
        lexical = self._lexical_factory()
        lexical.add([item.id for item in items], [compose_text(item) for item in items], langs)
        return Side(list(items), vectors, index, lexical)

    # Single-item API (the backend's tasks call these) ------------------------------------

    def rank_for_need(
        self, need: MatchItem, k: int = 10, explain: bool = True
    ) -> list[ScoredMatch]:
        return self.rank_many([need], "solution", k, explain)[need.id]

    def rank_for_solution(
        self, solution: MatchItem, k: int = 10, explain: bool = True
    ) -> list[ScoredMatch]:
        return self.rank_many([solution], "need", k, explain)[solution.id]

    def similar_needs(
        self, need: MatchItem, k: int = 10, explain: bool = True
    ) -> list[ScoredMatch]:
        """Needs of other buyers (a joint-procurement suggestion): same owner excluded."""
        return self.rank_many([need], "need", k, explain)[need.id]

    # Batched API ---------------------------------------------------------------------------

    def rank_many(
        self, sources: Sequence[MatchItem], target_kind: ItemKind, k: int = 10, explain: bool = True
    ) -> dict[str, list[ScoredMatch]]:
        """Top k targets for each source: one batched encode, one batched vector search."""
        side = self._side(target_kind)
        queries = self.queries(sources)
        width = self.weights.candidates + 1
        dense_hits = (
            side.index.search(np.stack([q.vector for q in queries]), width) if queries else []
        )
        return {
            q.item.id: self._rank_one(q, side, [i for i, _ in hits], k, explain)
            for q, hits in zip(queries, dense_hits, strict=True)
        }

    def queries(self, sources: Sequence[MatchItem]) -> list[Query]:
        raw = embed_items(sources, self.encoder, self.cache)
        texts = [compose_text(item) for item in sources]
        languages = [normalise_language(i.language, t) for i, t in zip(sources, texts, strict=True)]
        vectors = self.centering.transform(raw, languages)
        return [Query(*row) for row in zip(sources, vectors, texts, languages, strict=True)]

    def _side(self, kind: ItemKind) -> Side:
        if kind not in self._sides:
            raise RuntimeError("MatchingEngine.fit() must run before ranking")
        return self._sides[kind]

    def _rank_one(
        self, query: Query, side: Side, dense_ids: list[str], k: int, explain: bool
    ) -> list[ScoredMatch]:
        lexical_ids = [
            i for i, _ in side.lexical.search(query.text, query.language, self.weights.candidates)
        ]
        ids = [
            i
            for i in dict.fromkeys([*dense_ids, *lexical_ids])
            if i in side.rows and eligible(query.item, side.items[side.rows[i]])
        ]
        if not ids:
            return []
        targets = [side.items[side.rows[i]] for i in ids]
        dense = side.vectors[[side.rows[i] for i in ids]] @ query.vector
        bm25 = side.lexical.scores(query.text, query.language, ids)
        idf = getattr(side.lexical, "idf", lambda _term: 0.0)
        return [
            self.scored_match(query.item, target, score, row, idf, explain)
            for target, score, row in best_targets(
                query.item, targets, dense, bm25, self.weights, k
            )
        ]

    def scored_match(
        self,
        source: MatchItem,
        target: MatchItem,
        score: float,
        row: np.ndarray,
        idf: Callable[[str], float],
        explain: bool,
    ) -> ScoredMatch:
        return scored_match(
            source,
            target,
            score,
            row,
            self.weights,
            Explainer(idf, self._term_bridge, self.encode_sentences) if explain else None,
        )

    def encode_sentences(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence vectors for explanations, cached by sentence text."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._sentence_vectors))
        if len(self._sentence_vectors) + len(missing) > SENTENCE_CACHE:
            self._sentence_vectors.clear()  # bounded memory in long-running workers
        if missing:
            fresh = embed_texts(missing, self.encoder)
            self._sentence_vectors.update(zip(missing, fresh, strict=True))
        return np.stack([self._sentence_vectors[t] for t in texts])


@dataclass(frozen=True)
class Explainer:
    """What explaining a match needs: term rarity, the term bridge, sentence vectors."""

    idf: Callable[[str], float]
    bridge: TermBridge
    encode_sentences: SentenceEncoder


def scored_match(
    source: MatchItem,
    target: MatchItem,
    score: float,
    row: np.ndarray,
    weights: ScoringWeights,
    explainer: Explainer | None,
) -> ScoredMatch:
    """A match with every signal's contribution; shared terms and the best sentence pair
    only with an explainer (they cost sentence encodings)."""
    explanation = Explanation(
        signals=contributions(row, weights),
        shared_terms=(
            shared_terms(source, target, explainer.idf, explainer.bridge) if explainer else ()
        ),
        best_pair=best_pair(source, target, explainer.encode_sentences) if explainer else None,
    )
    return ScoredMatch(source.id, target.id, score, explanation)


def eligible(source: MatchItem, target: MatchItem) -> bool:
    """Not the item itself, nor (need to need) one of the same owner's."""
    if target.id == source.id:
        return False
    same_owner = source.owner_id is not None and source.owner_id == target.owner_id
    return not (source.kind == target.kind and same_owner)


def best_targets(
    source: MatchItem,
    targets: Sequence[MatchItem],
    dense: np.ndarray,
    bm25: np.ndarray,
    weights: ScoringWeights,
    k: int,
    best_bm25: float | None = None,
) -> list[tuple[MatchItem, float, np.ndarray]]:
    """The k best of one source's candidates: (target, score, signal row), best first
    (``best_bm25``: see ``signal_matrix``)."""
    if not targets:
        return []
    signals = signal_matrix(source, targets, dense, bm25, best_bm25)
    scores = combine(signals, weights)
    order = np.argsort(-scores, kind="stable")[:k]
    return [(targets[n], float(scores[n]), signals[n]) for n in order]


@dataclass(frozen=True)
class MatchTables:
    need_solutions: dict[str, list[ScoredMatch]]
    solution_needs: dict[str, list[ScoredMatch]]
    similar_needs: dict[str, list[ScoredMatch]]


def recompute_all(
    needs: Sequence[MatchItem],
    solutions: Sequence[MatchItem],
    encoder: Encoder,
    weights: ScoringWeights | None = None,
    cache: EmbeddingCache | None = None,
    k: int = 10,
    explain: bool = False,
) -> MatchTables:
    """Every direction for every item, batched (cache hits are not re-encoded).

    explain=False still carries each signal's contribution; shared terms and the best
    sentence pair (which encodes sentences) are then left for the matches a person opens.
    """
    engine = MatchingEngine(encoder, weights, cache).fit(solutions, needs)
    return MatchTables(
        need_solutions=engine.rank_many(needs, "solution", k, explain),
        solution_needs=engine.rank_many(solutions, "need", k, explain),
        similar_needs=engine.rank_many(needs, "need", k, explain),
    )


def rank_for_need(
    engine: MatchingEngine, needs: Sequence[MatchItem], k: int = 10, explain: bool = True
) -> dict[str, list[ScoredMatch]]:
    """Batched: the top k solutions for each need."""
    return engine.rank_many(needs, "solution", k, explain)


def rank_for_solution(
    engine: MatchingEngine, solutions: Sequence[MatchItem], k: int = 10, explain: bool = True
) -> dict[str, list[ScoredMatch]]:
    """Batched: the top k needs for each solution."""
    return engine.rank_many(solutions, "need", k, explain)


def similar_needs(
    engine: MatchingEngine, needs: Sequence[MatchItem], k: int = 10, explain: bool = True
) -> dict[str, list[ScoredMatch]]:
    """Batched: for each need, the top k needs of other owners."""
    return engine.rank_many(needs, "need", k, explain)
