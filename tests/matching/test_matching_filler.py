"""The filler word list: a maintained plain file; filler words never show as shared terms."""

from pathlib import Path

import pytest

from matching.explain import shared_terms
from matching.filler import (
    FILLER_FILE,
    WordListError,
    content_terms,
    filler_lists,
    is_content_term,
    is_filler,
    read_word_list,
)
from tests.matching.items import need, no_bridge, solution


def test_the_list_file_is_lower_case_words_listed_once_per_language() -> None:
    # given the maintained list, read section by section
    lists = filler_lists()
    # then both languages have words, each a single lower-case word, none listed twice
    assert set(lists) == {"no", "en"}
    for words in lists.values():
        assert len(words) > 150
        assert all(w == w.lower() and w.split() == [w] for w in words)
        assert len(set(words)) == len(words)


@pytest.mark.parametrize(
    "word",
    [
        # bokmål, nynorsk and English function words
        "og",
        "ikkje",
        "korleis",
        "the",
        "through",
        # the words the issue found among shared terms
        "går",
        "tide",
        "kommune",
        # generic words of the domain, and their inflected forms
        "kommunen",
        "kommunene",
        "kommunale",
        "løsningen",
        "løysingar",
        "behovet",
        "tjenestene",
        "brukerne",
        "leverandørene",
        "solutions",
        "municipalities",
        "Kommune",
    ],
)
def test_stop_words_and_generic_words_are_filler(word: str) -> None:
    assert is_filler(word)


@pytest.mark.parametrize(
    "word",
    [
        "tilsyn",
        "kamera",
        "natt",
        "fall",
        "trygghetsalarm",
        "demens",
        "dementia",
        "avfall",
        "sensorer",
        "elever",
        "pasient",
        "patient",
        "markings",
        "prosjektering",
    ],
)
def test_content_words_are_kept(word: str) -> None:
    # "demens" stems to "dem" in Norwegian and "markings" to "mark" in English: a stem
    # shorter than four letters, or one of the other language, does not make a word filler
    assert not is_filler(word)


def test_a_bridged_pair_is_content_only_when_both_words_are() -> None:
    assert is_content_term("pasienten/patient")
    assert not is_content_term("tjenesten/service")
    assert not is_content_term("")
    assert content_terms(["kommunen", "tilsyn", "går", "demens/dementia", "tide"]) == (
        "tilsyn",
        "demens/dementia",
    )


def test_shared_terms_leave_filler_words_out() -> None:
    # given a need and a solution sharing content words and filler words
    source = need(
        "n",
        "Nattlig tilsyn uten kamera",
        "Kommunen trenger en løsning for tilsyn om natten. Det går ikke i tide i dag.",
        language="nb",
    )
    target = solution(
        "s",
        "Tilsyn med sensorer",
        "Løsningen gir kommunen tilsyn om natten uten kamera, og varsler i tide.",
        language="nb",
    )
    # when the shared terms are listed
    terms = shared_terms(source, target, lambda _stem: 1.0, no_bridge)
    # then only content words remain (in the need's word form: "nattlig" for natt-)
    assert set(terms) == {"tilsyn", "kamera", "nattlig"}


def test_a_malformed_list_is_refused_naming_the_line(tmp_path: Path) -> None:
    # given list files with a word before any section, and an unknown section
    before = tmp_path / "before.txt"
    before.write_text("# filler\nkommune\n[no]\n", "utf-8")
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("[no]\nkommune\n[de]\nund\n", "utf-8")
    # then reading them fails with the file and line
    with pytest.raises(WordListError, match=r"before\.txt:2"):
        read_word_list(before)
    with pytest.raises(WordListError, match=r"unknown.txt:3: unknown language section \[de\]"):
        read_word_list(unknown)
    assert read_word_list(FILLER_FILE) == filler_lists()
