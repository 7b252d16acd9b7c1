"""Translate a :class:`SearchRequest` into an ``elasticsearch.dsl`` Search (see ``plan.py``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query
from elasticsearch.dsl.response import Response

from search.documents.catalogue import FILTER_FIELDS, public_source
from search.queries.plan import (
    FACET_SIZE,
    HIGHLIGHT_FRAGMENT_SIZE,
    HIGHLIGHT_FRAGMENTS,
    POST_TAG,
    PRE_TAG,
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

TIE_BREAKERS: list[Any] = [{"kind": {"order": "asc"}}, {"doc_id": {"order": "asc"}}]
SORTS: dict[str, list[Any]] = {
    "relevance": [{"_score": {"order": "desc"}}, *TIE_BREAKERS],
    "newest": [{"published_at": {"order": "desc", "missing": "_last"}}, *TIE_BREAKERS],
    "deadline": [{"deadline": {"order": "asc", "missing": "_last"}}, *TIE_BREAKERS],
}
SUGGESTION_NAME = "did_you_mean"
#: the text field and its analyses, marked together (``matched_fields``)
TEXT_ANALYSES = ("text", "text.nb", "text.nn", "text.en")


def clause_query(clause: Clause) -> Query:
    """A plan clause (``plan.Match``/``AnyOf``/``AllOf``) as an Elasticsearch query."""
    if isinstance(clause, Match):
        options: dict[str, Any] = {"query": clause.word, "boost": clause.boost}
        if clause.fuzzy:
            options.update(fuzziness="AUTO", prefix_length=0, max_expansions=50)
        return Q("match", **{clause.field: options})
    children = [clause_query(child) for child in clause.clauses]
    boost = {} if clause.boost == 1.0 else {"boost": clause.boost}
    if isinstance(clause, AllOf):
        return Q("bool", must=children, **boost)
    return Q("bool", should=children, minimum_should_match=1, **boost)


def text_query(query: TextQuery) -> Query:
    if query.is_empty:
        return Q("match_all")
    per_token = [clause_query(clause) for clause in query.clauses]
    if query.require_all:
        return Q("bool", must=per_token)
    return Q("bool", should=per_token, minimum_should_match=1)


def level_query(
    query: TextQuery,
    level: Level,
    corrections: Corrections | None = None,
    *,
    scored: bool = True,
) -> Query:
    """The query at a relaxation level: ``level.required`` of its terms must match; a tiered
    level adds ``TIER`` per matched term (``scored=False``: for counting, no tiers)."""
    if query.is_empty:
        return Q("match_all")
    per_term = [clause_query(clause) for clause in level_clauses(query, level, corrections)]
    if level.tiered and scored:
        per_term = [
            Q("function_score", query=term, functions=[{"weight": TIER}], boost_mode="sum")
            for term in per_term
        ]
    if level.required >= len(per_term):
        return Q("bool", must=per_term)
    return Q("bool", should=per_term, minimum_should_match=level.required)


def filter_clauses(filters: Mapping[str, tuple[str, ...]], *, skip: str = "") -> list[Query]:
    return [
        Q("terms", **{FILTER_FIELDS[key]: list(values)})
        for key, values in sorted(filters.items())
        if key != skip and values
    ]


def add_facets(
    search: Search[Any], filters: Mapping[str, tuple[str, ...]], keys: Sequence[str]
) -> Search[Any]:
    """Disjunctive facets: each facet counts under every filter but its own (a facet without
    other filters counts at the top: no filter aggregation around it)."""
    for key in keys:
        terms = {
            "field": FILTER_FIELDS[key],
            "size": FACET_SIZE,
            "order": [{"_count": "desc"}, {"_key": "asc"}],
        }
        others = filter_clauses(filters, skip=key)
        if others:
            bucket = search.aggs.bucket(key, "filter", filter=Q("bool", filter=others))
            bucket.bucket("values", "terms", **terms)
        else:
            search.aggs.bucket(key, "terms", **terms)
    return search


def add_highlight(search: Search[Any], clauses: Sequence[Clause]) -> Search[Any]:
    """Fragments of ``text`` with the query's words marked, from the offsets stored in the
    postings (``index_options: offsets``): nothing is re-analysed at query time. The
    highlighter looks every (field, word) of its query up in every hit, so it gets only the
    words on the text's fields, flat. Titles are short: they are marked in Python (see
    ``queries/marks.py``), as the embedded backend marks them."""
    pairs = dict.fromkeys(
        (match.field, match.word)
        for clause in clauses
        for match in _matches(clause)
        if match.field in TEXT_ANALYSES
    )
    query = Q("bool", should=[Q("match", **{field: word}) for field, word in pairs])
    search = search.highlight_options(
        type="unified",
        encoder="html",
        pre_tags=[PRE_TAG],
        post_tags=[POST_TAG],
        highlight_query=query.to_dict() if pairs else Q("match_none").to_dict(),
    )
    return search.highlight(
        "text",
        matched_fields=list(TEXT_ANALYSES[1:]),
        number_of_fragments=HIGHLIGHT_FRAGMENTS,
        fragment_size=HIGHLIGHT_FRAGMENT_SIZE,
    )


def _matches(clause: Clause) -> Iterator[Match]:
    if isinstance(clause, Match):
        yield clause
    else:
        for child in clause.clauses:
            yield from _matches(child)


def add_suggestion(search: Search[Any], text: str) -> Search[Any]:
    """Term suggester over every word of title and text (the ``spell`` field): options for the
    words the index lacks (see ``relaxation.suggestion_candidates``)."""
    return search.suggest(
        SUGGESTION_NAME,
        text,
        term={
            "field": "spell",
            "suggest_mode": "missing",
            "sort": "score",
            "max_edits": SUGGESTION_MAX_EDITS,
            "prefix_length": 1,
            "min_word_length": SUGGESTION_MIN_LENGTH,
            "size": SUGGESTION_OPTIONS_ASKED,
        },
    )


def hits_search(
    search: Search[Any],
    query: Query,
    filters: Mapping[str, tuple[str, ...]],
    sort: SortOrder,
    *,
    browse: bool = False,
) -> Search[Any]:
    """The hits under every filter, sorted; not counted (see ``facets_search``). ``browse``:
    no text, so relevance means newest first."""
    search = search.query(query).post_filter(Q("bool", filter=filter_clauses(filters)))
    effective_sort = "newest" if sort == "relevance" and browse else sort
    return search.sort(*SORTS[effective_sort]).extra(track_total_hits=False, track_scores=True)


def facets_search(
    search: Search[Any],
    query: Query,
    filters: Mapping[str, tuple[str, ...]],
    keys: Sequence[str],
) -> Search[Any]:
    """The total under every filter and the facets (disjunctive). A request of its own, sent
    with the hits' in one multi-search: Elasticsearch runs them side by side, and keeps the
    answer in its request cache, so the next page of the same search does not count again."""
    search = search.query(query).post_filter(Q("bool", filter=filter_clauses(filters)))
    search = add_facets(search, filters, keys).params(request_cache=True)
    return search.extra(track_total_hits=True, size=0)


def level_counts(
    search: Search[Any],
    query: TextQuery,
    levels: tuple[Level, ...],
    filters: Mapping[str, tuple[str, ...]],
    corrections: Corrections,
) -> Search[Any]:
    """How many documents each level finds under the filters, in one request: the loosest
    level is the query (its total), the others filter aggregations inside it."""
    search = search.query(level_query(query, levels[-1], corrections, scored=False))
    search = search.filter("bool", filter=filter_clauses(filters))
    for number, level in enumerate(levels[:-1]):
        search.aggs.bucket(
            f"level{number}",
            "filter",
            filter=level_query(query, level, corrections, scored=False),
        )
    return search.extra(track_total_hits=True, size=0)


def term_hits(search: Search[Any], query: TextQuery) -> Search[Any]:
    """How many documents each term matches as typed (whatever the filters)."""
    for number, clause in enumerate(level_clauses(query, exact_level(query))):
        search.aggs.bucket(f"term{number}", "filter", filter=clause_query(clause))
    return search.extra(size=0)


def parse_term_hits(response: Response[Any], query: TextQuery) -> list[int]:
    """(No index yet: no aggregations, nothing matches.)"""
    return [_bucket_count(response, f"term{n}") for n in range(len(query.terms))]


def _bucket_count(response: Response[Any], name: str) -> int:
    aggregations = response.aggregations
    return int(aggregations[name].doc_count) if name in aggregations else 0


def parse_level_counts(response: Response[Any], levels: tuple[Level, ...]) -> list[int]:
    total = int(response.hits.total.value)  # type: ignore[attr-defined]
    return [_bucket_count(response, f"level{n}") for n in range(len(levels) - 1)] + [total]


def parse_hit(hit: Any) -> Hit:
    source = public_source(hit.to_dict())
    highlight = getattr(hit.meta, "highlight", None)
    fragments: list[str] = []
    for field in ("title", "text"):
        fragments.extend(highlight[field] if highlight and field in highlight else [])
    return Hit(
        kind=source["kind"],
        id=int(source["doc_id"]),
        score=float(hit.meta.score or 0.0),
        title=str(source["title"]),
        highlights=tuple(fragments),
        source=source,
    )


def parse_facets(
    response: Response[Any], filters: Mapping[str, tuple[str, ...]], keys: Sequence[str]
) -> dict[str, tuple[FacetValue, ...]]:
    aggregations = response.aggregations
    if not all(key in aggregations for key in keys):  # no index yet
        return {key: () for key in keys}
    facets = {}
    for key in keys:
        counted = aggregations[key]
        terms = counted["values"] if filter_clauses(filters, skip=key) else counted
        facets[key] = tuple(
            FacetValue(str(bucket.key), int(bucket.doc_count)) for bucket in terms["buckets"]
        )
    return facets


def parse_suggestion_options(response: Response[Any]) -> dict[str, list[str]]:
    """Misspelt word -> the index's words close to it."""
    if "suggest" not in response:
        return {}
    return {
        str(entry.text): [str(option.text) for option in entry.options]
        for entry in response.suggest[SUGGESTION_NAME]
        if entry.options
    }
