"""Elasticsearch requests for the semantic side of a search (see ``semantic.py``) and for the
union of word matches and semantic neighbours that hybrid search ranks.

Only core Elasticsearch is used (no scripts: the integration-test distribution has no painless):
the k-NN score gives each candidate's cosine to the (centred) query, and the similarity is
computed from it in Python (``semantic.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from search.documents.catalogue import knn_candidates
from search.queries.elasticsearch import (
    MATCH_NONE,
    SORTS,
    Body,
    Raw,
    facet_aggregations,
    post_filter,
)
from search.queries.semantic import PreparedEmbedding, candidates_per_language
from search.types import LANGUAGES

Key = tuple[str, int]
#: what the fusion needs of a candidate: its key and the fields the other sorts use
SORT_SOURCE: list[str] = ["kind", "doc_id", "language", "published_at", "deadline"]


def keys_filter(keys: Iterable[Key]) -> Body:
    """Exactly these (kind, id) documents (ids repeat across kinds' indices)."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, doc_id in keys:
        by_kind[kind].append(doc_id)
    return {
        "bool": {
            "should": [
                {"bool": {"filter": [{"term": {"kind": kind}}, {"terms": {"doc_id": sorted(ids)}}]}}
                for kind, ids in sorted(by_kind.items())
            ],
            "minimum_should_match": 1,
        }
    }


def candidates_body(prepared: PreparedEmbedding) -> Body:
    """The nearest documents by cosine to the (centred) query; per document language when
    centred, since each language's documents sit around their own mean."""
    k = candidates_per_language(prepared)
    vector = [float(x) for x in prepared.query]
    languages: Sequence[str | None] = LANGUAGES if prepared.centred else (None,)
    searches: list[Body] = []
    for language in languages:
        options: Body = {"filter": {"term": {"language": language}}} if language else {}
        searches.append(
            {
                "field": "embedding",
                "k": k,
                "num_candidates": knn_candidates(k),
                "query_vector": vector,
                **options,
            }
        )
    return {
        "knn": searches[0] if len(searches) == 1 else searches,
        "_source": SORT_SOURCE,
        "size": k * len(languages),
    }


def cosines(response: Raw) -> dict[Key, tuple[float, str]]:
    """(kind, id) -> (cosine, language), from k-NN scores ``(1 + cos) / 2``."""
    found: dict[Key, tuple[float, str]] = {}
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        key = (str(source["kind"]), int(source["doc_id"]))
        found[key] = (2.0 * float(hit["_score"]) - 1.0, str(source["language"]))
    return found


def ranking_body(query: Body, filters: Mapping[str, tuple[str, ...]], size: int) -> Body:
    """The best ``size`` documents for ``query`` under the filters, lightly (keys only)."""
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "sort": SORTS["relevance"],
        "_source": SORT_SOURCE,
        "track_total_hits": True,
        "track_scores": True,
        "from": 0,
        "size": size,
    }


def union_body(
    lexical: Body | None,
    semantic: Iterable[Key],
    filters: Mapping[str, tuple[str, ...]],
    facets: Sequence[str],
) -> Body:
    """Total and facets over the word matches and the semantic hits together."""
    keys = list(semantic)
    parts = [part for part in (lexical, keys_filter(keys) if keys else None) if part is not None]
    query = {"bool": {"should": parts, "minimum_should_match": 1}} if parts else MATCH_NONE
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "aggs": facet_aggregations(filters, facets),
        "track_total_hits": True,
        "size": 0,
    }


def page_body(keys: Sequence[Key]) -> Body:
    """The page's documents, whole (highlights are added by the caller)."""
    return {"query": keys_filter(keys) if keys else MATCH_NONE, "from": 0, "size": len(keys)}
