"""Autocomplete, k-NN, hybrid search and lexical scores for the matching engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from search.backends import IndexingError, InvalidSearchRequest, SearchBackend
from search.types import QueryEmbedding, SearchRequest
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


def _pointing_at_need_4(text: str) -> QueryEmbedding:
    """need 4's vector, with a floor that keeps only close neighbours."""
    return QueryEmbedding((0.0, 0.0, 1.0, 0.0), floor=0.5)


def test_hybrid_search_fuses_word_matches_with_neighbours_above_the_floor(
    corpus_backend: SearchBackend,
) -> None:
    # given "alarm" matches needs 1 and 2, solution 5 and conference 7; need 4's vector is
    # orthogonal to every other
    # when a semantic request points at need 4
    response = corpus_backend.search(
        SearchRequest(text="alarm", semantic=True, embed=_pointing_at_need_4)
    )
    # then need 4 joins the word matches, fused by reciprocal rank; nothing below the floor
    # comes along (the whole corpus did, before the floor)
    assert {(hit.kind, hit.id) for hit in response.hits} == {
        ("need", 1),
        ("need", 2),
        ("need", 4),
        ("solution", 5),
        ("conference", 7),
    }
    assert (response.total, response.relaxation, response.semantic) == (5, "all", True)
    assert all(0 < hit.score < 1 for hit in response.hits)


def test_hybrid_search_keeps_filters_and_counts_facets_over_both_sides(
    corpus_backend: SearchBackend,
) -> None:
    # given no "alarm" in Stavanger (county 11), where need 4 is
    # when searching semantically near need 4, filtered on county 11
    response = corpus_backend.search(
        SearchRequest(
            text="alarm", semantic=True, embed=_pointing_at_need_4, filters={"county": ("11",)}
        )
    )
    # then only need 4 is a hit; the county facet counts the word matches and the neighbour
    # under every other filter (disjunctive), the kind facet under the county filter
    assert [(hit.kind, hit.id) for hit in response.hits] == [("need", 4)]
    assert (response.total, response.relaxation) == (1, "semantic")
    counties = {f.value: f.count for f in response.facets["county"]}
    assert counties == {"46": 3, "03": 2, "11": 1}
    assert {f.value: f.count for f in response.facets["kind"]} == {"need": 1}


def test_language_centring_ranks_by_meaning_not_by_language(corpus_backend: SearchBackend) -> None:
    # given a query vector close to the Norwegian need 1 by plain cosine (0.9) but, once the
    # global mean and each language's mean are taken away, pointing at the English need 4
    query = (0.9, 0.0, 0.436, 0.0)
    means = {
        "": (0.9, 0.0, 0.0, 0.0),
        "nb": (0.5, 0.0, 0.0, 0.0),
        "nn": (0.5, 0.0, 0.0, 0.0),
        "en": (0.0, 0.0, 0.5, 0.0),
    }

    def search(embedding: QueryEmbedding) -> list[int]:
        request = SearchRequest(
            text="xyzzy", kinds=("need",), semantic=True, embed=lambda text: embedding
        )
        response = corpus_backend.search(request)
        assert response.relaxation == "semantic"
        return [hit.id for hit in response.hits]

    # when searching with and without the means
    centred = search(QueryEmbedding(query, floor=0.5, means=means))
    plain = search(QueryEmbedding(query, floor=0.5))
    # then the centred similarity finds need 4 alone; the plain cosine needs 1 and 3
    assert centred == [4]
    assert plain == [1, 3]


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
