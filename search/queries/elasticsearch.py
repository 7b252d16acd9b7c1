"""A :class:`SearchRequest` as Elasticsearch request bodies (see ``plan.py``).

The bodies are plain, JSON-ready dicts, not ``elasticsearch.dsl`` objects: a search's query has
hundreds of clauses (every word in a dozen fields, with its stems, parts and synonyms), and
building, cloning and serialising them as dsl objects took more Python time per search than
Elasticsearch took to answer it. A clause's body is built once per process (clauses are
frozen values; the cached bodies are shared, never modified). ``text_query`` and
``filter_clauses`` stay dsl queries for the backend's own requests (k-NN, BM25).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from elasticsearch.dsl import Q
from elasticsearch.dsl.query import Query

from search.documents.catalogue import FILTER_FIELDS, public_source
from search.queries.plan import (
    FACET_SIZE,
    AllOf,
    Clause,
    Match,
    TextQuery,
)
from search.queries.relaxation import (
    SUGGESTION_MAX_EDITS,
    SUGGESTION_MIN_LENGTH,
    SUGGESTION_OPTIONS_ASKED,
    TIER,
    Corrections,
    Level,
    exact_level,
    level_clauses,
)
from search.types import FacetValue, Hit, SortOrder

Body = dict[str, Any]
#: a raw response of one search (an item of a multi-search's ``responses``)
Raw = Mapping[str, Any]

TIE_BREAKERS: list[Any] = [{"kind": {"order": "asc"}}, {"doc_id": {"order": "asc"}}]
#: the other sorts, ties by kind and id
SORTS: dict[str, list[Any]] = {
    "newest": [{"published_at": {"order": "desc", "missing": "_last"}}, *TIE_BREAKERS],
    "deadline": [{"deadline": {"order": "asc", "missing": "_last"}}, *TIE_BREAKERS],
}
#: a page by relevance: the score alone, so Lucene can skip documents that cannot reach the
#: page (block-max WAND) instead of scoring every match to order ties by kind and id; equal
#: scores keep the index's order, the same from one page to the next while it is unchanged
PAGE_BY_RELEVANCE: list[Any] = [{"_score": {"order": "desc"}}]
SUGGESTION_NAME = "did_you_mean"
MATCH_ALL: Body = {"match_all": {}}
MATCH_NONE: Body = {"match_none": {}}
CLAUSE_CACHE = 50_000


@lru_cache(maxsize=CLAUSE_CACHE)
def clause_body(clause: Clause) -> Body:
    """A plan clause (``plan.Match``/``AnyOf``/``AllOf``) as an Elasticsearch query."""
    if isinstance(clause, Match):
        options: Body = {"query": clause.word, "boost": clause.boost}
        if clause.fuzzy:
            options.update(fuzziness="AUTO", prefix_length=0, max_expansions=50)
        return {"match": {clause.field: options}}
    children = [clause_body(child) for child in clause.clauses]
    boost = {} if clause.boost == 1.0 else {"boost": clause.boost}
    if isinstance(clause, AllOf):
        return {"bool": {"must": children, **boost}}
    return {"bool": {"should": children, "minimum_should_match": 1, **boost}}


def text_query(query: TextQuery) -> Query:
    """The query's terms (all, or any with ``require_all=False``) as a dsl query."""
    if query.is_empty:
        return Q(MATCH_ALL)
    per_token = [clause_body(clause) for clause in query.clauses]
    if query.require_all:
        return Q({"bool": {"must": per_token}})
    return Q({"bool": {"should": per_token, "minimum_should_match": 1}})


def level_query(
    query: TextQuery,
    level: Level,
    corrections: Corrections | None = None,
    *,
    scored: bool = True,
) -> Body:
    """The query at a relaxation level: ``level.required`` of its terms must match; a tiered
    level adds ``TIER`` per matched term (``scored=False``: for counting, no tiers)."""
    if query.is_empty:
        return MATCH_ALL
    per_term = [clause_body(clause) for clause in level_clauses(query, level, corrections)]
    if level.tiered and scored:
        per_term = [
            {
                "function_score": {
                    "query": term,
                    "functions": [{"weight": TIER}],
                    "boost_mode": "sum",
                }
            }
            for term in per_term
        ]
    if level.required >= len(per_term):
        return {"bool": {"must": per_term}}
    return {"bool": {"should": per_term, "minimum_should_match": level.required}}


def filter_bodies(filters: Mapping[str, tuple[str, ...]], *, skip: str = "") -> list[Body]:
    return [
        {"terms": {FILTER_FIELDS[key]: list(values)}}
        for key, values in sorted(filters.items())
        if key != skip and values
    ]


def filter_clauses(filters: Mapping[str, tuple[str, ...]], *, skip: str = "") -> list[Query]:
    """The filters as dsl queries (the backend's k-NN and BM25 requests)."""
    return [Q(body) for body in filter_bodies(filters, skip=skip)]


def facet_aggregations(filters: Mapping[str, tuple[str, ...]], keys: Sequence[str]) -> Body:
    """Disjunctive facets: each facet counts under every filter but its own (a facet without
    other filters counts at the top: no filter aggregation around it)."""
    aggregations: Body = {}
    for key in keys:
        terms = {
            "terms": {
                "field": FILTER_FIELDS[key],
                "size": FACET_SIZE,
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
        }
        others = filter_bodies(filters, skip=key)
        aggregations[key] = (
            {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}} if others else terms
        )
    return aggregations


def suggestion(text: str) -> Body:
    """Term suggester over every word of title and text (the ``spell`` field): options for the
    words the index lacks (see ``relaxation.suggestion_candidates``)."""
    return {
        SUGGESTION_NAME: {
            "text": text,
            "term": {
                "field": "spell",
                "suggest_mode": "missing",
                "sort": "score",
                "max_edits": SUGGESTION_MAX_EDITS,
                "prefix_length": 1,
                "min_word_length": SUGGESTION_MIN_LENGTH,
                "size": SUGGESTION_OPTIONS_ASKED,
            },
        }
    }


def post_filter(filters: Mapping[str, tuple[str, ...]]) -> Body:
    return {"bool": {"filter": filter_bodies(filters)}}


def hits_body(
    query: Body,
    filters: Mapping[str, tuple[str, ...]],
    sort: SortOrder,
    *,
    start: int,
    size: int,
    browse: bool = False,
) -> Body:
    """The hits under every filter, sorted; not counted (see ``facets_body``). ``browse``:
    no text, so relevance means newest first."""
    effective_sort = "newest" if sort == "relevance" and browse else sort
    by_score = effective_sort == "relevance"
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "sort": PAGE_BY_RELEVANCE if by_score else SORTS[effective_sort],
        "track_total_hits": False,
        **({} if by_score else {"track_scores": True}),
        "from": start,
        "size": size,
    }


def facets_body(query: Body, filters: Mapping[str, tuple[str, ...]], keys: Sequence[str]) -> Body:
    """The total under every filter and the facets (disjunctive). A request of its own, sent
    with the hits' in one multi-search: Elasticsearch runs them side by side, and keeps the
    answer in its request cache (``request_cache`` in its header), so the next page of the
    same search does not count again."""
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "aggs": facet_aggregations(filters, keys),
        "track_total_hits": True,
        "size": 0,
    }


def level_counts(
    query: TextQuery,
    levels: tuple[Level, ...],
    filters: Mapping[str, tuple[str, ...]],
    corrections: Corrections,
) -> Body:
    """How many documents each level finds under the filters, in one request: the loosest
    level is the query (its total), the others filter aggregations inside it."""
    loosest = level_query(query, levels[-1], corrections, scored=False)
    return {
        "query": {"bool": {"must": [loosest], "filter": [post_filter(filters)]}},
        "aggs": {
            f"level{number}": {"filter": level_query(query, level, corrections, scored=False)}
            for number, level in enumerate(levels[:-1])
        },
        "track_total_hits": True,
        "size": 0,
    }


def count_body(query: TextQuery, filters: Mapping[str, tuple[str, ...]]) -> Body:
    """Documents with every word of ``query`` (exactly) under the filters."""
    exact = level_query(query, exact_level(query), scored=False)
    return {
        "query": {"bool": {"must": [exact], "filter": [post_filter(filters)]}},
        "track_total_hits": True,
        "size": 0,
    }


def term_hits(query: TextQuery) -> Body:
    """How many documents each term matches as typed (whatever the filters)."""
    clauses = level_clauses(query, exact_level(query))
    return {
        "aggs": {f"term{n}": {"filter": clause_body(clause)} for n, clause in enumerate(clauses)},
        "size": 0,
    }


def parse_term_hits(response: Raw, query: TextQuery) -> list[int]:
    """(No index yet: no aggregations, nothing matches.)"""
    return [_bucket_count(response, f"term{n}") for n in range(len(query.terms))]


def _bucket_count(response: Raw, name: str) -> int:
    bucket = response.get("aggregations", {}).get(name)
    return int(bucket["doc_count"]) if bucket else 0


def total(response: Raw) -> int:
    return int(response["hits"]["total"]["value"])


def parse_level_counts(response: Raw, levels: tuple[Level, ...]) -> list[int]:
    counts = [_bucket_count(response, f"level{n}") for n in range(len(levels) - 1)]
    return [*counts, total(response)]


def parse_hit(hit: Raw, marks: Callable[[str, str], Sequence[str]] | None = None) -> Hit:
    """A hit; ``marks``: its highlights from its title and text (``marks.HitMarks.of``)."""
    source = public_source(hit["_source"])
    title = str(source["title"])
    return Hit(
        kind=source["kind"],
        id=int(source["doc_id"]),
        score=float(hit.get("_score") or 0.0),
        title=title,
        highlights=tuple(marks(title, str(source.get("text") or ""))) if marks else (),
        source=source,
    )


def parse_facets(
    response: Raw, filters: Mapping[str, tuple[str, ...]], keys: Sequence[str]
) -> dict[str, tuple[FacetValue, ...]]:
    aggregations = response.get("aggregations", {})
    if not all(key in aggregations for key in keys):  # no index yet
        return {key: () for key in keys}
    facets = {}
    for key in keys:
        counted = aggregations[key]
        terms = counted["values"] if filter_bodies(filters, skip=key) else counted
        facets[key] = tuple(
            FacetValue(str(bucket["key"]), int(bucket["doc_count"])) for bucket in terms["buckets"]
        )
    return facets


def parse_suggestion_options(response: Raw) -> dict[str, list[str]]:
    """Misspelt word -> the index's words close to it."""
    entries = response.get("suggest", {}).get(SUGGESTION_NAME, ())
    return {
        str(entry["text"]): [str(option["text"]) for option in entry["options"]]
        for entry in entries
        if entry["options"]
    }
