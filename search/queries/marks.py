"""Marking the query's words in a text, in Python: the embedded backend's highlights, and
both backends' titles (short: cheaper marked here than by Elasticsearch's highlighter, which
pays per hit and field). A word is marked if it is a word the query searches (its tokens,
synonyms, compound parts, roots, corrections) or shares a hunspell stem with one.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence

from search.analysis import STOPWORDS, Analysis, edit_distance, fuzziness, token_spans
from search.queries.plan import (
    HIGHLIGHT_FRAGMENT_SIZE,
    HIGHLIGHT_FRAGMENTS,
    POST_TAG,
    PRE_TAG,
    TextQuery,
)

STEMMED = ("nb", "nn", "en")


class Marker:
    """Which words of a text the query marks: its tokens within their typo tolerance
    (``fuzzy``), and those tokens and the other words the query searches (synonyms, compound
    parts, roots, corrections) as written or by a shared hunspell stem. The query's stems are
    looked up once, not for every word of every hit."""

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
        self.stems = {
            lang: frozenset(
                stem
                for word in words
                if word not in STOPWORDS[lang]
                for stem in analysis.stemmers[lang].stems(word)
            )
            for lang in STEMMED
        }

    def marks(self, word: str) -> bool:
        if self.fuzzy:
            for token in self.tokens:
                if edit_distance(token, word, fuzziness(token)) <= fuzziness(token):
                    return True
        if word in self.words:
            return True
        return any(
            word not in STOPWORDS[lang]
            and not self.stems[lang].isdisjoint(self.analysis.stemmers[lang].stems(word))
            for lang in STEMMED
        )

    def highlight(self, text: str, *, whole: bool) -> list[str]:
        """``<mark>``-ed fragments (HTML-escaped), the whole text for a title."""
        spans = [(s, e) for s, e, word in token_spans(text) if self.marks(word)]
        if not spans:
            return []
        if whole:
            return [_mark(text, spans, 0, len(text))]
        fragments: list[str] = []
        for start, end in _sentences(text):
            inside = [(s, e) for s, e in spans if start <= s and e <= end]
            if inside and len(fragments) < HIGHLIGHT_FRAGMENTS:
                first = inside[0][0]
                begin = max(start, min(first, end - HIGHLIGHT_FRAGMENT_SIZE))
                stop = min(end, begin + HIGHLIGHT_FRAGMENT_SIZE)
                marked = [(s, e) for s, e in inside if e <= stop]
                fragments.append(_mark(text, marked, begin, stop))
        return fragments


class TitleMarks:
    """Titles with the query's words marked (both backends mark titles in Python)."""

    def __init__(self, analysis: Analysis, query: TextQuery, marked: Sequence[str] = ()) -> None:
        self.empty = query.is_empty
        self.marker = Marker(analysis, query.tokens, (*query.highlight_words, *marked), fuzzy=False)

    def of(self, title: str) -> list[str]:
        """The title with the query's words marked, if any is there."""
        return [] if self.empty else self.marker.highlight(title, whole=True)


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
