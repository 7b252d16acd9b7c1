"""Filler words: function words (bokmål, nynorsk, English) and the generic words of public
procurement ("kommune", "løsning", "behov", "tjeneste", ...) that say nothing about what a
need or a solution is about. They are never shown as a match's shared terms.

The list is a plain file, maintained by hand (data/filler-words.txt), in sections of one
language each ("[no]": bokmål and nynorsk, "[en]"). A word is filler when it is on the list,
or when its Snowball stem in a list's language is the stem (of MIN_STEM letters or more) of
a word listed in that language: the list names each word once and its inflected forms follow.
The ranking keeps its own stop list (matching.text.STOPWORDS): this one only decides what an
explanation shows, so it never moves a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from matching.text import stem, words

FILLER_FILE = Path(__file__).resolve().parent / "data" / "filler-words.txt"
LANGUAGES = ("no", "en")
MIN_STEM = 4  # a shorter stem ('dem' of "dem") would also catch content words ("demens")


class WordListError(ValueError):
    """The list file is malformed (a word outside a language section, an unknown section)."""


def read_word_list(path: Path) -> dict[str, tuple[str, ...]]:
    """language -> its words, in file order: '#' comments and blank lines skipped."""
    found: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    language: str | None = None
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            language = line[1:-1]
            if language not in found:
                raise WordListError(f"{path.name}:{number}: unknown language section {line}")
        elif language is None:
            raise WordListError(f"{path.name}:{number}: '{line}' before any [language] line")
        else:
            found[language].append(line)
    return {lang: tuple(ws) for lang, ws in found.items()}


@cache
def filler_lists() -> Mapping[str, tuple[str, ...]]:
    return read_word_list(FILLER_FILE)


@cache
def filler_words() -> frozenset[str]:
    return frozenset(w for ws in filler_lists().values() for w in ws)


@cache
def _filler_stems() -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(s for s in (stem(w, lang) for w in ws) if len(s) >= MIN_STEM)
        for lang, ws in filler_lists().items()
    }


def is_filler(word: str) -> bool:
    """True for a listed word or an inflected form of one (case-insensitive)."""
    lowered = word.strip().lower()
    if not lowered or lowered in filler_words():
        return True
    stems = _filler_stems()
    return any(stem(lowered, lang) in stems[lang] for lang in LANGUAGES)


def is_content_term(term: str) -> bool:
    """A shared term as shown ('alarm', or a bridged pair 'pasienten/patient') is a content
    term when it has a word and none of its words is filler."""
    parts = [w for part in term.split("/") for w in words(part)]
    return bool(parts) and not any(is_filler(w) for w in parts)


def content_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """The content terms among `terms`, in their order."""
    return tuple(t for t in terms if is_content_term(t))
