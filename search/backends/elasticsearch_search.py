"""How the Elasticsearch backend answers a search (see ``queries/relaxation.py``).

- Words only, enough found: one multi-search of two requests run side by side: the page (by
  score alone for relevance), and the total with the facets (size 0, request-cached).
- Little found: the term suggester's options for the words the index lacks; one multi-search
  counting every relaxed level and every suggested query; the level that answers.
- Semantic neighbours (hybrid search, or the last level): the nearest documents by k-NN (and,
  with centring, their cosine to their language's mean), then one multi-search for the word
  ranking, the neighbours under the filters, and the total and facets of both together; then
  the page's documents.

Titles and texts are marked in Python (``queries/marks.py``), as the embedded backend marks
them. Requests are plain bodies (``queries/elasticsearch.py``), responses read as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Any

from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import MultiSearch, Search

from search.analysis import Analysis
from search.backends.base import UNAVAILABLE_STATUSES, SearchUnavailable, check_query_vector
from search.queries import elasticsearch as queries
from search.queries import elasticsearch_semantic as semantic_queries
from search.queries.elasticsearch_semantic import key_of, light_source
from search.queries.hybrid import Ranked, fuse, lexical_window
from search.queries.marks import HitMarks
from search.queries.plan import TextQuery
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
Body = queries.Body
Raw = queries.Raw
#: one search of a multi-search: its header (indices, parameters) and its body
Request = tuple[Body, Body]


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
        self._targets: dict[tuple[Kind, ...], Request] = {}
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
    def _request(self, kinds: tuple[Kind, ...], body: Body, **header: Any) -> Request:
        """A search over the kinds' indices: the backend's header and base body (its source
        filter and parameters, taken once per kinds), with ``body`` and ``header`` on top."""
        if kinds not in self._targets:
            base_header, base_body = MultiSearch().add(self.search_of(kinds)).to_dict()
            self._targets[kinds] = (base_header, base_body)
        base_header, base_body = self._targets[kinds]
        merged = {**base_body, **body}
        if body.get("stored_fields") == "_none_":  # a light request: no source at all
            merged.pop("_source", None)
        return {**base_header, **header}, merged

    def _execute(self, requests: Sequence[Request]) -> list[Raw]:
        """One multi-search; its responses in order (a failed search raises, as one alone)."""
        lines = [part for request in requests for part in request]
        with self.guard():
            found = self.client.msearch(searches=lines)
            responses: list[Raw] = found["responses"]
            for response in responses:
                if not response.get("error"):
                    continue
                # Right after a restart no shard may be ready yet (each search fails, 503):
                # unavailable for now, as a whole request refused with 503 would be.
                if int(response.get("status", 500)) in UNAVAILABLE_STATUSES:
                    raise SearchUnavailable(str(response["error"]))
                raise ApiError("N/A", meta=found.meta, body=response)
        return responses

    def _options(self, context: Context) -> dict[str, list[str]]:
        """The term suggester's options for the words that match nothing: one request."""
        body = {
            **queries.term_hits(context.query),
            "suggest": queries.suggestion(context.request.text),
        }
        response = self._execute([self._request(context.kinds, body)])[0]
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
        filters = context.request.filters
        bodies = [queries.count_body(TextQuery.parse(text), filters) for text in candidates]
        if levels:
            bodies.insert(0, queries.level_counts(context.query, levels, filters, corrections))
        if not bodies:
            return [], []
        responses = self._execute([self._request(context.kinds, body) for body in bodies])
        if not levels:
            return [], [queries.total(response) for response in responses]
        first, *rest = responses
        return queries.parse_level_counts(first, levels), [queries.total(r) for r in rest]

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
        query = queries.level_query(text, level, corrections)
        hits = queries.hits_body(
            query,
            request.filters,
            request.sort,
            start=(request.page - 1) * request.page_size,
            size=request.page_size,
            browse=text.is_empty,
        )
        counts = queries.facets_body(query, request.filters, request.facets)
        found, counted = self._execute(
            [
                self._request(context.kinds, hits),
                self._request(context.kinds, counts, request_cache=True),
            ]
        )
        total = queries.total(counted)
        marked = correction_words(corrections or {}) if level.corrected else ()
        return Answer(
            total=total,
            hits=self._marked(found["hits"]["hits"], text, marked),
            facets=queries.parse_facets(counted, request.filters, request.facets),
            lexical_total=total,
            semantic=False,
        )

    def _marked(
        self, hits: Iterable[Raw], query: TextQuery, marked: tuple[str, ...]
    ) -> tuple[Hit, ...]:
        """The hits with their titles and texts marked (``marks.HitMarks``)."""
        marks = None if query.is_empty else HitMarks(self.analysis, query, marked).of
        return tuple(queries.parse_hit(hit, marks) for hit in hits)

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
        marked = correction_words(corrections or {}) if level.corrected else ()
        filters = request.filters
        bodies = [
            semantic_queries.union_body(lexical, neighbours, filters, request.facets),
            semantic_queries.ranking_body(
                lexical if lexical is not None else queries.MATCH_NONE,
                filters,
                lexical_window(request),
            ),
        ]
        if neighbours:
            bodies.append(semantic_queries.passing_body(neighbours, filters))
        union, words, *near = self._execute([self._request(context.kinds, body) for body in bodies])
        passing = {
            key_of(source): source
            for found in near
            for source in map(light_source, found["hits"]["hits"])
        }
        ranked = fuse(
            [Ranked(key_of(source), source) for source in map(light_source, words["hits"]["hits"])],
            [Ranked(key, passing[key]) for key in neighbours if key in passing],
            request.sort,
            words_first=not request.semantic,
        )
        start = (request.page - 1) * request.page_size
        page = ranked[start : start + request.page_size]
        return Answer(
            total=queries.total(union),
            hits=self._page(context, [(c.key, score) for c, score in page], marked),
            facets=queries.parse_facets(union, filters, request.facets),
            lexical_total=semantic_queries.words_total(union),
            semantic=True,
        )

    def _neighbours(self, context: Context, prepared: PreparedEmbedding) -> list[Key]:
        """The semantic hits (before filters): nearest first, at or above the floor; asked
        once per search, whatever level the words answer at."""
        if id(prepared) not in self._near:
            self._near[id(prepared)] = self._nearest(context, prepared)
        return self._near[id(prepared)]

    def _nearest(self, context: Context, prepared: PreparedEmbedding) -> list[Key]:
        body = semantic_queries.candidates_body(prepared)
        found = semantic_queries.cosines(self._execute([self._request(context.kinds, body)])[0])
        scored = [
            (prepared.similarity(cosine, language), key)
            for key, (cosine, language) in found.items()
        ]
        return [key for score, key in _best_first(scored) if score >= prepared.floor]

    def _page(
        self,
        context: Context,
        page: Sequence[tuple[Key, float]],
        marked: tuple[str, ...],
    ) -> tuple[Hit, ...]:
        if not page:
            return ()
        body = semantic_queries.page_body([key for key, _ in page])
        response = self._execute([self._request(context.kinds, body)])[0]
        found = self._marked(response["hits"]["hits"], context.query, marked)
        hits = {(hit.kind, hit.id): hit for hit in found}
        return tuple(replace(hits[key], score=score) for key, score in page if key in hits)


def _best_first(scored: Iterable[tuple[float, Key]]) -> Iterator[tuple[float, Key]]:
    return iter(sorted(scored, key=lambda item: (-item[0], item[1])))


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
