"""Backends chosen by dotted path, e.g. ``search.backends.elasticsearch.ElasticsearchBackend``."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from search.backends.base import (
    IndexingError,
    InvalidSearchRequest,
    SearchBackend,
    SearchUnavailable,
)

__all__ = [
    "IndexingError",
    "InvalidSearchRequest",
    "SearchBackend",
    "SearchUnavailable",
    "get_backend",
]

ALIASES = {
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
    "embedded": "search.backends.embedded.EmbeddedBackend",
}


def get_backend(dotted_path: str, **options: Any) -> SearchBackend:
    """Instantiate a backend by dotted path (or the short names ``elasticsearch``/``embedded``)."""
    module_name, _, class_name = ALIASES.get(dotted_path, dotted_path).rpartition(".")
    backend_class = getattr(import_module(module_name), class_name)
    if not (isinstance(backend_class, type) and issubclass(backend_class, SearchBackend)):
        raise TypeError(f"{dotted_path} is not a SearchBackend")
    backend: SearchBackend = backend_class(**options)
    return backend
