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


def title_marks(
    analysis: Analysis, title: str, query: TextQuery, marked: Sequence[str] = ()
) -> list[str]:
    """The title with the query's words marked, if any is there."""
    if query.is_empty:
        return []
    return highlight(
        analysis,
        title,
        query.tokens,
        whole=True,
        also=(*query.highlight_words, *marked),
        fuzzy=False,
    )


def token_highlighted(
    analysis: Analysis,
    word: str,
    tokens: Iterable[str],
    also: Iterable[str] = (),
    *,
    fuzzy: bool = True,
) -> bool:
    """Would Elasticsearch's highlighter mark ``word`` for these query tokens (typos allowed)
    or the other words the query searches (synonyms, compound parts, roots: stems only)?"""
    tokens = tuple(tokens)
    for token in tokens if fuzzy else ():
        if edit_distance(token, word, fuzziness(token)) <= fuzziness(token):
            return True
    for token in dict.fromkeys((*tokens, *also)):
        if word == token:
            return True
        for lang in STEMMED:
            if word in STOPWORDS[lang] or token in STOPWORDS[lang]:
                continue
            stemmer = analysis.stemmers[lang]
            if set(stemmer.stems(word)) & set(stemmer.stems(token)):
                return True
    return False


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
    spans = [
        (s, e)
        for s, e, word in token_spans(text)
        if token_highlighted(analysis, word, tokens, also, fuzzy=fuzzy)
    ]
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
            fragments.append(_mark(text, [(s, e) for s, e in inside if e <= stop], begin, stop))
    return fragments


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
