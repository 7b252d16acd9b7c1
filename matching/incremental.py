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

Its work grows with the number of candidates, not with the corpus. The lexical requests of
one ranking (of both kinds, for a need) go to the index together, after the dense ones: the
best documents by BM25 with their scores, and the BM25 of the dense candidates.

`rescore` scores the members of other items' lists from those items' side, with a newcomer
among them: how a new item enters the lists of the items it ranked ("insert if better")
without ranking each of them again over all their candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from matching.bilingual import to_bokmal
from matching.centering import LanguageCentering
from matching.embeddings import EmbeddingCache, embed_items
from matching.encoders import Encoder
from matching.explain import SentenceEncoder, TermBridge, item_sentences
from matching.lexical import BM25Scorer
from matching.pipeline import Explainer, best_targets, eligible, language_of, scored_match
from matching.text import compose_text
from matching.types import ItemKind, MatchItem, ScoredMatch, ScoringWeights

#: Lexical hits read to find the best BM25 among a rescored item's candidates: its own
#: document (a need's among needs) and a few of its owner's may come first.
BEST_DEPTH = 5


@dataclass(frozen=True)
class LexicalAsk:
    """The `top` items of `kind` with the best BM25 for `text` (in `language`), and the
    BM25 of `ids`."""

    kind: ItemKind
    text: str
    language: str
    top: int = 0
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class LexicalFound:
    """`top`: (id, BM25), best first; `scores`: of the asked ids (absent: no shared term)."""

    top: tuple[tuple[str, float], ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


class CandidateSource(Protocol):
    """Where candidates come from (Elasticsearch in production)."""

    def dense(self, kind: ItemKind, query: np.ndarray, k: int) -> list[str]:
        """Ids of the k items of `kind` nearest to a language-centred query vector
        (the source may search per language, see backend.matches.engine)."""
        ...

    def lexical(self, asks: Sequence[LexicalAsk]) -> list[LexicalFound]:
        """The answers to lexical requests, in order (asked together: one round trip)."""
        ...


class ItemStore(Protocol):
    """The items that take part in matching, by id (others are left out of the answer)."""

    def items(self, ids: Sequence[str]) -> list[MatchItem]: ...


@dataclass(frozen=True)
class Rescore:
    """An item's list to score again from the item's side: its members and a `newcomer`.
    `estimate`: the newcomer's lexical signal seen from the newcomer's side, used when the
    index does not score the newcomer (its document is not indexed yet)."""

    source: MatchItem
    targets: tuple[MatchItem, ...]
    newcomer: str
    estimate: float = 0.0


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
        return self.rank_kinds(source, (target_kind,), k, explain)[target_kind]

    def rank_kinds(
        self,
        source: MatchItem,
        kinds: Sequence[ItemKind],
        k: int = 10,
        explain: bool = True,
    ) -> dict[ItemKind, list[ScoredMatch]]:
        """The k best targets of each kind for one source, its lexical requests together."""
        query = self.centred([source])[0]
        text, language = compose_text(source), language_of(source)
        depth = self.weights.candidates
        dense_ids = {kind: self.candidates.dense(kind, query, depth) for kind in kinds}
        asks = [LexicalAsk(kind, text, language, depth, tuple(dense_ids[kind])) for kind in kinds]
        found = self.candidates.lexical(asks)
        bm25 = {kind: {**a.scores, **dict(a.top)} for kind, a in zip(kinds, found, strict=True)}
        ids = [
            i
            for kind, answer in zip(kinds, found, strict=True)
            for i in dict.fromkeys([*dense_ids[kind], *(i for i, _ in answer.top)])
        ]
        loaded = [t for t in self.store.items(ids) if eligible(source, t)]
        targets = {kind: [t for t in loaded if t.kind == kind] for kind in kinds}
        vectors = dict(zip([t.id for t in loaded], self.centred(loaded), strict=True))
        encode = _SentenceMemo(self.sentence_encoder) if explain else None
        ranked: dict[ItemKind, list[ScoredMatch]] = {}
        for kind in kinds:
            chosen = targets[kind]
            if not chosen:
                ranked[kind] = []
                continue
            dense = np.array([vectors[t.id] for t in chosen]) @ query
            scores = np.array([bm25[kind].get(t.id, 0.0) for t in chosen], dtype=np.float64)
            best = best_targets(source, chosen, dense, scores, self.weights, k)
            explainer = None
            if encode is not None:
                encode.prefetch([source, *(target for target, _, _ in best)])
                explainer = Explainer(_candidate_idf(chosen), self.term_bridge, encode)
            ranked[kind] = [
                scored_match(source, target, score, row, self.weights, explainer)
                for target, score, row in best
            ]
        return ranked

    def rescore(self, lists: Sequence[Rescore]) -> list[list[ScoredMatch]]:
        """Each list's targets scored from its source's side, best first, as a full ranking
        of the source would score them: the lexical signal is normalised by the best BM25
        among all the source's candidates (its best eligible lexical hit). Only the
        newcomer is explained (its shared terms ordered by their rarity among all the lists'
        members). One lexical round trip for all the lists."""
        if not lists:
            return []
        asks = [
            LexicalAsk(
                r.targets[0].kind if r.targets else "need",
                compose_text(r.source),
                language_of(r.source),
                top=BEST_DEPTH,
                ids=tuple(t.id for t in r.targets),
            )
            for r in lists
        ]
        found = self.candidates.lexical(asks)
        hits = {i for answer in found for i, _ in answer.top}
        known = {item.id: item for item in self.store.items(sorted(hits))}
        everything = list({i.id: i for r in lists for i in (r.source, *r.targets)}.values())
        vectors = dict(zip([i.id for i in everything], self.centred(everything), strict=True))
        encode = _SentenceMemo(self.sentence_encoder)
        encode.prefetch(
            [i for r in lists for i in (r.source, *r.targets) if i.id in (r.source.id, r.newcomer)]
        )
        idf = _candidate_idf(list({t.id: t for r in lists for t in r.targets}.values()))
        out: list[list[ScoredMatch]] = []
        for r, answer in zip(lists, found, strict=True):
            if not r.targets:
                out.append([])
                continue
            best = _best_eligible(r.source, answer, known)
            scores = [answer.scores.get(t.id, 0.0) for t in r.targets]
            for n, target in enumerate(r.targets):
                if target.id == r.newcomer and target.id not in answer.scores:
                    scores[n] = r.estimate * best
            dense = np.array([vectors[t.id] for t in r.targets]) @ vectors[r.source.id]
            rows = best_targets(
                r.source,
                r.targets,
                dense,
                np.array(scores, dtype=np.float64),
                self.weights,
                len(r.targets),
                best_bm25=best,
            )
            newcomer = next((t for t in r.targets if t.id == r.newcomer), None)
            explainer = None
            if newcomer is not None:
                explainer = Explainer(idf, self.term_bridge, encode)
            out.append(
                [
                    scored_match(
                        r.source,
                        target,
                        score,
                        row,
                        self.weights,
                        explainer if target.id == r.newcomer else None,
                    )
                    for target, score, row in rows
                ]
            )
        return out


def _best_eligible(
    source: MatchItem, answer: LexicalFound, known: Mapping[str, MatchItem]
) -> float:
    """The best BM25 among the source's candidates: its best lexical hit that may be a
    target (not itself, not a need of its own owner); else the lowest hit read, or the
    best among the asked ids."""
    for item_id, score in answer.top:
        target = known.get(item_id)
        if target is not None and eligible(source, target):
            return score
    if answer.top:
        return answer.top[-1][1]
    return max(answer.scores.values(), default=0.0)


class _SentenceMemo:
    """The sentence encoder of one ranking: the sentences of the items it explains are
    fetched in one call, and each vector is read once."""

    def __init__(self, encode: SentenceEncoder) -> None:
        self.encode = encode
        self.vectors: dict[str, np.ndarray] = {}

    def prefetch(self, items: Sequence[MatchItem]) -> None:
        missing = [
            s
            for s in dict.fromkeys(s for i in items for s in item_sentences(i))
            if s not in self.vectors
        ]
        if missing:
            self.vectors.update(zip(missing, self.encode(missing), strict=True))

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.encode(missing), strict=True))
        return np.stack([self.vectors[t] for t in texts])


def _candidate_idf(targets: Sequence[MatchItem]) -> Callable[[str], float]:
    """Term rarity among the candidates: orders an explanation's shared terms."""
    scorer = BM25Scorer()
    texts = [compose_text(t) for t in targets]
    scorer.add([t.id for t in targets], texts, [language_of(t) for t in targets])
    return scorer.idf
