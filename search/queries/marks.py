"""Marking the query's words in a hit's title and text, in Python, for both backends.

A word is marked if it is a word the query searches (its tokens, synonyms, compound parts,
roots, corrections) or shares a hunspell stem with one, in a language where neither is a stop
word: what Elasticsearch's highlighter marked from the analysed sub-fields, token for token
the same analysis (``test_search_backend_specific.py``). Done here rather than by the
highlighter: its sentence splitting and its term look-ups in every hit cost the search more
inside Elasticsearch than the query itself (2–3 ms of a page of 20 at 100k documents), while a
page marked here costs about a millisecond, each distinct word of the page decided once. Both
backends cut the same fragments: up to ``HIGHLIGHT_FRAGMENTS`` sentences with a marked word,
each at most ``HIGHLIGHT_FRAGMENT_SIZE`` characters from its first marked word.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from search.analysis import (
    STOPWORDS,
    TOKEN,
    Analysis,
    edit_distance,
    fuzziness,
    token_spans,
)
from search.queries.plan import (
    HIGHLIGHT_FRAGMENT_SIZE,
    HIGHLIGHT_FRAGMENTS,
    POST_TAG,
    PRE_TAG,
    TextQuery,
)

STEMMED = ("nb", "nn", "en")
#: markers kept for recent queries (a next page, the same search again)
MARKERS = 64
StemKeys = frozenset[tuple[str, str]]


@lru_cache(maxsize=200_000)
def stem_keys(analysis: Analysis, word: str) -> StemKeys:
    """(language, stem) of a lower-cased word, in the languages where it is no stop word."""
    return frozenset(
        (lang, stem)
        for lang in STEMMED
        if word not in STOPWORDS[lang]
        for stem in analysis.stemmers[lang].stems(word)
    )


class Marker:
    """Which words of a text the query marks: its tokens within their typo tolerance
    (``fuzzy``), and those tokens and the other words the query searches as written or by a
    shared hunspell stem. The query's stems are looked up once, and each word of the texts
    marked is decided once."""

    def __init__(
        self,
        analysis: Analysis,
        tokens: Iterable[str],
        also: Iterable[str] = (),
        *,
        fuzzy: bool = True,
    ) -> None:
        self.analysis = analysis
        self.tokens = tuple(tokens)
        self.fuzzy = fuzzy
        words = tuple(dict.fromkeys((*self.tokens, *also)))
        self.words = frozenset(words)
        self.stems = frozenset(key for word in words for key in stem_keys(analysis, word))
        self._marked: dict[str, bool] = {}

    def marks(self, word: str) -> bool:
        """Whether ``word`` (a lower-cased token) is marked (decided once per word)."""
        marked = self._marked.get(word)
        if marked is None:
            marked = self._marked[word] = self._marks(word)
        return marked

    def _marks(self, word: str) -> bool:
        if self.fuzzy:
            for token in self.tokens:
                if edit_distance(token, word, fuzziness(token)) <= fuzziness(token):
                    return True
        return word in self.words or not self.stems.isdisjoint(stem_keys(self.analysis, word))

    def _spans(self, text: str, lowered: str, start: int, end: int) -> list[tuple[int, int]]:
        """The marked tokens of ``text[start:end]``, found in the text lower-cased as a whole
        (one call, not one a token) when that keeps every offset."""
        if len(lowered) != len(text):  # a letter whose lower case is longer: token by token
            return [(s, e) for s, e, w in token_spans(text[:end]) if s >= start and self.marks(w)]
        return [m.span() for m in TOKEN.finditer(lowered, start, end) if self.marks(m.group())]

    def highlight(self, text: str, *, whole: bool) -> list[str]:
        """``<mark>``-ed fragments (HTML-escaped), the whole text for a title."""
        lowered = text.lower()
        if whole:
            spans = self._spans(text, lowered, 0, len(text))
            return [_mark(text, spans, 0, len(text))] if spans else []
        fragments: list[str] = []
        for start, end in _sentences(text):
            inside = self._spans(text, lowered, start, end)
            if not inside:
                continue
            begin = max(start, min(inside[0][0], end - HIGHLIGHT_FRAGMENT_SIZE))
            stop = min(end, begin + HIGHLIGHT_FRAGMENT_SIZE)
            fragments.append(_mark(text, [(s, e) for s, e in inside if e <= stop], begin, stop))
            if len(fragments) == HIGHLIGHT_FRAGMENTS:
                break
        return fragments


@lru_cache(maxsize=MARKERS)
def marker(
    analysis: Analysis, tokens: tuple[str, ...], also: tuple[str, ...], fuzzy: bool
) -> Marker:
    """The query's marker, shared by the hits of a page and by the next page."""
    return Marker(analysis, tokens, also, fuzzy=fuzzy)


class HitMarks:
    """A page's titles and texts with the query's words (and ``marked``: its corrections)
    marked; both backends mark their hits with it."""

    def __init__(self, analysis: Analysis, query: TextQuery, marked: Sequence[str] = ()) -> None:
        self.empty = query.is_empty
        also = tuple(dict.fromkeys((*query.highlight_words, *marked)))
        self.marker = marker(analysis, query.tokens, also, False)

    def of(self, title: str, text: str) -> tuple[str, ...]:
        """The title marked whole, then up to ``HIGHLIGHT_FRAGMENTS`` fragments of the text
        (nothing where no word is marked)."""
        if self.empty:
            return ()
        return (
            *self.marker.highlight(title, whole=True),
            *self.marker.highlight(text, whole=False),
        )


def highlight(
    analysis: Analysis,
    text: str,
    tokens: Sequence[str],
    *,
    whole: bool,
    also: Sequence[str] = (),
    fuzzy: bool = True,
) -> list[str]:
    """``<mark>``-ed fragments (HTML-escaped), the whole text for a title; ``fuzzy``: words
    within the typo tolerance of a query word are marked too."""
    return Marker(analysis, tokens, also, fuzzy=fuzzy).highlight(text, whole=whole)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _mark(text: str, spans: Sequence[tuple[int, int]], begin: int, stop: int) -> str:
    out, cursor = [], begin
    for start, end in spans:
        out += [html.escape(text[cursor:start]), PRE_TAG, html.escape(text[start:end]), POST_TAG]
        cursor = end
    out.append(html.escape(text[cursor:stop]))
    return "".join(out).strip()
