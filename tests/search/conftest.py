"""Fixtures for the search conformance suite: every test runs on both backends.

Elasticsearch is real (``$ELASTICSEARCH_URL``, default http://127.0.0.1:59200, started by
``scripts/test-services.sh start``); a missing server fails the tests, it never skips them.
Each test session uses its own index prefix and deletes its indices at the end.
"""

from __future__ import annotations

import itertools
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import Elasticsearch

from search.backends import SearchBackend, get_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from tests.search.search_corpus import CORPUS, DIMS, ES_URL, BackendFactory

BACKENDS = ("elasticsearch", "embedded")
_counter = itertools.count()
DELETE_BATCH = 20  # index names per delete request (each name some 60 characters)


@pytest.fixture(scope="session")
def es_prefix() -> Iterator[str]:
    prefix = f"test-search-{uuid.uuid4().hex[:10]}"
    yield prefix
    client = Elasticsearch(ES_URL)
    try:
        names = sorted(client.indices.get(index=f"{prefix}-*", allow_no_indices=True).body)
        # A few at a time: one request naming a long session's hundred-odd indices passes the
        # server's 4 kB limit on an HTTP line (too_long_http_line_exception).
        for start in range(0, len(names), DELETE_BATCH):
            client.indices.delete(index=names[start : start + DELETE_BATCH])
    except ESConnectionError as error:  # the failing tests already said the server is gone
        warnings.warn(f"could not delete test indices {prefix}-*: {error}", stacklevel=1)


def _elasticsearch(prefix: str) -> ElasticsearchBackend:
    backend = get_backend(
        "elasticsearch",
        url=ES_URL,
        index_prefix=prefix,
        embedding_dims=DIMS,
        number_of_replicas=0,
        refresh=True,
        retired_index_grace=0.3,
    )
    assert isinstance(backend, ElasticsearchBackend)
    if not backend.ping():
        pytest.fail(
            f"Elasticsearch is not reachable at {ES_URL}: run `scripts/test-services.sh start es` "
            "or set ELASTICSEARCH_URL"
        )
    return backend


@pytest.fixture(scope="session")
def backend_factory(es_prefix: str, tmp_path_factory: pytest.TempPathFactory) -> BackendFactory:
    """Build a fresh, empty backend of the named kind with its indices created."""

    def build(name: str) -> SearchBackend:
        number = next(_counter)
        backend: SearchBackend
        if name == "elasticsearch":
            backend = _elasticsearch(f"{es_prefix}-{number}")
        else:
            path: Path = tmp_path_factory.mktemp(f"embedded-{number}")
            backend = EmbeddedBackend(path=path, embedding_dims=DIMS)
        backend.ensure_indices()
        return backend

    return build


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_backend(
    request: pytest.FixtureRequest, backend_factory: BackendFactory
) -> SearchBackend:
    """A backend holding ``CORPUS``, shared by the read-only tests."""
    backend = backend_factory(request.param)
    backend.index(CORPUS)
    return backend


@pytest.fixture(params=BACKENDS)
def backend(
    request: pytest.FixtureRequest, backend_factory: BackendFactory
) -> Iterator[SearchBackend]:
    """A fresh, empty backend for tests that write."""
    backend = backend_factory(request.param)
    yield backend
    backend.clear()
