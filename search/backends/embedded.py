"""Embedded backend for ``make run``: no server, one process, same answers as Elasticsearch.

Documents live in memory and are persisted as one JSON file, ``<path>/catalogue-v<N>.json``
(written atomically after each change; without ``path`` nothing is persisted). The file holds the
same sources Elasticsearch stores, so it can be deleted at any time and rebuilt from the database
with ``rebuild``; a file of an older version is re-analysed into the current one at start.
Writes are copy-on-write under a lock: searches never see a half-applied change.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from search.analysis import Analysis, default_analysis, simple_analyze
from search.backends.base import (
    NO_FILTERS,
    SearchBackend,
    check_document_vector,
    check_query_vector,
    validate_k,
    validate_lexical,
    validate_request,
)
from search.backends.embedded_search import EmbeddedSearch
from search.backends.lexical import (
    LexicalAnswer,
    LexicalRequest,
    lexical_query,
    ranked_top,
    telling_words,
)
from search.documents.catalogue import (
    DEFAULT_EMBEDDING_DIMS,
    MAPPING_VERSION,
    analysed_fields,
    public_source,
    to_source,
)
from search.queries.embedded import (
    Scorer,
    StoredDoc,
    analyse,
    cosine_score,
    matches_filters,
)
from search.queries.marks import highlight
from search.queries.plan import TextQuery
from search.types import (
    KINDS,
    Hit,
    IndexDocument,
    Kind,
    SearchRequest,
    SearchResponse,
)

Store = dict[Kind, dict[int, StoredDoc]]
logger = logging.getLogger(__name__)


def _empty_store() -> Store:
    return {kind: {} for kind in KINDS}


class EmbeddedBackend(SearchBackend):
    def __init__(
        self,
        *,
        path: str | os.PathLike[str] | None = None,
        embedding_dims: int = DEFAULT_EMBEDDING_DIMS,
        analysis: Analysis | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.path = Path(path) if path is not None else None
        self.analysis = analysis or default_analysis()
        self.embedding_dims = embedding_dims
        self._lock = threading.Lock()
        self._store: Store = _empty_store()
        self._rebuilding: Store | None = None
        # Versioned deletes' tombstones (kind → id → version), as Elasticsearch keeps them:
        # a document of that version or older is refused, in the live and the rebuilding store.
        self._deleted: dict[Kind, dict[int, int]] = {kind: {} for kind in KINDS}
        self._scorers: dict[Kind, tuple[dict[int, StoredDoc], Scorer]] = {}
        self._loaded = False

    # --- persistence -------------------------------------------------------------------------
    @property
    def file(self) -> Path | None:
        return self.path / f"catalogue-v{MAPPING_VERSION}.json" if self.path else None

    def _docs(self) -> Store:
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._store = self._read()
                    self._loaded = True
        return self._store

    def _read(self) -> Store:
        store = _empty_store()
        if self.file is None:
            return store
        if not self.file.exists():
            return self._upgrade(store)
        try:
            entries = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:  # derived data: start empty, rebuild refills it
            logger.warning("search: ignoring unreadable %s (%s); run a rebuild", self.file, error)
            return store
        for entry in entries:
            doc = analyse(entry["source"], int(entry["version"]), self.analysis)
            kind, doc_id = doc.key
            store[kind][doc_id] = doc
        return store

    def _upgrade(self, store: Store) -> Store:
        """A file of an older mapping version is re-analysed (the fields computed from title
        and text, see ``catalogue.analysed_fields``), saved as this version's, and removed."""
        assert self.path is not None
        older = sorted(
            (int(match.group(1)), candidate)
            for candidate in self.path.glob("catalogue-v*.json")
            if (match := re.fullmatch(r"catalogue-v(\d+)\.json", candidate.name))
            and int(match.group(1)) < MAPPING_VERSION
        )
        if not older:
            return store
        _, newest = older[-1]
        try:
            entries = json.loads(newest.read_text(encoding="utf-8"))
            for entry in entries:
                source = dict(entry["source"])
                source.update(analysed_fields(source["title"], source["text"], self.analysis))
                doc = analyse(source, int(entry["version"]), self.analysis)
                kind, doc_id = doc.key
                store[kind][doc_id] = doc
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.warning("search: cannot upgrade %s (%s); run a rebuild", newest, error)
            return _empty_store()
        self._write(store)
        for _, old in older:
            old.unlink(missing_ok=True)
        logger.info("search: upgraded %s to %s (%d documents)", newest, self.file, len(entries))
        return store

    def _write(self, store: Store) -> None:
        self._store = store
        if self.file is None:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        entries = [
            {"version": doc.version, "source": doc.source}
            for docs in store.values()
            for doc in docs.values()
        ]
        fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".catalogue-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(entries, handle, ensure_ascii=False)
        os.replace(tmp, self.file)

    # --- lifecycle ---------------------------------------------------------------------------
    def ensure_indices(self) -> None:
        self._docs()
        if self.path is not None:
            self.path.mkdir(parents=True, exist_ok=True)

    def ping(self) -> bool:
        return True

    def clear(self) -> None:
        with self._lock:
            self._loaded = True
            self._deleted = {kind: {} for kind in KINDS}
            self._write(_empty_store())

    # --- writes ------------------------------------------------------------------------------
    def _analysed(self, doc: IndexDocument) -> StoredDoc:
        check_document_vector(doc, self.embedding_dims)
        return analyse(to_source(doc, self.analysis), doc.version, self.analysis)

    def index(self, docs: Sequence[IndexDocument]) -> None:
        self._docs()
        analysed = [self._analysed(doc) for doc in docs]  # rejects drafts before any change
        with self._lock:
            store = {kind: dict(items) for kind, items in self._store.items()}
            for doc in analysed:
                _put(store, doc, self._deleted)
                if self._rebuilding is not None:  # a rebuild in progress gets the write too
                    _put(self._rebuilding, doc, self._deleted)
            self._write(store)

    def delete(
        self, kind: Kind, ids: Sequence[int], versions: Mapping[int, int] | None = None
    ) -> None:
        self._docs()
        with self._lock:
            store = dict(self._store)
            store[kind] = dict(store[kind])
            for doc_id in ids:
                version = None if versions is None else versions.get(doc_id)
                if version is not None:
                    tombstone = self._deleted[kind].get(doc_id, version)
                    self._deleted[kind][doc_id] = max(tombstone, version)
                for target in (store, self._rebuilding):
                    if target is not None:
                        _remove(target[kind], doc_id, version)
            self._write(store)

    def rebuild(self, docs: Iterable[IndexDocument]) -> None:
        """Analyse everything into a new store (which also receives concurrent writes), then
        swap it in at once."""
        self._docs()
        with self._lock:
            self._rebuilding = _empty_store()
        try:
            for doc in docs:
                analysed = self._analysed(doc)
                with self._lock:
                    _put(self._rebuilding, analysed, self._deleted)
            with self._lock:
                self._write(self._rebuilding)
        finally:
            with self._lock:
                self._rebuilding = None

    # --- reads -------------------------------------------------------------------------------
    def _candidates(self, kinds: Iterable[Kind]) -> list[tuple[Scorer, list[StoredDoc]]]:
        store = self._docs()
        groups = []
        for kind in kinds:
            docs = list(store[kind].values())
            cached = self._scorers.get(kind)
            if cached is None or cached[0] is not store[kind]:  # every write copies the dict
                cached = (store[kind], Scorer(docs, self.analysis))
                self._scorers[kind] = cached
            groups.append((cached[1], docs))
        return groups

    def search(self, request: SearchRequest) -> SearchResponse:
        """See ``embedded_search.py``: Elasticsearch's answer, computed in memory."""
        validate_request(request)
        check_query_vector(request.query_vector, self.embedding_dims)
        searcher = EmbeddedSearch(
            groups=self._candidates(request.kinds or KINDS),
            hit_of=self._hit,
            embedding_dims=self.embedding_dims,
        )
        return searcher.run(request)

    def _hit(
        self, doc: StoredDoc, score: float, query: TextQuery, marked: tuple[str, ...] = ()
    ) -> Hit:
        source = public_source(doc.source)
        fragments: list[str] = []
        if not query.is_empty:
            for name in ("title", "text"):
                fragments += highlight(
                    self.analysis,
                    str(source[name]),
                    query.tokens,
                    whole=name == "title",
                    also=(*query.highlight_words, *marked),
                    fuzzy=False,
                )
        kind, doc_id = doc.key
        return Hit(
            kind=kind,
            id=doc_id,
            score=score,
            title=str(source["title"]),
            highlights=tuple(fragments),
            source=source,
        )

    def _knn_hits(
        self,
        kinds: Iterable[Kind],
        vector: Sequence[float],
        k: int,
        filters: Mapping[str, tuple[str, ...]],
    ) -> tuple[Hit, ...]:
        store = self._docs()
        scored = [
            (score, doc)
            for kind in kinds
            for doc in store[kind].values()
            if matches_filters(doc, filters) and (score := cosine_score(doc, vector)) is not None
        ]
        scored.sort(key=lambda item: (-item[0], *item[1].key))
        return tuple(self._hit(doc, score, TextQuery(())) for score, doc in scored[:k])

    def knn(
        self,
        kind: Kind,
        vector: Sequence[float],
        k: int,
        filters: Mapping[str, tuple[str, ...]] = NO_FILTERS,
    ) -> list[tuple[int, float]]:
        validate_k(k)
        check_query_vector(vector, self.embedding_dims)
        return [(hit.id, hit.score) for hit in self._knn_hits((kind,), vector, k, filters)]

    def bm25_many(self, requests: Sequence[LexicalRequest]) -> list[LexicalAnswer]:
        validate_lexical(requests)
        return [self._lexical(request) for request in requests]

    def _lexical(self, request: LexicalRequest) -> LexicalAnswer:
        """The top documents by scoring every document of the kind; the asked ids' scores
        by scoring those alone."""
        ((scorer, docs),) = self._candidates((request.kind,))
        words = telling_words(request.text, scorer.doc_freq["text"], scorer.count)
        if not words:
            return LexicalAnswer()
        query = lexical_query(words)
        top: tuple[tuple[int, float], ...] = ()
        if request.top:
            hits = [
                (int(doc.source["doc_id"]), score)
                for doc in docs
                if (score := scorer.score(query, doc)) is not None
            ]
            top = ranked_top(hits, request.top)
        stored = self._docs()[request.kind]
        scores = {
            doc_id: score
            for doc_id in dict.fromkeys(request.ids)
            if (doc := stored.get(doc_id)) is not None
            and (score := scorer.score(query, doc)) is not None
        }
        return LexicalAnswer(top, scores)

    def autocomplete(self, prefix: str, kinds: tuple[Kind, ...] = (), limit: int = 8) -> list[str]:
        wanted = simple_analyze(prefix)
        if not wanted:
            return []
        store = self._docs()
        ranked = []
        for kind in kinds or KINDS:
            for doc in store[kind].values():
                weights = [weight for text, weight in doc.completions if text.startswith(wanted)]
                if weights:
                    ranked.append((-max(weights), str(doc.source["title"])))
        return list(dict.fromkeys(title for _, title in sorted(ranked)))[:limit]


def _put(store: Store, doc: StoredDoc, deleted: Mapping[Kind, Mapping[int, int]]) -> None:
    """Store ``doc`` unless an equal or newer version is there, or a deletion of its version
    or a newer one (external versioning)."""
    kind, doc_id = doc.key
    stored = store[kind].get(doc_id)
    tombstone = deleted[kind].get(doc_id)
    if tombstone is not None and tombstone >= doc.version:
        return
    if stored is None or stored.version < doc.version:
        store[kind][doc_id] = doc


def _remove(docs: dict[int, StoredDoc], doc_id: int, version: int | None) -> None:
    """Remove the document; a versioned delete only up to its version (``external_gte``)."""
    stored = docs.get(doc_id)
    if stored is not None and (version is None or stored.version <= version):
        del docs[doc_id]
