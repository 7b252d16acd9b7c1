"""Elasticsearch requests for the semantic side of a search (see ``semantic.py``) and for the
union of word matches and semantic neighbours that hybrid search ranks.

Only core Elasticsearch is used (no scripts: the integration-test distribution has no painless):
the k-NN score gives each candidate's cosine to the (centred) query, and the similarity is
computed from it in Python (``semantic.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.document_base import InstrumentedField
from elasticsearch.dsl.query import Query
from elasticsearch.dsl.response import Response

from search.queries.elasticsearch import SORTS, add_facets, filter_clauses
from search.queries.semantic import PreparedEmbedding, candidates_per_language
from search.types import LANGUAGES

Key = tuple[str, int]
#: what the fusion needs of a candidate: its key and the fields the other sorts use
SORT_SOURCE: list[str | InstrumentedField] = [
    "kind",
    "doc_id",
    "language",
    "published_at",
    "deadline",
]


def keys_filter(keys: Iterable[Key]) -> Query:
    """Exactly these (kind, id) documents (ids repeat across kinds' indices)."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, doc_id in keys:
        by_kind[kind].append(doc_id)
    return Q(
        "bool",
        should=[
            Q("bool", filter=[Q("term", kind=kind), Q("terms", doc_id=sorted(ids))])
            for kind, ids in sorted(by_kind.items())
        ],
        minimum_should_match=1,
    )


def candidates_search(search: Search[Any], prepared: PreparedEmbedding) -> Search[Any]:
    """The nearest documents by cosine to the (centred) query; per document language when
    centred, since each language's documents sit around their own mean."""
    k = candidates_per_language(prepared)
    vector = [float(x) for x in prepared.query]
    languages: Sequence[str | None] = LANGUAGES if prepared.centred else (None,)
    for language in languages:
        options: dict[str, Any] = {"filter": Q("term", language=language)} if language else {}
        search = search.knn(
            "embedding", k=k, num_candidates=max(2 * k, 100), query_vector=vector, **options
        )
    return search.source(SORT_SOURCE)[: k * len(languages)]


def cosines(response: Response[Any]) -> dict[Key, tuple[float, str]]:
    """(kind, id) -> (cosine, language), from k-NN scores ``(1 + cos) / 2``."""
    return {
        (str(hit.kind), int(hit.doc_id)): (2.0 * float(hit.meta.score) - 1.0, str(hit.language))
        for hit in response.hits
    }


def ranking_search(
    search: Search[Any], query: Query, filters: Mapping[str, tuple[str, ...]], size: int
) -> Search[Any]:
    """The best ``size`` documents for ``query`` under the filters, lightly (keys only)."""
    search = search.query(query).post_filter(Q("bool", filter=filter_clauses(filters)))
    search = search.sort(*SORTS["relevance"]).source(SORT_SOURCE)
    return search.extra(track_total_hits=True, track_scores=True)[:size]


def union_search(
    search: Search[Any],
    lexical: Query | None,
    semantic: Iterable[Key],
    filters: Mapping[str, tuple[str, ...]],
    facets: Sequence[str],
) -> Search[Any]:
    """Total and facets over the word matches and the semantic hits together."""
    keys = list(semantic)
    parts = [part for part in (lexical, keys_filter(keys) if keys else None) if part is not None]
    query = Q("bool", should=parts, minimum_should_match=1) if parts else Q("match_none")
    search = search.query(query).post_filter(Q("bool", filter=filter_clauses(filters)))
    return add_facets(search, filters, facets).extra(track_total_hits=True, size=0)


def page_search(search: Search[Any], keys: Sequence[Key]) -> Search[Any]:
    """The page's documents, whole (highlights are added by the caller)."""
    return search.query(keys_filter(keys) if keys else Q("match_none"))[: len(keys)]
