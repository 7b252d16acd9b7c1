"""Norwegian and English analysis, the same on both backends (the examples of search/README.md)."""

from __future__ import annotations

import pytest

from search.backends import SearchBackend
from search.types import SearchRequest, Suggestion


def hit_keys(backend: SearchBackend, text: str) -> list[tuple[str, int]]:
    """What matches every word (the analysis under test), without relaxing to fewer words."""
    response = backend.search(SearchRequest(text=text, relax=False))
    return [(hit.kind, hit.id) for hit in response.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # bokmål inflection: singular finds plural and the other way round
        ("anskaffelse", {("need", 1), ("need", 2)}),
        ("anskaffelser", {("need", 1), ("need", 2)}),
        ("trygghetsalarmer", {("need", 1), ("solution", 5), ("conference", 7)}),
        ("trygghetsalarm", {("need", 1), ("solution", 5), ("conference", 7)}),
        # definite form finds the indefinite one
        ("kommunen", {("need", 1), ("need", 2)}),
        # nynorsk: plural "kommunar" and "løysing" (doc says "løysingar")
        ("kommunar", {("need", 1), ("need", 2)}),
        ("løysing", {("need", 3)}),
        # English text analysed as English
        ("monitor", {("need", 4), ("solution", 6)}),
        ("sensor", {("need", 2), ("need", 4), ("solution", 6)}),
        # typo tolerance (fuzziness AUTO)
        ("velferdsteknologj", {("need", 1), ("conference", 7)}),
        # all significant words must match
        ("trygghetsalarm demens", {("solution", 5)}),
    ],
)
def test_text_query_finds_inflected_forms(
    corpus_backend: SearchBackend, query: str, expected: set[tuple[str, int]]
) -> None:
    # given the corpus
    # when searching for the query
    found = set(hit_keys(corpus_backend, query))
    # then exactly the expected documents are found
    assert found == expected


def test_compound_part_finds_compound_ranked_below_exact_hits(
    corpus_backend: SearchBackend,
) -> None:
    # given "Alarm for brann" (need 2) and documents that only say "trygghetsalarm(er)"
    # when searching for "alarm"
    found = hit_keys(corpus_backend, "alarm")
    # then the compounds are found, after the document that says "alarm"
    assert found[0] == ("need", 2)
    assert set(found[1:]) == {("need", 1), ("solution", 5), ("conference", 7)}


def test_a_word_two_edits_off_is_suggested_not_searched(corpus_backend: SearchBackend) -> None:
    # given "alrme", in no document, two edits from "alarm": too far for a five-letter word to
    # be taken as "alarm" without asking
    # when searching
    response = corpus_backend.search(SearchRequest(text="alrme"))
    # then nothing is found, and "alarm" is suggested with its hits: need 2 says "alarm", the
    # others hold it in a compound ("trygghetsalarm", "trygghetsalarmer")
    assert response.total == 0
    assert response.suggestion == Suggestion("alarm", 4)


def test_a_word_one_edit_off_finds_its_correction(corpus_backend: SearchBackend) -> None:
    # given "alamr" (one transposition from "alarm")
    response = corpus_backend.search(SearchRequest(text="alamr"))
    # then the documents of "alarm" are found, and "alarm" suggested
    assert {(hit.kind, hit.id) for hit in response.hits} == {
        ("need", 1),
        ("need", 2),
        ("solution", 5),
        ("conference", 7),
    }
    assert response.suggestion == Suggestion("alarm", 4)


def test_a_word_known_by_its_stem_is_not_a_misspelling(corpus_backend: SearchBackend) -> None:
    # given nynorsk "kommunar" in no document as written, but "kommune" (its stem) is
    response = corpus_backend.search(SearchRequest(text="kommunar", relax=False))
    # then it is not corrected (to "kommunale", "kommunen") nor suggested
    assert {(hit.kind, hit.id) for hit in response.hits} == {("need", 1), ("need", 2)}
    assert response.suggestion is None


def test_query_with_hits_has_no_suggestion(corpus_backend: SearchBackend) -> None:
    # given / when
    response = corpus_backend.search(SearchRequest(text="alarm"))
    # then
    assert response.suggestion is None


def test_highlights_mark_inflected_matches(corpus_backend: SearchBackend) -> None:
    # given need 2 says "kommune" / when searching for "kommunen"
    response = corpus_backend.search(SearchRequest(text="kommunen", kinds=("need",)))
    highlights = {hit.id: hit.highlights for hit in response.hits}
    # then the word is marked in the snippet
    assert any("<mark>kommune</mark>" in fragment for fragment in highlights[2])
    assert any("<mark>Kommunen</mark>" in fragment for fragment in highlights[1])


def test_stop_words_alone_are_still_searched(corpus_backend: SearchBackend) -> None:
    # given "for" is a stop word in both languages / when it is the whole query
    found = set(hit_keys(corpus_backend, "the"))
    # then documents containing the word are found (exact field, no stop list)
    assert found == {("need", 4)}


def test_organisation_name_is_searchable(corpus_backend: SearchBackend) -> None:
    assert set(hit_keys(corpus_backend, "Stavanger")) == {("need", 4)}
    assert set(hit_keys(corpus_backend, "alarmfabrikken")) == {("solution", 5)}
