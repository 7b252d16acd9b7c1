"""The one interface both backends implement (Wagtail style: chosen by dotted path)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from search.backends.lexical import LexicalAnswer, LexicalRequest
from search.types import (
    FILTER_KEYS,
    KINDS,
    SORT_ORDERS,
    IndexDocument,
    Kind,
    SearchRequest,
    SearchResponse,
)

#: Deepest result reachable with page/page_size (Elasticsearch's default max_result_window).
MAX_RESULT_WINDOW = 10_000
MAX_PAGE_SIZE = 100
#: Candidates taken from each of BM25 and k-NN before reciprocal rank fusion.
HYBRID_CANDIDATES = 100
RRF_K = 60

NO_FILTERS: Mapping[str, tuple[str, ...]] = MappingProxyType({})


class SearchUnavailable(Exception):
    """The search server cannot be reached (connection error, timeout): answer 503."""


#: HTTP statuses of a search server that mean "try again later": too many requests, a gateway
#: in between, no shard ready (a server that has just started: every shard failed with 503).
UNAVAILABLE_STATUSES = frozenset({429, 502, 503, 504})


class IndexingError(RuntimeError):
    """The server refused documents (mapping conflict, wrong vector size, ...): not transient."""


class InvalidSearchRequest(ValueError):
    """A request no backend can answer: page beyond the result window, unknown filter, ..."""


class SearchBackend(ABC):
    def __init__(self, **options: Any) -> None:
        self.options = options

    @abstractmethod
    def ensure_indices(self) -> None: ...

    @abstractmethod
    def index(self, docs: Sequence[IndexDocument]) -> None: ...

    @abstractmethod
    def delete(
        self, kind: Kind, ids: Sequence[int], versions: Mapping[int, int] | None = None
    ) -> None:
        """Remove documents; unknown ids are ignored. With ``versions`` (id → the version of
        the deletion) a delete is versioned like a write: it removes a document only up to
        that version, and keeps refusing a document of that version or older indexed later
        (a replayed write, or a rebuild's snapshot read before the deletion), so a rebuild
        running at the same time never brings a deleted document back."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse: ...

    @abstractmethod
    def autocomplete(
        self, prefix: str, kinds: tuple[Kind, ...] = (), limit: int = 8
    ) -> list[str]: ...

    @abstractmethod
    def knn(
        self,
        kind: Kind,
        vector: Sequence[float],
        k: int,
        filters: Mapping[str, tuple[str, ...]] = NO_FILTERS,
    ) -> list[tuple[int, float]]:
        """Nearest neighbours by cosine similarity, scored ``(1 + cos) / 2`` like Elasticsearch."""

    @abstractmethod
    def bm25_many(self, requests: Sequence[LexicalRequest]) -> list[LexicalAnswer]:
        """The matching engine's lexical requests, answered together (Elasticsearch: one
        multi-search). A long text is searched by its most telling words
        (``search.backends.lexical``), the same ones on both backends."""

    def bm25_scores(self, kind: Kind, text: str, ids: Sequence[int]) -> dict[int, float]:
        """Lexical relevance of ``text`` for given candidates; non-matching ids are absent."""
        request = LexicalRequest(kind, text, ids=tuple(dict.fromkeys(ids)))
        return dict(self.bm25_many([request])[0].scores)

    def bm25_top(self, kind: Kind, text: str, k: int) -> list[tuple[int, float]]:
        """The ``k`` documents of ``kind`` most relevant to ``text`` (any of its words may
        match), best first: lexical candidates for matching, ties broken by id."""
        validate_k(k)
        return list(self.bm25_many([LexicalRequest(kind, text, top=k)])[0].top)

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexDocument]) -> None: ...

    def outdated(self) -> bool:
        """Whether the stored indices predate this code's ``MAPPING_VERSION`` (or are missing),
        so that a ``rebuild`` is due. A backend that upgrades its store by itself says no."""
        return False

    @abstractmethod
    def ping(self) -> bool: ...

    @abstractmethod
    def clear(self) -> None: ...


def check_document_vector(doc: IndexDocument, dims: int) -> None:
    if doc.embedding is not None and len(doc.embedding) != dims:
        raise IndexingError(
            f"{doc.kind} {doc.id}: embedding has {len(doc.embedding)} dimensions, "
            f"the index {dims} (set the backend's embedding_dims option)"
        )


def check_query_vector(vector: Sequence[float] | None, dims: int) -> None:
    if vector is not None and len(vector) != dims:
        raise InvalidSearchRequest(f"query vector has {len(vector)} dimensions, the index {dims}")


def validate_k(k: int) -> None:
    if not 1 <= k <= MAX_RESULT_WINDOW:
        raise InvalidSearchRequest(f"k must be between 1 and {MAX_RESULT_WINDOW}")


def validate_lexical(requests: Sequence[LexicalRequest]) -> None:
    """Raise :class:`InvalidSearchRequest` for a lexical request no backend may answer."""
    for request in requests:
        if request.kind not in KINDS:
            raise InvalidSearchRequest(f"kind must be among {KINDS}, not {request.kind!r}")
        if request.top:
            validate_k(request.top)
        elif request.top < 0:
            raise InvalidSearchRequest("top must not be negative")


def validate_request(request: SearchRequest) -> None:
    """Raise :class:`InvalidSearchRequest` for anything neither backend may answer."""
    if request.page < 1 or not 1 <= request.page_size <= MAX_PAGE_SIZE:
        raise InvalidSearchRequest(f"page must be >= 1 and page_size between 1 and {MAX_PAGE_SIZE}")
    if request.page * request.page_size > MAX_RESULT_WINDOW:
        raise InvalidSearchRequest(
            f"results beyond the first {MAX_RESULT_WINDOW} cannot be paged to; narrow the search"
        )
    if set(request.kinds) - set(KINDS) or request.sort not in SORT_ORDERS:
        raise InvalidSearchRequest(f"kinds must be among {KINDS}, sort among {SORT_ORDERS}")
    unknown = set(request.filters) - set(FILTER_KEYS)
    if unknown:
        raise InvalidSearchRequest(f"unknown filter(s): {', '.join(sorted(unknown))}")
    unknown = set(request.facets) - set(FILTER_KEYS)
    if unknown:
        raise InvalidSearchRequest(f"unknown facet(s): {', '.join(sorted(unknown))}")
    if request.semantic and request.query_vector is None and request.embed is None:
        raise InvalidSearchRequest("semantic search needs a query_vector or an embed function")
