"""What the backend's Celery tasks call. Plain functions over a :class:`SearchBackend`.

The caller passes only published/closed rows: :class:`IndexDocument` refuses a draft outright.
Indexing is idempotent: a document whose stored version is the same or newer is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import islice

from search.backends.base import SearchBackend
from search.types import IndexDocument, Kind

BATCH_SIZE = 500


def ensure_indices(backend: SearchBackend) -> None:
    """Create missing indices (and aliases); safe to call at every start."""
    backend.ensure_indices()


def index_documents(
    backend: SearchBackend, docs: Iterable[IndexDocument], *, batch_size: int = BATCH_SIZE
) -> int:
    """Index in batches; returns how many documents were sent (skipped older versions count)."""
    iterator = iter(docs)
    sent = 0
    while batch := list(islice(iterator, batch_size)):
        backend.index(batch)
        sent += len(batch)
    return sent


def delete_documents(
    backend: SearchBackend,
    kind: Kind,
    ids: Sequence[int],
    versions: Mapping[int, int] | None = None,
) -> None:
    """Remove documents (unpublished or deleted rows); unknown ids are ignored. Give each
    deletion's version (see :meth:`SearchBackend.delete`) so nothing older comes back."""
    backend.delete(kind, ids, versions)


def rebuild(backend: SearchBackend, docs: Iterable[IndexDocument]) -> None:
    """Rebuild every index from the database into new versioned indices, then swap the aliases."""
    backend.rebuild(docs)
