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

from search.documents.catalogue import knn_candidates
from search.queries.elasticsearch import (
    MATCH_NONE,
    PAGE_BY_RELEVANCE,
    Body,
    Raw,
    facet_aggregations,
    post_filter,
)
from search.queries.semantic import PreparedEmbedding, candidates_per_language
from search.types import LANGUAGES

Key = tuple[str, int]
#: what the fusion needs of a candidate: its key and the fields the other sorts use, from doc
#: values, without a stored field: reading a hit's ``_id`` or source decompresses the stored
#: block it sits in, sources with their embeddings (5 ms for the 150 k-NN candidates at 100k
#: documents, 1 ms without; the k-NN itself 17 ms with, 8 without)
SORT_FIELDS: list[str] = ["kind", "doc_id", "language", "published_at", "deadline"]
LIGHT: Body = {"stored_fields": "_none_", "docvalue_fields": SORT_FIELDS}


def light_source(hit: Raw) -> dict[str, Any]:
    """A light hit's fields (``LIGHT``) as a source: each field's first value; dates as
    Elasticsearch formats them, compared only with each other."""
    return {name: values[0] for name, values in hit.get("fields", {}).items() if values}


def key_of(source: Mapping[str, Any]) -> Key:
    return (str(source["kind"]), int(source["doc_id"]))


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
        **LIGHT,
        "size": k * len(languages),
    }


def cosines(response: Raw) -> dict[Key, tuple[float, str]]:
    """(kind, id) -> (cosine, language), from k-NN scores ``(1 + cos) / 2``."""
    found: dict[Key, tuple[float, str]] = {}
    for hit in response["hits"]["hits"]:
        source = light_source(hit)
        found[key_of(source)] = (2.0 * float(hit["_score"]) - 1.0, str(source["language"]))
    return found


def ranking_body(query: Body, filters: Mapping[str, tuple[str, ...]], size: int) -> Body:
    """The best ``size`` documents for ``query`` under the filters, lightly (keys only), by
    score alone (equal scores in the index's order; not counted: ``union_body`` counts)."""
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "sort": PAGE_BY_RELEVANCE,
        **LIGHT,
        "track_total_hits": False,
        "from": 0,
        "size": size,
    }


def passing_body(keys: Sequence[Key], filters: Mapping[str, tuple[str, ...]]) -> Body:
    """Which of these documents pass the filters, with what the sorts read (unordered)."""
    return {
        "query": {"bool": {"filter": [keys_filter(keys), post_filter(filters)]}},
        "sort": ["_doc"],
        **LIGHT,
        "track_total_hits": False,
        "from": 0,
        "size": len(keys),
    }


WORDS = "words"


def union_body(
    lexical: Body | None,
    semantic: Iterable[Key],
    filters: Mapping[str, tuple[str, ...]],
    facets: Sequence[str],
) -> Body:
    """Total and facets over the word matches and the semantic hits together, and how many
    of them are word matches (``WORDS``), all under the filters."""
    keys = list(semantic)
    parts = [part for part in (lexical, keys_filter(keys) if keys else None) if part is not None]
    query = {"bool": {"should": parts, "minimum_should_match": 1}} if parts else MATCH_NONE
    aggregations = facet_aggregations(filters, facets)
    if lexical is not None:
        words = {"bool": {"filter": [lexical, post_filter(filters)]}}
        aggregations = {**aggregations, WORDS: {"filter": words}}
    return {
        "query": query,
        "post_filter": post_filter(filters),
        "aggs": aggregations,
        "track_total_hits": True,
        "size": 0,
    }


def words_total(response: Raw) -> int:
    """The word matches of a ``union_body`` (none without words)."""
    bucket = response.get("aggregations", {}).get(WORDS)
    return int(bucket["doc_count"]) if bucket else 0


def page_body(keys: Sequence[Key]) -> Body:
    """The page's documents, whole (highlights are added by the caller)."""
    return {"query": keys_filter(keys) if keys else MATCH_NONE, "from": 0, "size": len(keys)}
