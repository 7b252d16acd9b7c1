"""How the Elasticsearch backend answers a search (see ``queries/relaxation.py``).

- Words only, enough found: one request (the query as typed with facets, highlights, the page).
- Little found: the term suggester's options for the words the index lacks; one multi-search
  counting every relaxed level and every suggested query; the level that answers.
- Semantic neighbours (hybrid search, or the last level): the nearest documents by k-NN (and,
  with centring, their cosine to their language's mean), then one multi-search for the word
  ranking, the neighbours under the filters, and the total and facets of both together; then
  the page's documents with highlights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Any

from elasticsearch import Elasticsearch
from elasticsearch.dsl import MultiSearch, Q, Search
from elasticsearch.dsl.response import Response

from search.analysis import Analysis
from search.backends.base import check_query_vector
from search.queries import elasticsearch as queries
from search.queries import elasticsearch_semantic as semantic_queries
from search.queries.hybrid import Ranked, fuse, lexical_window
from search.queries.marks import title_marks
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
from search.queries.semantic import PreparedEmbedding, prepare
from search.types import (
    KINDS,
    FacetValue,
    Hit,
    Kind,
    QueryEmbedding,
    SearchRequest,
    SearchResponse,
    Suggestion,
)

SearchOf = Callable[[Iterable[Kind]], Search[Any]]
Key = tuple[str, int]


@dataclass(frozen=True)
class Answer:
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]]
    lexical_total: int  # word matches under the filters
    semantic: bool  # semantic neighbours took part


@dataclass(frozen=True)
class Context:
    request: SearchRequest
    kinds: tuple[Kind, ...]
    query: TextQuery


class ElasticsearchSearch:
    def __init__(
        self,
        *,
        search_of: SearchOf,
        client: Elasticsearch,
        embedding_dims: int,
        guard: Callable[[], AbstractContextManager[None]],
        analysis: Analysis,
    ) -> None:
        self.analysis = analysis
        self._near: dict[int, list[Key]] = {}  # neighbours per prepared embedding, this search
        self.search_of = search_of
        self.client = client
        self.dims = embedding_dims
        self.guard = guard

    def run(self, request: SearchRequest) -> SearchResponse:
        context = Context(request, request.kinds or KINDS, TextQuery.parse(request.text))
        prepared = first = self._prepared(request) if request.semantic else None
        exact = exact_level(context.query)
        answer = self._answer(context, exact, prepared)
        if context.query.is_empty or answer.lexical_total >= LITTLE:
            words = None if context.query.is_empty else answer.lexical_total
            return _response(context, answer, "all", None, words)
        options = self._options(context)
        corrections = corrections_from(options)
        relaxed = relaxed_levels(context.query, corrections, relax=request.relax)
        candidates = suggestion_candidates(request.text, options)
        counts, found = self._counts(context, relaxed, corrections, candidates)
        counted = [(exact, answer.lexical_total), *zip(relaxed, counts, strict=True)]
        level = choose(counted)
        if level is None and prepared is None and request.relax:
            prepared = self._prepared(request)
        final = level or best_effort(counted)
        if final != exact or prepared is not first:
            answer = self._answer(context, final, prepared, corrections)
        relaxation = "semantic" if level is None and answer.total > answer.lexical_total else None
        best = best_suggestion(list(zip(candidates, found, strict=True)), counted[0][1])
        suggestion = Suggestion(*best) if best else None
        return _response(
            context, answer, relaxation or final.relaxation, suggestion, all_words(counted)
        )

    # --- the query embedding ---------------------------------------------------------------
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

    # --- requests --------------------------------------------------------------------------
    def _execute(self, searches: Sequence[Search[Any]]) -> list[Response[Any]]:
        with self.guard():
            if len(searches) == 1:
                return [searches[0].execute()]
            multi = MultiSearch(using=self.client)
            for search in searches:
                multi = multi.add(search)
            return list(multi.execute())

    def _options(self, context: Context) -> dict[str, list[str]]:
        """The term suggester's options for the words that match nothing: one request."""
        search = queries.term_hits(self.search_of(context.kinds), context.query)
        search = queries.add_suggestion(search, context.request.text)
        response = self._execute([search])[0]
        return unknown_words(
            context.query,
            queries.parse_suggestion_options(response),
            queries.parse_term_hits(response, context.query),
        )

    def _counts(
        self,
        context: Context,
        levels: tuple[Level, ...],
        corrections: Corrections,
        candidates: Sequence[str],
    ) -> tuple[list[int], list[int]]:
        """Hits of each relaxed level and of each suggested query: one multi-search."""
        searches = [self._count_search(context, text) for text in candidates]
        if levels:
            searches.insert(
                0,
                queries.level_counts(
                    self.search_of(context.kinds),
                    context.query,
                    levels,
                    context.request.filters,
                    corrections,
                ),
            )
        if not searches:
            return [], []
        responses = self._execute(searches)
        if not levels:
            return [], [_total(response) for response in responses]
        first, *rest = responses
        return queries.parse_level_counts(first, levels), [_total(r) for r in rest]

    def _count_search(self, context: Context, text: str) -> Search[Any]:
        """Documents with every word of ``text`` (exactly) under the request's filters."""
        query = TextQuery.parse(text)
        search = self.search_of(context.kinds).query(
            queries.level_query(query, exact_level(query), scored=False)
        )
        search = search.filter("bool", filter=queries.filter_clauses(context.request.filters))
        return search.extra(track_total_hits=True, size=0)

    def _answer(
        self,
        context: Context,
        level: Level,
        prepared: PreparedEmbedding | None,
        corrections: Corrections | None = None,
    ) -> Answer:
        if prepared is None:
            return self._lexical_answer(context, level, corrections)
        return self._hybrid_answer(context, level, prepared, corrections)

    def _lexical_answer(
        self, context: Context, level: Level, corrections: Corrections | None
    ) -> Answer:
        request, text = context.request, context.query
        clauses = level_clauses(text, level, corrections)
        query = queries.level_query(text, level, corrections)
        start = (request.page - 1) * request.page_size
        hits = queries.hits_search(
            self.search_of(context.kinds),
            query,
            request.filters,
            request.sort,
            browse=text.is_empty,
        )
        if not text.is_empty:
            hits = queries.add_highlight(hits, clauses)
        counts = queries.facets_search(
            self.search_of(context.kinds), query, request.filters, request.facets
        )
        found, counted = self._execute([hits[start : start + request.page_size], counts])
        total = _total(counted)
        marked = correction_words(corrections or {}) if level.corrected else ()
        return Answer(
            total=total,
            hits=tuple(self._marked(hit, text, marked) for hit in found.hits),
            facets=queries.parse_facets(counted, request.filters, request.facets),
            lexical_total=total,
            semantic=False,
        )

    def _marked(self, hit: Any, query: TextQuery, marked: tuple[str, ...]) -> Hit:
        """The hit, its title marked in Python before the text's fragments."""
        parsed = queries.parse_hit(hit)
        title = title_marks(self.analysis, parsed.title, query, marked)
        return replace(parsed, highlights=(*title, *parsed.highlights))

    def _hybrid_answer(
        self,
        context: Context,
        level: Level,
        prepared: PreparedEmbedding,
        corrections: Corrections | None,
    ) -> Answer:
        request = context.request
        neighbours = self._neighbours(context, prepared)
        lexical = (
            None
            if context.query.is_empty
            else queries.level_query(context.query, level, corrections)
        )
        clauses = level_clauses(context.query, level, corrections)
        marked = correction_words(corrections or {}) if level.corrected else ()
        kinds, filters = context.kinds, request.filters
        searches = [
            semantic_queries.union_search(
                self.search_of(kinds), lexical, neighbours, filters, request.facets
            ),
            semantic_queries.ranking_search(
                self.search_of(kinds),
                lexical if lexical is not None else Q("match_none"),
                filters,
                lexical_window(request),
            ),
            semantic_queries.ranking_search(
                self.search_of(kinds),
                semantic_queries.keys_filter(neighbours) if neighbours else Q("match_none"),
                filters,
                len(neighbours),
            ),
        ]
        union, words, near = self._execute(searches)
        passing = {_key(hit): hit.to_dict() for hit in near.hits}
        ranked = fuse(
            [Ranked(_key(hit), hit.to_dict()) for hit in words.hits],
            [Ranked(key, passing[key]) for key in neighbours if key in passing],
            request.sort,
            words_first=not request.semantic,
        )
        start = (request.page - 1) * request.page_size
        page = ranked[start : start + request.page_size]
        return Answer(
            total=_total(union),
            hits=self._page(context, [(c.key, score) for c, score in page], clauses, marked),
            facets=queries.parse_facets(union, filters, request.facets),
            lexical_total=_total(words),
            semantic=True,
        )

    def _neighbours(self, context: Context, prepared: PreparedEmbedding) -> list[Key]:
        """The semantic hits (before filters): nearest first, at or above the floor; asked
        once per search, whatever level the words answer at."""
        if id(prepared) not in self._near:
            self._near[id(prepared)] = self._nearest(context, prepared)
        return self._near[id(prepared)]

    def _nearest(self, context: Context, prepared: PreparedEmbedding) -> list[Key]:
        search = semantic_queries.candidates_search(self.search_of(context.kinds), prepared)
        found = semantic_queries.cosines(self._execute([search])[0])
        scored = [
            (prepared.similarity(cosine, language), key)
            for key, (cosine, language) in found.items()
        ]
        return [key for score, key in _best_first(scored) if score >= prepared.floor]

    def _page(
        self,
        context: Context,
        page: Sequence[tuple[Key, float]],
        clauses: Sequence[Clause],
        marked: tuple[str, ...],
    ) -> tuple[Hit, ...]:
        if not page:
            return ()
        search = semantic_queries.page_search(
            self.search_of(context.kinds), [key for key, _ in page]
        )
        if not context.query.is_empty:
            search = queries.add_highlight(search, clauses)
        found = [
            self._marked(hit, context.query, marked) for hit in self._execute([search])[0].hits
        ]
        hits = {(hit.kind, hit.id): hit for hit in found}
        return tuple(replace(hits[key], score=score) for key, score in page if key in hits)


def _best_first(scored: Iterable[tuple[float, Key]]) -> Iterator[tuple[float, Key]]:
    return iter(sorted(scored, key=lambda item: (-item[0], item[1])))


def _key(hit: Any) -> Key:
    return (str(hit.kind), int(hit.doc_id))


def _total(response: Response[Any]) -> int:
    return int(response.hits.total.value)  # type: ignore[attr-defined]


def _response(
    context: Context,
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
        page=context.request.page,
        page_size=context.request.page_size,
        relaxation=relaxation,
        semantic=answer.semantic,
        all_words=words,
    )
