"""No dead ends, on both backends: all words first, then most, any, and semantic neighbours;
did-you-mean with its hit count, offered only where it leads somewhere."""

from __future__ import annotations

import pytest

from search.backends import SearchBackend
from search.types import QueryEmbedding, SearchRequest, SearchResponse, Suggestion
from tests.search.search_corpus import BackendFactory, make_doc

ROADS = (
    make_doc(
        id=1,
        title="Vedlikehold av veier og broer",
        text="Kommunen vil vedlikeholde veier og broer om vinteren.",
        embedding=(1.0, 0.0, 0.0, 0.0),
    ),
    make_doc(
        id=2,
        title="Inspeksjon av broer",
        text="Broer inspiseres med droner hvert år.",
        embedding=(0.9, 0.1, 0.0, 0.0),
    ),
    make_doc(
        id=3,
        title="Droner i skolen",
        text="Elever lærer programmering med droner.",
        counties=("03",),
        embedding=(0.0, 1.0, 0.0, 0.0),
    ),
    make_doc(
        id=4,
        title="Vinterdrift av veier",
        text="Strøing av veier om vinteren.",
        embedding=(0.8, 0.0, 0.2, 0.0),
    ),
    make_doc(
        id=5,
        title="Salting av broer",
        text="Broer saltes om vinteren.",
        embedding=(0.7, 0.0, 0.3, 0.0),
    ),
    make_doc(
        id=6,
        title="Lesestøtte",
        text="Digitale verktøy for elever med dysleksi.",
        embedding=(0.0, 0.0, 0.0, 1.0),
    ),
)


@pytest.fixture(scope="module", params=("elasticsearch", "embedded"))
def roads(request: pytest.FixtureRequest, backend_factory: BackendFactory) -> SearchBackend:
    backend = backend_factory(request.param)
    backend.index(ROADS)
    return backend


def ids(response: SearchResponse) -> list[int]:
    return [hit.id for hit in response.hits]


def test_a_query_whose_words_all_match_few_relaxes_to_most_of_them(roads: SearchBackend) -> None:
    # given only need 1 has all of "veier", "broer" and "vinteren"; needs 4 and 5 have two
    # when searching for the three words
    response = roads.search(SearchRequest(text="veier broer vinteren"))
    # then two of three words must match, and the one with all of them comes first
    assert (response.relaxation, response.total, response.all_words) == ("most", 3, 1)
    assert ids(response)[0] == 1
    assert set(ids(response)) == {1, 4, 5}
    assert {f.value: f.count for f in response.facets["kind"]} == {"need": 3}


def test_two_words_relax_to_any_of_them_with_both_first(roads: SearchBackend) -> None:
    # given only need 2 has both "broer" and "droner"
    response = roads.search(SearchRequest(text="broer droner"))
    # then any of the words is enough, and need 2 ranks first
    assert (response.relaxation, response.all_words) == ("any", 1)
    assert ids(response)[0] == 2
    assert set(ids(response)) == {1, 2, 3, 5}


def test_enough_matches_of_all_words_do_not_relax(roads: SearchBackend) -> None:
    response = roads.search(SearchRequest(text="broer"))
    assert (response.relaxation, set(ids(response)), response.all_words) == ("all", {1, 2, 5}, 3)
    assert response.suggestion is None


def test_relax_false_keeps_to_all_words(roads: SearchBackend) -> None:
    # given a saved-search alert, which must never mail documents with only some of its words
    response = roads.search(SearchRequest(text="veier broer vinteren", relax=False))
    assert (response.relaxation, ids(response)) == ("all", [1])


def test_relaxed_levels_keep_the_filters(roads: SearchBackend) -> None:
    response = roads.search(SearchRequest(text="broer droner", filters={"county": ("03",)}))
    assert (response.relaxation, ids(response)) == ("any", [3])


def test_a_misspelt_word_is_suggested_with_its_hits_when_few_are_found(
    roads: SearchBackend,
) -> None:
    # given "dronr" is not in the index; "droner" is, and need 2 has it with "broer"
    response = roads.search(SearchRequest(text="broer dronr"))
    # then the typo-tolerant level finds need 2 first, the other words' documents follow, and
    # the correction is offered with what it finds
    assert ids(response)[0] == 2
    assert response.relaxation == "any"
    assert response.suggestion == Suggestion("broer droner", 1)


def test_a_correction_that_finds_nothing_is_never_suggested(roads: SearchBackend) -> None:
    # given no document has both "droner" and "lesestøtte" (as "velferdsteknologi helse")
    response = roads.search(SearchRequest(text="dronr lesestøtte"))
    # then there is no suggestion, though the words alone find documents
    assert response.suggestion is None
    assert response.relaxation == "any"
    assert set(ids(response)) == {2, 3, 6}


def test_three_letter_words_are_never_misspellings(roads: SearchBackend) -> None:
    # given "med" is in the text of needs 2, 3 and 6; "mod" is a word of its own
    response = roads.search(SearchRequest(text="mod", relax=False))
    assert response.total == 0


def test_words_found_nowhere_fall_back_to_semantic_neighbours(roads: SearchBackend) -> None:
    # given no document has "xyzzy"; the query's embedding points at need 6
    request = SearchRequest(
        text="xyzzy", embed=lambda text: QueryEmbedding((0.0, 0.0, 0.0, 1.0), floor=0.5)
    )
    # when searching in the default (words) mode
    response = roads.search(request)
    # then the neighbours above the floor answer, and the response says so
    assert (response.relaxation, ids(response), response.semantic) == ("semantic", [6], True)
    assert response.all_words == 0


def test_at_the_semantic_level_the_word_matches_come_first(roads: SearchBackend) -> None:
    # given "lesestøtte" is only in need 6; the embedding points at the road needs
    request = SearchRequest(
        text="lesestøtte", embed=lambda text: QueryEmbedding((1.0, 0.0, 0.0, 0.0), floor=0.95)
    )
    response = roads.search(request)
    # then need 6 first, then the neighbours (cosine >= 0.95: needs 1, 2, 4) by similarity
    assert (response.relaxation, response.all_words) == ("semantic", 1)
    assert ids(response) == [6, 1, 2, 4]


def test_without_an_embedding_the_best_word_level_answers(roads: SearchBackend) -> None:
    # given no embedding function (nothing to find neighbours with)
    response = roads.search(SearchRequest(text="xyzzy"))
    # then nothing is found, at the strictest level, and nothing is suggested
    assert (response.total, response.relaxation, response.suggestion) == (0, "all", None)
