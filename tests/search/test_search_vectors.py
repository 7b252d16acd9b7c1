"""Autocomplete, k-NN, hybrid search and lexical scores for the matching engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.backends import IndexingError, InvalidSearchRequest, SearchBackend
from search.types import SearchRequest
from tests.search.search_corpus import make_doc


def test_autocomplete_prefers_title_starts(corpus_backend: SearchBackend) -> None:
    # given titles starting with "Trygghetsalarm" and one with the word later on
    # when completing "tryg"
    completions = corpus_backend.autocomplete("tryg")
    # then whole-title matches come first (alphabetically), then later-word matches
    assert completions == [
        "Trygghetsalarm med GPS",
        "Trygghetsalarmer for hjemmeboende eldre",
        "Dialogkonferanse om trygghetsalarmer og velferdsteknologi",
    ]


def test_autocomplete_by_kind_and_limit(corpus_backend: SearchBackend) -> None:
    assert corpus_backend.autocomplete("tryg", kinds=("solution",)) == ["Trygghetsalarm med GPS"]
    assert corpus_backend.autocomplete("tryg", limit=1) == ["Trygghetsalarm med GPS"]
    assert corpus_backend.autocomplete("   ") == []


def test_knn_returns_nearest_with_cosine_scores(corpus_backend: SearchBackend) -> None:
    # given need 1 (1,0,0,0), need 3 (.7,.7,0,0), need 2 (0,1,0,0)
    # when asking for the 2 nearest needs to (1,0,0,0)
    result = corpus_backend.knn("need", (1.0, 0.0, 0.0, 0.0), k=2)
    # then ids and cosine scores ((1 + cos) / 2) come back; Elasticsearch's default int8_hnsw
    # quantisation makes its scores approximate
    assert [doc_id for doc_id, _ in result] == [1, 3]
    assert [score for _, score in result] == pytest.approx([1.0, (1 + 0.5**0.5) / 2], abs=0.01)


def test_knn_applies_filters(corpus_backend: SearchBackend) -> None:
    result = corpus_backend.knn("need", (1.0, 0.0, 0.0, 0.0), k=3, filters={"county": ("03",)})
    assert [doc_id for doc_id, _ in result] == [2]


def test_hybrid_search_fuses_lexical_and_vector_hits(corpus_backend: SearchBackend) -> None:
    # given "alarm" matches needs 1, 2, solution 5 and conference 7 lexically
    # when a semantic request points at need 4's vector
    response = corpus_backend.search(
        SearchRequest(
            text="alarm", kinds=("need",), semantic=True, query_vector=(0.0, 0.0, 1.0, 0.0)
        )
    )
    keys = [hit.id for hit in response.hits]
    # then the vector neighbour joins the lexical hits, fused by reciprocal rank
    assert keys[0] == 2  # best lexical hit, 3rd by vector
    assert set(keys) == {1, 2, 3, 4}
    assert response.total == 4
    assert all(0 < hit.score < 1 for hit in response.hits)


def test_a_vector_without_direction_ranks_nothing(corpus_backend: SearchBackend) -> None:
    # given a query vector of zeros (the encoder found no words in the text)
    zero = (0.0, 0.0, 0.0, 0.0)
    # when
    nearest = corpus_backend.knn("need", zero, k=3)
    semantic = corpus_backend.search(
        SearchRequest(text="alarm", kinds=("need",), semantic=True, query_vector=zero)
    )
    lexical = corpus_backend.search(SearchRequest(text="alarm", kinds=("need",)))
    # then the lexical hits alone, in their order
    assert nearest == []
    assert [hit.id for hit in semantic.hits] == [hit.id for hit in lexical.hits]


def test_semantic_search_needs_a_vector(corpus_backend: SearchBackend) -> None:
    with pytest.raises(InvalidSearchRequest):
        corpus_backend.search(SearchRequest(text="alarm", semantic=True))


def test_bm25_scores_rank_candidates(corpus_backend: SearchBackend) -> None:
    # given candidates 1 (compound only), 2 ("alarm" in title), 4 (no match)
    scores = corpus_backend.bm25_scores("need", "alarm brann", [1, 2, 4])
    # then non-matching candidates are absent and the title match scores highest
    assert set(scores) == {1, 2}
    assert scores[2] > scores[1] > 0


def test_bm25_top_returns_the_best_lexical_candidates(corpus_backend: SearchBackend) -> None:
    # given the same corpus / when the two best needs for "alarm brann" are asked for
    top = corpus_backend.bm25_top("need", "alarm brann", 2)
    scores = corpus_backend.bm25_scores("need", "alarm brann", [doc_id for doc_id, _ in top])
    # then the title match comes first, with the score bm25_scores gives it
    assert [doc_id for doc_id, _ in top][:1] == [2]
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)
    assert dict(top) == pytest.approx(scores)
    assert corpus_backend.bm25_top("need", "   ", 5) == []


def test_vectors_of_the_wrong_size_are_refused(backend: SearchBackend) -> None:
    # given a backend whose index holds 4-dimensional vectors
    # when a document or a query brings 3 dimensions / then both backends refuse it up front
    with pytest.raises(IndexingError, match="dimensions"):
        backend.index([make_doc(embedding=(1.0, 0.0, 0.0))])
    with pytest.raises(InvalidSearchRequest, match="dimensions"):
        backend.knn("need", (1.0, 0.0, 0.0), k=1)
    with pytest.raises(InvalidSearchRequest, match="dimensions"):
        backend.search(SearchRequest(semantic=True, query_vector=(1.0, 0.0, 0.0)))
    assert backend.search(SearchRequest()).total == 0


def test_semantic_search_without_text_ranks_by_vector_and_can_sort(
    corpus_backend: SearchBackend,
) -> None:
    # given no text / when searching needs semantically near need 1's vector
    request = SearchRequest(kinds=("need",), semantic=True, query_vector=(1.0, 0.1, 0.0, 0.0))
    by_vector = corpus_backend.search(request)
    newest = corpus_backend.search(replace(request, sort="newest"))
    # then the nearest vectors come first; a sort reorders the same candidates
    assert [hit.id for hit in by_vector.hits][:2] == [1, 3]
    assert [hit.id for hit in newest.hits] == [4, 1, 2, 3]
