"""How the embedded backend answers a search: the same levels, suggestions and semantic side
as Elasticsearch (``elasticsearch_search.py``), evaluated over the documents in memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from search.backends.base import check_query_vector
from search.queries.embedded import (
    Scorer,
    StoredDoc,
    facet_counts,
    level_score,
    matches_filters,
    suggestion_options,
)
from search.queries.hybrid import Ranked, fuse, lexical_window, sort_key
from search.queries.plan import Clause, TextQuery
from search.queries.relaxation import (
    LITTLE,
    Corrections,
    Level,
    all_words,
    best_effort,
    best_suggestion,
    choose,
    correction_words,
    corrections_from,
    exact_level,
    level_clauses,
    relaxed_levels,
    suggestion_candidates,
    unknown_words,
)
from search.queries.semantic import PreparedEmbedding, candidates_per_language, prepare
from search.types import (
    LANGUAGES,
    FacetValue,
    Hit,
    QueryEmbedding,
    SearchRequest,
    SearchResponse,
    Suggestion,
)

Groups = list[tuple[Scorer, list[StoredDoc]]]
Scored = list[tuple[StoredDoc, float]]
#: a stored document as a hit: (doc, score, query, the corrections to mark too)
HitOf = Callable[[StoredDoc, float, TextQuery, tuple[str, ...]], Hit]


@dataclass(frozen=True)
class Answer:
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]]
    lexical_total: int
    semantic: bool


class EmbeddedSearch:
    def __init__(self, *, groups: Groups, hit_of: HitOf, embedding_dims: int) -> None:
        self.groups = groups
        self.hit_of = hit_of
        self.dims = embedding_dims
        self._near: dict[int, list[tuple[StoredDoc, float]]] = {}

    def run(self, request: SearchRequest) -> SearchResponse:
        query = TextQuery.parse(request.text)
        prepared = first = self._prepared(request) if request.semantic else None
        exact = exact_level(query)
        answer = self._answer(request, query, exact, self._scored(query, exact), prepared, {})
        if query.is_empty or answer.lexical_total >= LITTLE:
            words = None if query.is_empty else answer.lexical_total
            return _response(request, answer, "all", None, words)
        options = self._options(request.text, query)
        corrections = corrections_from(options)
        relaxed = relaxed_levels(query, corrections, relax=request.relax)
        counted = [(exact, answer.lexical_total)]
        counted += [(step, len(self._level(query, step, corrections, request))) for step in relaxed]
        level = choose(counted)
        if level is None and prepared is None and request.relax:
            prepared = self._prepared(request)
        final = level or best_effort(counted)
        if final != exact or prepared is not first:
            scored = _apply(self._term_scores(level_clauses(query, final, corrections)), final)
            answer = self._answer(request, query, final, scored, prepared, corrections)
        relaxation = "semantic" if level is None and answer.total > answer.lexical_total else None
        return _response(
            request,
            answer,
            relaxation or final.relaxation,
            self._suggestion(request, options, counted[0][1]),
            all_words(counted),
        )

    # --- word matches ----------------------------------------------------------------------
    def _term_scores(self, clauses: Sequence[Clause]) -> list[tuple[StoredDoc, list[float | None]]]:
        return [
            (doc, scorer.term_scores(clauses, doc)) for scorer, docs in self.groups for doc in docs
        ]

    def _scored(self, query: TextQuery, level: Level) -> Scored:
        if query.is_empty:
            return [(doc, 1.0) for _, docs in self.groups for doc in docs]
        return _apply(self._term_scores(level_clauses(query, level)), level)

    def _level(
        self,
        query: TextQuery,
        level: Level,
        corrections: Corrections,
        request: SearchRequest,
    ) -> list[StoredDoc]:
        """The documents the level finds under the request's filters."""
        rows = self._term_scores(level_clauses(query, level, corrections))
        return [doc for doc, _ in _apply(rows, level) if matches_filters(doc, request.filters)]

    def _options(self, text: str, query: TextQuery) -> dict[str, list[str]]:
        """The term suggester's options for the words that match nothing."""
        vocabularies = [Counter(t for doc in docs for t in doc.spell) for _, docs in self.groups]
        rows = self._term_scores(level_clauses(query, exact_level(query)))
        hits = [
            sum(1 for _, scores in rows if scores[n] is not None) for n in range(len(query.terms))
        ]
        return unknown_words(query, suggestion_options(text, vocabularies), hits)

    def _suggestion(
        self, request: SearchRequest, options: dict[str, list[str]], found: int
    ) -> Suggestion | None:
        counted = []
        for text in suggestion_candidates(request.text, options):
            query = TextQuery.parse(text)
            counted.append((text, len(self._level(query, exact_level(query), {}, request))))
        best = best_suggestion(counted, found)
        return Suggestion(*best) if best else None

    # --- answers ---------------------------------------------------------------------------
    def _answer(
        self,
        request: SearchRequest,
        query: TextQuery,
        level: Level,
        matched: Scored,
        prepared: PreparedEmbedding | None,
        corrections: Corrections,
    ) -> Answer:
        marked = correction_words(corrections) if level.corrected else ()
        hits = [(doc, score) for doc, score in matched if matches_filters(doc, request.filters)]
        sort = "newest" if request.sort == "relevance" and query.is_empty else request.sort
        if sort == "relevance":
            hits.sort(key=lambda item: (-item[1], *item[0].key))
        else:
            hits.sort(key=lambda item: sort_key(item[0].source, sort))
        if prepared is None:
            start = (request.page - 1) * request.page_size
            page = hits[start : start + request.page_size]
            return Answer(
                total=len(hits),
                hits=tuple(self.hit_of(doc, score, query, marked) for doc, score in page),
                facets=facet_counts((doc for doc, _ in matched), request.filters, request.facets),
                lexical_total=len(hits),
                semantic=False,
            )
        return self._hybrid(request, query, marked, matched, hits, prepared)

    def _hybrid(
        self,
        request: SearchRequest,
        query: TextQuery,
        marked: tuple[str, ...],
        matched: Scored,
        lexical: Scored,
        prepared: PreparedEmbedding,
    ) -> Answer:
        neighbours = self._neighbours(prepared)
        words = [] if query.is_empty else sorted(lexical, key=lambda i: (-i[1], *i[0].key))
        near = [doc for doc, _ in neighbours if matches_filters(doc, request.filters)]
        by_key: dict[tuple[str, int], StoredDoc] = {
            doc.key: doc for doc in (*near, *(doc for doc, _ in words))
        }
        ranked = fuse(
            [Ranked(doc.key, doc.source) for doc, _ in words[: lexical_window(request)]],
            [Ranked(doc.key, doc.source) for doc in near],
            request.sort,
            words_first=not request.semantic,
        )
        start = (request.page - 1) * request.page_size
        union = {doc.key: doc for doc in (*(d for d, _ in matched), *(d for d, _ in neighbours))}
        if query.is_empty:
            union = {doc.key: doc for doc, _ in neighbours}
        return Answer(
            total=sum(1 for doc in union.values() if matches_filters(doc, request.filters)),
            hits=tuple(
                self.hit_of(by_key[c.key], score, query, marked)
                for c, score in ranked[start : start + request.page_size]
            ),
            facets=facet_counts(union.values(), request.filters, request.facets),
            lexical_total=len(words),
            semantic=True,
        )

    # --- the semantic side -----------------------------------------------------------------
    def _prepared(self, request: SearchRequest) -> PreparedEmbedding | None:
        embedding: QueryEmbedding | None = None
        if request.query_vector is not None:
            embedding = QueryEmbedding(tuple(request.query_vector))
        elif request.embed is not None and request.text.strip():
            embedding = request.embed(request.text)
        if embedding is None:
            return None
        check_query_vector(embedding.vector, self.dims)
        return prepare(embedding)

    def _neighbours(self, prepared: PreparedEmbedding) -> list[tuple[StoredDoc, float]]:
        """As Elasticsearch: the nearest by cosine (per language when centred), scored, the
        floor applied, best first; once per search."""
        if id(prepared) not in self._near:
            self._near[id(prepared)] = self._nearest(prepared)
        return self._near[id(prepared)]

    def _nearest(self, prepared: PreparedEmbedding) -> list[tuple[StoredDoc, float]]:
        docs = [doc for _, group in self.groups for doc in group if doc.vector is not None]
        languages: Sequence[str | None] = LANGUAGES if prepared.centred else (None,)
        candidates: list[StoredDoc] = []
        for language in languages:
            pool = [doc for doc in docs if language is None or doc.source["language"] == language]
            pool.sort(key=lambda doc: (-_cosine(prepared, doc), *doc.key))
            candidates += pool[: candidates_per_language(prepared)]
        scored = [
            (doc, prepared.score(doc.vector or (), str(doc.source["language"])))
            for doc in candidates
        ]
        kept = [(doc, score) for doc, score in scored if score >= prepared.floor]
        return sorted(kept, key=lambda item: (-item[1], *item[0].key))


def _apply(rows: Iterable[tuple[StoredDoc, list[float | None]]], level: Level) -> Scored:
    return [
        (doc, score) for doc, scores in rows if (score := level_score(scores, level)) is not None
    ]


def _cosine(prepared: PreparedEmbedding, doc: StoredDoc) -> float:
    return sum(a * b for a, b in zip(prepared.query, doc.vector or (), strict=True))


def _response(
    request: SearchRequest,
    answer: Answer,
    relaxation: Any,
    suggestion: Suggestion | None,
    words: int | None,
) -> SearchResponse:
    return SearchResponse(
        total=answer.total,
        hits=answer.hits,
        facets=answer.facets,
        suggestion=suggestion,
        page=request.page,
        page_size=request.page_size,
        relaxation=relaxation,
        semantic=answer.semantic,
        all_words=words,
    )
