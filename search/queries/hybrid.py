"""Hybrid search: word matches and semantic neighbours fused by reciprocal rank fusion, in
Python for both backends.

Elasticsearch's ``rrf`` retriever needs a paid licence and is absent from the test distribution.
The fused list holds the best ``max(HYBRID_CANDIDATES, page end)`` word matches and every semantic
hit (``semantic.py``: the nearest documents above the floor); facets and the total count both
sides together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from search.backends.base import HYBRID_CANDIDATES, RRF_K
from search.queries.plan import reciprocal_rank_fusion
from search.types import SearchRequest, SortOrder

_LAST = "~"  # sorts after every ISO date


@dataclass(frozen=True)
class Ranked:
    """A candidate of the fusion: its (kind, id) and what the other sorts read."""

    key: tuple[str, int]
    source: Mapping[str, Any]


def sort_key(source: Mapping[str, Any], sort: SortOrder) -> tuple[Any, ...]:
    """Order of ``newest``/``deadline`` with the same tie breakers as the Elasticsearch sort."""
    tie = (str(source["kind"]), int(source["doc_id"]))
    if sort == "deadline":
        return (source.get("deadline") or _LAST, *tie)
    published = source.get("published_at")
    return (published is None, _invert(published or ""), *tie)


def _invert(iso: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in iso)


def lexical_window(request: SearchRequest) -> int:
    """How many word matches take part: enough for the page asked for."""
    return max(HYBRID_CANDIDATES, request.page * request.page_size)


def fuse(
    lexical: Sequence[Ranked],
    semantic: Sequence[Ranked],
    sort: SortOrder,
    *,
    words_first: bool = False,
) -> list[tuple[Ranked, float]]:
    """The fused ranking (best first), each candidate with its fused score; another sort
    reorders the same candidates. ``words_first`` (the semantic level of a words search): the
    word matches in their order, then the other semantic hits, scored by position."""
    by_key = {candidate.key: candidate for candidate in (*semantic, *lexical)}
    if words_first:
        order = list(dict.fromkeys([*(c.key for c in lexical), *(c.key for c in semantic)]))
        fused = [(by_key[key], 1.0 / (RRF_K + rank)) for rank, key in enumerate(order, 1)]
    else:
        rankings = [
            ranking for ranking in ([c.key for c in lexical], [c.key for c in semantic]) if ranking
        ]
        fused = [(by_key[key], score) for key, score in reciprocal_rank_fusion(rankings, RRF_K)]
    if sort != "relevance":
        fused.sort(key=lambda item: sort_key(item[0].source, sort))
    return fused
