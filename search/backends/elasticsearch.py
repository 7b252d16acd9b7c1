"""Elasticsearch backend: one versioned index per kind behind an alias (``<prefix>-needs``).

Concrete indices are named ``<prefix>-<kinds>-v<MAPPING_VERSION>-<timestamp>``. Writes use external
versioning with the row's version, so replays and out-of-order deliveries are harmless. A rebuild
loads a fresh index while writes go to both (the ``-rebuilding`` alias), then moves the alias in one
``update_aliases`` call: searches never see an empty or missing index.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch.dsl import Q, Search

from search.analysis import Analysis, default_analysis
from search.backends.base import (
    NO_FILTERS,
    UNAVAILABLE_STATUSES,
    IndexingError,
    SearchBackend,
    SearchUnavailable,
    check_document_vector,
    check_query_vector,
    validate_k,
    validate_lexical,
    validate_request,
)
from search.backends.elasticsearch_search import ElasticsearchSearch
from search.backends.lexical import (
    LexicalAnswer,
    LexicalRequest,
    lexical_query,
    needs_statistics,
    ranked_top,
    telling_words,
)
from search.documents.catalogue import (
    DEFAULT_EMBEDDING_DIMS,
    INDEX_NAMES,
    INTERNAL_FIELDS,
    MAPPING_VERSION,
    index_definition,
    knn_candidates,
    to_source,
)
from search.queries import elasticsearch as queries
from search.types import (
    KINDS,
    IndexDocument,
    Kind,
    SearchRequest,
    SearchResponse,
)

BATCH_SIZE = 500


@contextmanager
def unavailable_on_errors() -> Iterator[None]:
    """Connection errors, timeouts and an overloaded cluster become :class:`SearchUnavailable`."""
    try:
        yield
    except TransportConnectionError as error:
        raise SearchUnavailable(str(error)) from error
    except ApiError as error:
        if error.status_code in UNAVAILABLE_STATUSES:
            raise SearchUnavailable(str(error)) from error
        raise


class ElasticsearchBackend(SearchBackend):
    def __init__(
        self,
        *,
        url: str = "http://127.0.0.1:9200",
        index_prefix: str = "innovasjon",
        embedding_dims: int = DEFAULT_EMBEDDING_DIMS,
        number_of_replicas: int = 1,
        number_of_shards: int = 1,
        refresh: bool = False,
        request_timeout: float = 10.0,
        retired_index_grace: float = 2.0,
        tombstone_retention: str = "6h",
        analysis: Analysis | None = None,
        client: Elasticsearch | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.client = client or Elasticsearch(
            url, request_timeout=request_timeout, max_retries=1, retry_on_timeout=False
        )
        self.prefix = index_prefix
        self.embedding_dims = embedding_dims
        self.replicas = number_of_replicas
        self.shards = number_of_shards
        self.refresh = refresh
        self.retired_index_grace = retired_index_grace
        self.tombstone_retention = tombstone_retention
        self.analysis = analysis or default_analysis()

    # --- names -----------------------------------------------------------------------------
    def alias(self, kind: Kind) -> str:
        return f"{self.prefix}-{INDEX_NAMES[kind]}"

    def _rebuilding_alias(self, kind: Kind) -> str:
        return f"{self.alias(kind)}-rebuilding"

    def _new_index_name(self, kind: Kind) -> str:
        return f"{self.alias(kind)}-v{MAPPING_VERSION}-{time.time_ns() // 1000}"

    def _create_index(self, kind: Kind, alias: str) -> str:
        name = self._new_index_name(kind)
        body = index_definition(
            name,
            embedding_dims=self.embedding_dims,
            replicas=self.replicas,
            shards=self.shards,
            gc_deletes=self.tombstone_retention,
        )
        self.client.indices.create(index=name, aliases={alias: {}}, **body)
        return name

    def _indices_of(self, alias: str) -> list[str]:
        if not self.client.indices.exists_alias(name=alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias).body)

    # --- lifecycle ---------------------------------------------------------------------------
    def ensure_indices(self) -> None:
        with unavailable_on_errors():
            for kind in KINDS:
                if not self._indices_of(self.alias(kind)):
                    self._create_index(kind, self.alias(kind))

    def mapping_versions(self) -> dict[Kind, int | None]:
        """Mapping version behind each alias (``None``: no index); a rebuild fixes old ones."""
        versions: dict[Kind, int | None] = {}
        with unavailable_on_errors():
            for kind in KINDS:
                names = self._indices_of(self.alias(kind))
                meta = self.client.indices.get_mapping(index=names).body if names else {}
                found = [
                    m["mappings"].get("_meta", {}).get("mapping_version") for m in meta.values()
                ]
                versions[kind] = min(found) if found else None
        return versions

    def outdated(self) -> bool:
        """An alias is missing or points at an index of an older mapping version: documents of
        this version would not fit its strict mapping (``search_reindex --if-outdated``)."""
        return any(
            version is None or version < MAPPING_VERSION
            for version in self.mapping_versions().values()
        )

    def ping(self) -> bool:
        """Cluster health answers (``GET /`` is absent from the integration-test distribution)."""
        try:
            self.client.cluster.health(timeout="2s")
        except Exception:
            return False
        return True

    def clear(self) -> None:
        with unavailable_on_errors():
            for kind in KINDS:
                pattern = f"{self.alias(kind)}-*"
                names = list(self.client.indices.get(index=pattern, allow_no_indices=True).body)
                if names:
                    self.client.indices.delete(index=names)

    # --- writes ------------------------------------------------------------------------------
    def _write_targets(self, kind: Kind) -> list[str]:
        """The live alias (created if missing) and, during a rebuild, the index being built."""
        if not self.client.indices.exists_alias(name=self.alias(kind)):
            self._create_index(kind, self.alias(kind))
        targets = [self.alias(kind)]
        if self.client.indices.exists_alias(name=self._rebuilding_alias(kind)):
            targets.append(self._rebuilding_alias(kind))
        return targets

    def _bulk(self, actions: Iterable[dict[str, Any]], tolerated: Iterable[str] = ()) -> None:
        """Bulk write; version conflicts (an equal or newer version is stored) are skipped."""
        tolerated_targets = set(tolerated)
        _, errors = helpers.bulk(
            self.client,
            actions,
            raise_on_error=False,
            refresh=self.refresh,
            require_alias=True,
            chunk_size=BATCH_SIZE,
        )
        failures = []
        for error in errors if isinstance(errors, list) else []:
            item = next(iter(error.values()))
            status = item.get("status")
            if status == 409 or (status == 404 and item.get("_index") in tolerated_targets):
                continue
            if not (status == 404 and item.get("result") == "not_found"):
                failures.append(item)
        if failures:
            raise IndexingError(f"{len(failures)} bulk failures, first: {failures[0]}")

    def _index_actions(
        self, docs: Sequence[IndexDocument], targets: dict[Kind, list[str]]
    ) -> list[dict[str, Any]]:
        for doc in docs:
            check_document_vector(doc, self.embedding_dims)
        return [
            {
                "_op_type": "index",
                "_index": target,
                "_id": str(doc.id),
                "version": doc.version,
                "version_type": "external",
                "_source": source,
            }
            for doc, source in ((doc, to_source(doc, self.analysis)) for doc in docs)
            for target in targets[doc.kind]
        ]

    def index(self, docs: Sequence[IndexDocument]) -> None:
        if not docs:
            return
        with unavailable_on_errors():
            kinds = {doc.kind for doc in docs}
            targets = {kind: self._write_targets(kind) for kind in kinds}
            tolerated = [self._rebuilding_alias(kind) for kind in kinds]
            self._bulk(self._index_actions(docs, targets), tolerated)

    def delete(
        self, kind: Kind, ids: Sequence[int], versions: Mapping[int, int] | None = None
    ) -> None:
        """A versioned delete leaves a tombstone of its version (kept ``tombstone_retention``,
        the index's ``gc_deletes``), which refuses older writes, a rebuild's among them."""
        if not ids:
            return
        with unavailable_on_errors():
            targets = self._write_targets(kind)
            actions = [
                {"_op_type": "delete", "_index": target, "_id": str(doc_id)}
                | (
                    {"version": versions[doc_id], "version_type": "external_gte"}
                    if versions is not None and doc_id in versions
                    else {}
                )
                for doc_id in ids
                for target in targets
            ]
            self._bulk(actions, [self._rebuilding_alias(kind)])

    def rebuild(self, docs: Iterable[IndexDocument]) -> None:
        """Load every document into new indices, then swap all aliases in one atomic call."""
        with unavailable_on_errors():
            new = {kind: self._create_index(kind, self._rebuilding_alias(kind)) for kind in KINDS}
            try:
                self._load(docs, new)
                self.client.indices.refresh(index=list(new.values()))
            except BaseException:
                self.client.indices.delete(index=list(new.values()))
                raise
            retired = self._swap_aliases(new)
            if retired:
                time.sleep(self.retired_index_grace)  # let searches already routed there finish
                self.client.indices.delete(index=retired)

    def _load(self, docs: Iterable[IndexDocument], new: Mapping[Kind, str]) -> None:
        targets = {kind: [self._rebuilding_alias(kind)] for kind in new}
        iterator = iter(docs)
        while batch := list(islice(iterator, BATCH_SIZE)):
            self._bulk(self._index_actions(batch, targets))

    def _swap_aliases(self, new: Mapping[Kind, str]) -> list[str]:
        actions: list[Mapping[str, Any]] = []
        retired: list[str] = []
        for kind, name in new.items():
            old = self._indices_of(self.alias(kind))
            retired.extend(old)
            actions += [{"remove": {"index": index, "alias": self.alias(kind)}} for index in old]
            actions.append({"add": {"index": name, "alias": self.alias(kind)}})
            actions.append({"remove": {"index": name, "alias": self._rebuilding_alias(kind)}})
        self.client.indices.update_aliases(actions=actions)
        return retired

    # --- reads -------------------------------------------------------------------------------
    def _search(self, kinds: Iterable[Kind]) -> Search[Any]:
        """Over the kinds' aliases; a missing index (before ``ensure_indices``) finds nothing."""
        return (
            Search(using=self.client, index=[self.alias(kind) for kind in kinds])
            .source(excludes=sorted(INTERNAL_FIELDS))
            .params(ignore_unavailable=True, allow_no_indices=True)
        )

    def search(self, request: SearchRequest) -> SearchResponse:
        """See ``elasticsearch_search.py``. A suggestion is always counted: the term suggester
        also reads the words of deleted documents until their segments merge, so it could
        offer a word only a need taken back to draft (or an archived solution) held."""
        validate_request(request)
        check_query_vector(request.query_vector, self.embedding_dims)
        searcher = ElasticsearchSearch(
            search_of=self._search,
            client=self.client,
            embedding_dims=self.embedding_dims,
            guard=unavailable_on_errors,
            analysis=self.analysis,
        )
        return searcher.run(request)

    def knn(
        self,
        kind: Kind,
        vector: Sequence[float],
        k: int,
        filters: Mapping[str, tuple[str, ...]] = NO_FILTERS,
    ) -> list[tuple[int, float]]:
        """Reads only each hit's id: the documents' text would cost more than the search."""
        validate_k(k)
        check_query_vector(vector, self.embedding_dims)
        if not any(vector):  # no direction to rank by (Elasticsearch's cosine refuses it)
            return []
        search = (
            self._search((kind,))
            .knn(
                "embedding",
                k=k,
                num_candidates=knn_candidates(k),
                query_vector=[float(x) for x in vector],
                filter=Q("bool", filter=queries.filter_clauses(filters)),
            )
            .source(["doc_id"])
        )
        with unavailable_on_errors():
            response = search[:k].execute()
        return [(int(hit.doc_id), float(hit.meta.score)) for hit in response.hits]

    def bm25_many(self, requests: Sequence[LexicalRequest]) -> list[LexicalAnswer]:
        """One ``_mtermvectors`` for the long texts' words (see ``lexical.py``), then one
        multi-search of plain bodies: a search for each request's top documents, and one
        for its ids (a body of a few hundred clauses costs more to build as dsl objects than
        Elasticsearch takes to answer it)."""
        validate_lexical(requests)
        words = self._telling_words(requests)
        lines: list[dict[str, Any]] = []
        slots: list[tuple[int, bool]] = []  # (request, whether the search is of its top)
        for number, (request, chosen) in enumerate(zip(requests, words, strict=True)):
            if not chosen:
                continue
            header = {
                "index": self.alias(request.kind),
                "ignore_unavailable": True,
                "allow_no_indices": True,
            }
            clauses = [queries.clause_body(c) for c in lexical_query(chosen).clauses]
            query = {"bool": {"should": clauses, "minimum_should_match": 1}}
            if request.top:  # no total: the best hits need not count every match
                body = {"query": query, "size": request.top, "track_total_hits": False}
                lines += [header, body | {"_source": False}]
                slots.append((number, True))
            unique = list(dict.fromkeys(request.ids))
            for start in range(0, len(unique), BATCH_SIZE):
                chunk = unique[start : start + BATCH_SIZE]
                only = {"bool": {"must": [query], "filter": [{"terms": {"doc_id": chunk}}]}}
                lines += [header, {"query": only, "size": len(chunk), "_source": False}]
                slots.append((number, False))
        tops: list[list[tuple[int, float]]] = [[] for _ in requests]
        scores: list[dict[int, float]] = [{} for _ in requests]
        for (number, is_top), response in zip(slots, self._multi(lines), strict=True):
            hits = [(int(hit["_id"]), float(hit["_score"])) for hit in response["hits"]["hits"]]
            if is_top:
                tops[number] += hits
            else:
                scores[number].update(hits)
        return [
            LexicalAnswer(ranked_top(top, request.top), found)
            for request, top, found in zip(requests, tops, scores, strict=True)
        ]

    def _multi(self, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The responses of a multi-search; a failed search fails the lot, as one search's
        failure would."""
        if not lines:
            return []
        with unavailable_on_errors():
            answer = self.client.msearch(searches=lines)
            responses: list[dict[str, Any]] = list(answer["responses"])
        for response in responses:
            if "error" not in response:
                continue
            if int(response.get("status", 500)) in UNAVAILABLE_STATUSES:
                raise SearchUnavailable(str(response["error"]))
            raise ApiError(str(response["error"]), meta=answer.meta, body=response)
        return responses

    def _telling_words(self, requests: Sequence[LexicalRequest]) -> list[tuple[str, ...]]:
        """Each request's words; the long texts' chosen by the document frequencies of their
        words in the kind's ``text`` field, all in one ``_mtermvectors``."""
        long = [n for n, request in enumerate(requests) if needs_statistics(request.text)]
        statistics: dict[int, tuple[dict[str, int], int]] = {}
        if long:
            docs = [
                {
                    "_index": self.alias(requests[n].kind),
                    "doc": {"text": requests[n].text},
                    "fields": ["text"],
                    "term_statistics": True,
                    "field_statistics": True,
                    "positions": False,
                    "offsets": False,
                    "payloads": False,
                }
                for n in long
            ]
            with unavailable_on_errors():
                answer = self.client.mtermvectors(docs=docs)
            for n, found in zip(long, answer["docs"], strict=True):
                text = found.get("term_vectors", {}).get("text", {})
                doc_freq = {
                    term: int(stats.get("doc_freq", 0))
                    for term, stats in text.get("terms", {}).items()
                }
                statistics[n] = (
                    doc_freq,
                    int(text.get("field_statistics", {}).get("doc_count", 0)),
                )
        return [
            telling_words(request.text, *statistics.get(n, ({}, 0)))
            for n, request in enumerate(requests)
        ]

    def autocomplete(self, prefix: str, kinds: tuple[Kind, ...] = (), limit: int = 8) -> list[str]:
        if not prefix.strip():
            return []
        search = (
            self._search(kinds or KINDS)
            .source(["title"])
            .suggest(
                "complete",
                prefix,
                completion={
                    "field": "suggest",
                    "size": max(4 * limit, 20),
                    "skip_duplicates": True,
                },
            )
        )
        with unavailable_on_errors():
            response = search[:0].execute()
        if "suggest" not in response:  # no index to ask yet
            return []
        ranked = sorted(
            (-float(option._score), str(option._source.title))
            for entry in response.suggest["complete"]
            for option in entry.options
        )
        return list(dict.fromkeys(title for _, title in ranked))[:limit]
