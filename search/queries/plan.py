"""What a text query means, independent of the backend.

Every significant query token (stop words dropped unless nothing else is left) must match the
document in at least one of the clauses below; the score adds up the matching clauses. Filters are
OR within a key and AND across keys. Facets are disjunctive: each facet's counts apply every filter
except its own, so a UI can offer the other values of a facet that is already filtered on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from search.analysis import significant_tokens

K = TypeVar("K", bound=str)


@dataclass(frozen=True)
class FieldClause:
    field: str
    boost: float
    fuzzy: bool = False


TOKEN_CLAUSES: tuple[FieldClause, ...] = (
    FieldClause("title", 3.0),
    FieldClause("text", 1.0),
    FieldClause("title.nb", 2.0),
    FieldClause("title.nn", 2.0),
    FieldClause("title.en", 2.0),
    FieldClause("text.nb", 1.0),
    FieldClause("text.nn", 1.0),
    FieldClause("text.en", 1.0),
    FieldClause("title", 1.0, fuzzy=True),
    FieldClause("text", 0.5, fuzzy=True),
    FieldClause("organization_name", 1.0),
    FieldClause("compound_parts", 0.3),
    FieldClause("compound_parts.nn", 0.3),
)
HIGHLIGHT_FIELDS = ("title", "text")
FACET_SIZE = 100
HIGHLIGHT_FRAGMENT_SIZE = 150
HIGHLIGHT_FRAGMENTS = 3
PRE_TAG, POST_TAG = "<mark>", "</mark>"


@dataclass(frozen=True)
class TextQuery:
    tokens: tuple[str, ...]
    require_all: bool = True

    @classmethod
    def parse(cls, text: str, *, require_all: bool = True) -> TextQuery:
        return cls(tuple(significant_tokens(text)), require_all)

    @property
    def is_empty(self) -> bool:
        return not self.tokens


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[tuple[K, int]]], k: int
) -> list[tuple[tuple[K, int], float]]:
    """Fuse ranked lists of (kind, id) keys: score = sum of 1 / (k + rank); ties by key."""
    scores: dict[tuple[K, int], float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
