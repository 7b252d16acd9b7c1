"""The synonym file: it parses, its lines say what they mean, and every line's entries find each
other on both backends (the query is expanded; the index holds the words as written)."""

from __future__ import annotations

import itertools

import pytest

from search.backends import SearchBackend
from search.synonyms import SYNONYMS_FILE, SynonymFileError, Synonyms, default_synonyms
from search.types import SearchRequest
from tests.search.search_corpus import make_doc


def test_the_shipped_file_parses_into_lines_of_two_entries_or_more() -> None:
    synonyms = Synonyms.load(SYNONYMS_FILE)
    assert len(synonyms.lines) >= 50
    assert all(len({*line.sources, *line.targets}) >= 2 for line in synonyms.lines)
    assert synonyms.variants[("e", "post")] == (("epost",), ("e", "mail"), ("email",))


def test_lines_equivalent_one_way_and_merged() -> None:
    synonyms = Synonyms.parse(
        "# comment\n\nskole, skule  # trailing comment\nganghjelpemiddel => rullator\n"
        "skole, skulebygg\n"
    )
    assert synonyms.variants[("skule",)] == (("skole",),)
    assert synonyms.variants[("skole",)] == (("skule",), ("skulebygg",))
    assert synonyms.variants[("ganghjelpemiddel",)] == (("rullator",),)
    assert ("rullator",) not in synonyms.variants


def test_entries_are_tokenised_like_the_text() -> None:
    synonyms = Synonyms.parse("E-post, Internet of Things\n")
    assert synonyms.variants[("e", "post")] == (("internet", "things"),)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("skole\n", "line 1: a line needs two entries or more"),
        ("vann, vatn\nskole, , skule\n", "line 2: an empty entry"),
        ("a => b => c\n", "line 1: more than one '=>'"),
        ("=> rullator\n", "line 1: an empty entry"),
        ("fem seks sju åtte ni, ti\n", "line 1: 'fem seks sju åtte ni' has more than 4 words"),
    ],
)
def test_a_bad_line_is_refused_with_its_number_and_reason(text: str, reason: str) -> None:
    with pytest.raises(SynonymFileError, match=reason):
        Synonyms.parse(text, source="synonyms.txt")


def _pairs() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(query entry, entry it must find) for every line of the shipped file."""
    return [
        (source, target)
        for line in default_synonyms().lines
        for source, target in itertools.product(line.sources, line.targets)
        if source != target
    ]


def test_every_line_of_the_file_finds_its_synonyms(backend: SearchBackend) -> None:
    # given one document per entry of the file, titled with the entry
    entries = list(dict.fromkeys(entry for pair in _pairs() for entry in pair))
    ids = {entry: number for number, entry in enumerate(entries, 1000)}
    backend.index(
        [make_doc(id=doc_id, title=" ".join(entry), text="") for entry, doc_id in ids.items()]
    )
    # when searching for each entry / then the documents of its synonyms are found
    missing = []
    for source, target in _pairs():
        response = backend.search(SearchRequest(text=" ".join(source), page_size=100))
        if ids[target] not in {hit.id for hit in response.hits}:
            missing.append((source, target))
    assert missing == []
