"""The embedded search backend shared by processes, for `make run`: the web process searches
the index file that the Celery worker writes.

The embedded backend keeps its documents in memory and persists them to one file; on its own
it assumes one process. Here every write holds an exclusive lock on a file next to the index
(``fcntl.flock``), reads the index again if another process changed it, applies the change and
writes it; every read first reads the file again if it changed since (its size, time and inode
tell). Versioned deletes' tombstones are kept in a second file, so a document one process
deleted is refused by another as it is by Elasticsearch. A rebuild holds the lock throughout:
writes of other processes wait for it and then apply to the rebuilt index.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from search.backends.embedded import EmbeddedBackend, Store
from search.types import KINDS, IndexDocument, Kind

logger = logging.getLogger(__name__)

Signature = tuple[int, int, int] | None


def _signature(path: Path) -> Signature:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class SharedEmbeddedBackend(EmbeddedBackend):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._exclusive_lock = threading.RLock()
        self._exclusive_depth = 0
        self._seen: Signature = None
        self._tombstones_seen: Signature = None

    # --- files -------------------------------------------------------------------------------
    @property
    def lock_file(self) -> Path | None:
        return self.path / ".catalogue.lock" if self.path else None

    @property
    def tombstones_file(self) -> Path | None:
        return self.file.with_suffix(".tombstones.json") if self.file else None

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """One writer at a time, across threads and processes; re-entrant in a thread."""
        with self._exclusive_lock:
            if self.lock_file is None or self._exclusive_depth > 0:
                self._exclusive_depth += 1
                try:
                    yield
                finally:
                    self._exclusive_depth -= 1
                return
            self.lock_file.parent.mkdir(parents=True, exist_ok=True)
            with self.lock_file.open("a") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                self._exclusive_depth += 1
                try:
                    self._tombstones_refresh()
                    yield
                finally:
                    self._exclusive_depth -= 1
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _docs(self) -> Store:
        """The documents, read again when another process has written the file since."""
        if self.file is not None:
            now = _signature(self.file)
            if now != self._seen:
                with self._lock:
                    self._seen = now  # before reading: a later write is seen next time
                    self._loaded = False
        return super()._docs()

    def _write(self, store: Store) -> None:
        super()._write(store)
        if self.file is not None:
            self._seen = _signature(self.file)  # our own write needs no reading back

    def _tombstones_refresh(self) -> None:
        """Take in the deletions other processes recorded (the newest version wins)."""
        file = self.tombstones_file
        if file is None:
            return
        now = _signature(file)
        if now == self._tombstones_seen:
            return
        self._tombstones_seen = now
        try:
            recorded = json.loads(file.read_text(encoding="utf-8")) if now else {}
        except (OSError, ValueError) as error:
            logger.warning("search: ignoring unreadable %s (%s)", file, error)
            return
        with self._lock:
            for kind in KINDS:
                tombstones = self._deleted[kind]
                for doc_id, version in recorded.get(kind, {}).items():
                    tombstones[int(doc_id)] = max(tombstones.get(int(doc_id), version), version)

    def _tombstones_write(self) -> None:
        file = self.tombstones_file
        if file is None:
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tombstones-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({kind: self._deleted[kind] for kind in KINDS}, handle)
        os.replace(tmp, file)
        self._tombstones_seen = _signature(file)

    # --- writes ------------------------------------------------------------------------------
    def clear(self) -> None:
        with self._exclusive():
            super().clear()
            self._tombstones_write()

    def index(self, docs: Sequence[IndexDocument]) -> None:
        with self._exclusive():
            super().index(docs)

    def delete(
        self, kind: Kind, ids: Sequence[int], versions: Mapping[int, int] | None = None
    ) -> None:
        with self._exclusive():
            super().delete(kind, ids, versions)
            if versions:
                self._tombstones_write()

    def rebuild(self, docs: Iterable[IndexDocument]) -> None:
        with self._exclusive():
            super().rebuild(docs)
