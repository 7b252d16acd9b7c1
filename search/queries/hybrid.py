"""Hybrid search: BM25 and k-NN fused by reciprocal rank fusion, in Python for both backends.

Elasticsearch's ``rrf`` retriever needs a paid licence and is absent from the test distribution.
The fused list holds at most ``HYBRID_CANDIDATES`` from each side; ``total`` is its length, facets
come from the lexical side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from search.backends.base import RRF_K
from search.queries.plan import reciprocal_rank_fusion
from search.types import Hit, SearchRequest, SortOrder

_LAST = "~"  # sorts after every ISO date


def sort_key(source: Mapping[str, Any], sort: SortOrder) -> tuple[Any, ...]:
    """Order of ``newest``/``deadline`` with the same tie breakers as the Elasticsearch sort."""
    tie = (str(source["kind"]), int(source["doc_id"]))
    if sort == "deadline":
        return (source.get("deadline") or _LAST, *tie)
    published = source.get("published_at")
    return (published is None, _invert(published or ""), *tie)


def _invert(iso: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in iso)


def fuse(
    request: SearchRequest, lexical: Sequence[Hit], semantic: Sequence[Hit]
) -> tuple[int, tuple[Hit, ...]]:
    """(total, page of hits) of the fused ranking; lexical hits keep their highlights."""
    by_key: dict[tuple[str, int], Hit] = {(hit.kind, hit.id): hit for hit in semantic}
    by_key.update({(hit.kind, hit.id): hit for hit in lexical})
    rankings = [[(hit.kind, hit.id) for hit in semantic]]
    if request.text.strip():
        rankings.insert(0, [(hit.kind, hit.id) for hit in lexical])
    fused = [
        replace(by_key[key], score=score) for key, score in reciprocal_rank_fusion(rankings, RRF_K)
    ]
    if request.sort != "relevance":
        fused.sort(key=lambda hit: sort_key(hit.source, request.sort))
    start = (request.page - 1) * request.page_size
    return len(fused), tuple(fused[start : start + request.page_size])
