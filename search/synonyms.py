"""Synonyms and spelling variants, kept as a plain file (``search/synonyms.txt``, Solr's format).

A line lists entries that mean the same (``skule, skole``), or, with ``=>``, entries whose
search also looks for others (``e-mail => e-post``: "e-mail" finds "e-post", not the reverse).
``#`` starts a comment. An entry is one word or several (``kunstig intelligens``): it is tokenised
like the text (lower-cased, the standard tokenizer: "e-post" is "e" + "post"), and stop words are
dropped unless nothing else is left. A word in several lines gets the variants of all of them.

The query is expanded (see ``queries/plan.py``), the index is not: a changed file takes effect
when the processes restart, without a reindex. Write entries in their dictionary form: a query
word matches an entry if it is the entry's word or one of its hunspell stems is ("skulen" finds
the line of "skule"); the variants are then analysed like any query word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from search.analysis import ALL_STOPWORDS, tokenize

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"
ONE_WAY = "=>"
MAX_ENTRY_WORDS = 4

Entry = tuple[str, ...]


class SynonymFileError(ValueError):
    """A line of the synonym file that cannot be read; says which and why."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        super().__init__(f"{source}, line {line}: {reason}")
        self.source, self.line, self.reason = source, line, reason


def entry_words(text: str) -> Entry:
    """An entry's words as the query would have them."""
    words = tokenize(text)
    kept = tuple(word for word in words if word not in ALL_STOPWORDS)
    return kept or tuple(words)


@dataclass(frozen=True)
class SynonymLine:
    number: int
    sources: tuple[Entry, ...]  # the entries whose search is expanded
    targets: tuple[Entry, ...]  # what they expand to


@dataclass(frozen=True)
class Synonyms:
    """Entry -> the other entries its search also looks for."""

    variants: Mapping[Entry, tuple[Entry, ...]] = field(default_factory=dict)
    lines: tuple[SynonymLine, ...] = ()

    @classmethod
    def parse(cls, text: str, source: str = "synonyms") -> Synonyms:
        lines = tuple(
            line
            for number, raw in enumerate(text.splitlines(), 1)
            if (line := _parse_line(raw, number, source)) is not None
        )
        variants: dict[Entry, dict[Entry, None]] = {}
        for line in lines:
            for entry in line.sources:
                others = variants.setdefault(entry, {})
                others.update(dict.fromkeys(t for t in line.targets if t != entry))
        return cls({entry: tuple(others) for entry, others in variants.items()}, lines)

    @classmethod
    def load(cls, path: Path = SYNONYMS_FILE) -> Synonyms:
        return cls.parse(path.read_text(encoding="utf-8"), source=str(path))

    def expansions(
        self, keys: Sequence[frozenset[str]], start: int
    ) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest entry at ``keys[start:]`` (each query word as the set of its word and its
        stems) and its variants: (number of query words it covers, variants)."""
        longest = min(MAX_ENTRY_WORDS, len(keys) - start)
        for length in range(longest, 0, -1):
            window = keys[start : start + length]
            found: dict[Entry, None] = {}
            for entry, variants in self.variants.items():
                if len(entry) == length and all(w in k for w, k in zip(entry, window, strict=True)):
                    found.update(dict.fromkeys(variants))
            if found:
                return length, tuple(found)
        return None


def _parse_line(raw: str, number: int, source: str) -> SynonymLine | None:
    text = raw.split("#", 1)[0].strip()
    if not text:
        return None
    if text.count(ONE_WAY) > 1:
        raise SynonymFileError(source, number, f"more than one {ONE_WAY!r}")
    left, arrow, right = text.partition(ONE_WAY)
    sources = _entries(left, number, source)
    if arrow:
        targets = _entries(right, number, source)
        return SynonymLine(number, sources, targets)
    if len(sources) < 2:
        raise SynonymFileError(
            source, number, "a line needs two entries or more, separated by commas"
        )
    return SynonymLine(number, sources, sources)


def _entries(text: str, number: int, source: str) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for raw in text.split(","):
        words = entry_words(raw)
        if not words:
            raise SynonymFileError(source, number, f"an empty entry in {text.strip()!r}")
        if len(words) > MAX_ENTRY_WORDS:
            raise SynonymFileError(
                source, number, f"{raw.strip()!r} has more than {MAX_ENTRY_WORDS} words"
            )
        entries.append(words)
    return tuple(dict.fromkeys(entries))


@lru_cache(maxsize=1)
def default_synonyms() -> Synonyms:
    """The shipped file, read once per process."""
    return Synonyms.load()
