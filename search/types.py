"""Plain data that crosses the package boundary: no Django, frozen dataclasses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Literal, get_args

Kind = Literal["need", "solution", "conference", "case"]
KINDS: tuple[Kind, ...] = get_args(Kind)
Language = Literal["nb", "nn", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)
SortOrder = Literal["relevance", "newest", "deadline"]
SORT_ORDERS: tuple[str, ...] = get_args(SortOrder)
#: Which words a response's hits match: all of them, most (e.g. 2 of 3), any of them, or none
#: needed (semantic neighbours of the query joined the few word matches).
Relaxation = Literal["all", "most", "any", "semantic"]
RELAXATIONS: tuple[str, ...] = get_args(Relaxation)

INDEXABLE_STATUSES = frozenset({"published", "closed"})

#: Keys accepted in ``SearchRequest.filters`` and returned in ``SearchResponse.facets``.
FILTER_KEYS: tuple[str, ...] = (
    "kind",
    "sector",
    "cpv_division",
    "cpv_group",
    "cpv_code",
    "county",
    "stage",
    "status",
    "procedure",
    "trl",
    "language",
    "organization_id",
    "seeks_pilot",
    "gain_type",
)

#: The facets a search page offers (the API counts these unless asked for others): the rest
#: (organisation, CPV group and code) have thousands of values at volume and cost as much.
DEFAULT_FACETS: tuple[str, ...] = (
    "kind",
    "sector",
    "county",
    "stage",
    "procedure",
    "cpv_division",
    "trl",
    "language",
    "status",
    "seeks_pilot",
    "gain_type",
)

_EMPTY: Mapping[str, tuple[str, ...]] = MappingProxyType({})
_NO_MEANS: Mapping[str, tuple[float, ...]] = MappingProxyType({})


class InvalidDocument(ValueError):
    """An :class:`IndexDocument` that must never enter the index (e.g. a draft)."""


@dataclass(frozen=True)
class IndexDocument:
    """One published need, solution, dialogue conference or case, as the index sees it.
    ``gain_types``: a case's documented kinds of gain (money saved, hours freed ...)."""

    kind: Kind
    id: int
    version: int
    title: str
    text: str
    language: str
    organization_id: int
    organization_name: str
    sector: str
    cpv_codes: tuple[str, ...]
    counties: tuple[str, ...]
    status: str
    stage: str | None = None
    procedure: str | None = None
    trl: int | None = None
    published_at: datetime | None = None
    deadline: datetime | None = None
    starts_at: datetime | None = None
    embedding: tuple[float, ...] | None = None
    gain_types: tuple[str, ...] = ()
    #: A need asks for a pilot (``True``/``False``); ``None`` for the other kinds.
    seeks_pilot: bool | None = None

    def __post_init__(self) -> None:
        if self.status not in INDEXABLE_STATUSES:
            raise InvalidDocument(
                f"{self.kind} {self.id}: status {self.status!r} is never indexed "
                f"(only {sorted(INDEXABLE_STATUSES)})"
            )
        if self.kind not in KINDS:
            raise InvalidDocument(f"unknown kind {self.kind!r}")
        if self.version < 1:
            raise InvalidDocument(f"{self.kind} {self.id}: version must be a positive int")
        if self.language not in LANGUAGES:
            raise InvalidDocument(f"{self.kind} {self.id}: language {self.language!r}")


@dataclass(frozen=True)
class QueryEmbedding:
    """The query's embedding and how to compare it with the documents' (the caller owns the
    model, so it knows both). ``means`` (document language -> mean vector, ``""`` the global
    mean) turns on language centring: the query is centred on the global mean and each document
    on its language's mean before the cosine, which removes the "which language" direction
    multilingual encoders put into every vector. ``floor``: the least similarity (centred, or
    plain cosine without means) a semantic hit must reach."""

    vector: tuple[float, ...]
    floor: float = 0.0
    means: Mapping[str, tuple[float, ...]] = field(default_factory=lambda: _NO_MEANS)


Embedder = Callable[[str], QueryEmbedding | None]


@dataclass(frozen=True)
class SearchRequest:
    """``semantic``: hybrid search, word matches fused with the query's semantic neighbours.
    ``query_vector`` (plain cosine, floor 0) or ``embed`` (called only when a vector is needed:
    for ``semantic``, or when every word level finds little) give the query's embedding.
    ``relax=False``: every word must match (typos tolerated), never fewer (saved-search
    alerts). ``facets``: the facets to count, among ``FILTER_KEYS``."""

    text: str = ""
    kinds: tuple[Kind, ...] = ()
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY)
    sort: SortOrder = "relevance"
    page: int = 1
    page_size: int = 20
    semantic: bool = False
    query_vector: tuple[float, ...] | None = None
    embed: Embedder | None = field(default=None, compare=False, repr=False)
    relax: bool = True
    facets: tuple[str, ...] = FILTER_KEYS  # which facets to count (each costs, at volume)


@dataclass(frozen=True)
class Hit:
    kind: Kind
    id: int
    score: float
    title: str
    highlights: tuple[str, ...]
    source: Mapping[str, Any]


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True)
class Suggestion:
    """Did you mean: a corrected query, and how many documents have all its words."""

    text: str
    hits: int


@dataclass(frozen=True)
class SearchResponse:
    """``relaxation``: the level that answered (see ``queries/relaxation.py``); ``semantic``:
    whether semantic neighbours are among the hits (hybrid search, or the last level);
    ``all_words``: how many documents (under the filters) have every word of the query, typos
    tolerated: the first of the hits when the query relaxed (``None``: no words)."""

    total: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]]
    suggestion: Suggestion | None
    page: int
    page_size: int
    relaxation: Relaxation = "all"
    semantic: bool = False
    all_words: int | None = None
