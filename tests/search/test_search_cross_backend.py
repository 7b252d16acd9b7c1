"""Both backends side by side: every corpus word (and variants of it) gives the same answer."""

from __future__ import annotations

import json

import pytest

from search.analysis import tokenize
from search.backends import SearchBackend
from search.types import SearchRequest
from tests.search.search_corpus import CORPUS, BackendFactory


@pytest.fixture(scope="module")
def both(backend_factory: BackendFactory) -> tuple[SearchBackend, SearchBackend]:
    elasticsearch, embedded = backend_factory("elasticsearch"), backend_factory("embedded")
    for backend in (elasticsearch, embedded):
        backend.index(CORPUS)
    return elasticsearch, embedded


def queries() -> list[str]:
    """About a hundred: corpus words (every other one), inflected, misspelt and absent variants."""
    words = sorted({w for doc in CORPUS for w in tokenize(f"{doc.title} {doc.text}")})
    long_words = [w for w in words if len(w) > 5]
    suffixes = ("en", "ar", "er", "s")
    variants = [w + suffixes[i % 4] for i, w in enumerate(long_words)]
    typos = [w[:-2] + w[-1] + w[-2] for w in long_words[::3]]  # swap the last two letters
    missing = [w[0] + "x" + w[2:] for w in long_words[1::4]]
    return words[::2] + variants[::2] + typos + missing + ["alarm sensor", "trygghet eldre demens"]


def summary(backend: SearchBackend, text: str) -> tuple[object, ...]:
    response = backend.search(SearchRequest(text=text, page_size=50))
    return (
        response.total,
        sorted((hit.kind, hit.id) for hit in response.hits),
        {key: [(f.value, f.count) for f in values] for key, values in response.facets.items()},
        response.suggestion,
        sorted(json.dumps(hit.source, sort_keys=True) for hit in response.hits),
    )


def test_every_query_gets_the_same_answer_from_both_backends(
    both: tuple[SearchBackend, SearchBackend],
) -> None:
    # given the corpus in both backends
    elasticsearch, embedded = both
    # when running every corpus word, inflected and misspelt variants, and words not there
    answers = [(text, summary(elasticsearch, text), summary(embedded, text)) for text in queries()]
    differences = [(text, es[:4], emb[:4]) for text, es, emb in answers if es != emb]
    # then hits, totals, facets, suggestions and sources agree
    assert differences == []


def test_autocomplete_agrees_for_every_prefix(both: tuple[SearchBackend, SearchBackend]) -> None:
    elasticsearch, embedded = both
    prefixes = {w[:n] for doc in CORPUS for w in tokenize(doc.title) for n in (1, 3, 5)}
    answers = [(p, elasticsearch.autocomplete(p), embedded.autocomplete(p)) for p in prefixes]
    differences = [answer for answer in answers if answer[1] != answer[2]]
    assert differences == []
