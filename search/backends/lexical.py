"""The matching engine's lexical requests: a text's most telling words, not all of them.

A need's or a solution's text has a hundred words and more. As a query, each word was a
dozen field clauses (``search/queries/plan.py``), two of them fuzzy, and a whole text took
Elasticsearch about 0.35 s at 100,000 documents, more the longer the text. Like Lucene's
``more_like_this``, a request keeps the text's ``MAX_QUERY_TERMS`` words with the highest
tf·idf (the word's count in the text times its rarity among the kind's documents), so a
request costs the same whatever the text's length; a shorter text is searched whole. Each
word is matched as written and stemmed in the fields a search word is, without typo
tolerance: the fuzzy clauses cost more than half of the query and changed nothing on the
matching development set (a typo is one word of many; the dense signal reads the meaning).

How many words: on the development set (tests/backend/test_matching_quality.py, incremental
run) the whole text gave nDCG@10 0.898, recall@10 0.892, English recall@10 0.876; 24 words
0.891, 0.885 and 0.861 (one relevant English solution fewer), 40 words 0.895, 0.892 and
0.876. At 100,000 documents 40 words take Elasticsearch about 50-75 ms for the best 200
documents and 30 ms for the scores of given ids, on two loaded cores.

Both backends choose the same words: the rarity is read from the ``text`` field's document
frequencies (Elasticsearch: ``_mtermvectors`` of the texts; the embedded backend: its own
counts), ties go to the word first in alphabetical order, and the words keep their order in
the text. A word no document has (a typo, an inflection found only by stemming) comes after
every word some document has.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from search.analysis import significant_tokens, tokenize
from search.queries.plan import TOKEN_CLAUSES, AnyOf, Clause, Match, QueryTerm, TextQuery
from search.types import Kind

#: Words a lexical request keeps (``more_like_this`` keeps 25 by default; see above).
MAX_QUERY_TERMS = 40


@dataclass(frozen=True)
class LexicalRequest:
    """One lexical request of the matching engine over the documents of ``kind`` for
    ``text`` (any of its words may match): the ``top`` best documents, and the scores of
    ``ids`` (those that match)."""

    kind: Kind
    text: str
    top: int = 0
    ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LexicalAnswer:
    """``top``: (id, score), best first, ties by id; ``scores``: of the asked ids that match."""

    top: tuple[tuple[int, float], ...] = ()
    scores: Mapping[int, float] = field(default_factory=dict)


def needs_statistics(text: str) -> bool:
    """Whether choosing the text's words needs document frequencies (it has more words than a
    query keeps)."""
    return len(significant_tokens(text)) > MAX_QUERY_TERMS


def telling_words(text: str, doc_freq: Mapping[str, int], docs: int) -> tuple[str, ...]:
    """The text's significant words a lexical request keeps, in the text's order (see the
    module's docstring); ``doc_freq``: documents holding each word, ``docs``: all of them."""
    tokens = significant_tokens(text)
    if len(tokens) <= MAX_QUERY_TERMS:
        return tuple(tokens)
    counts = Counter(tokenize(text))

    def weight(token: str) -> float:
        df = doc_freq.get(token, 0)
        return counts[token] * math.log(1 + (docs - df + 0.5) / (df + 0.5))

    ranked = sorted(tokens, key=lambda t: (doc_freq.get(t, 0) == 0, -weight(t), t))
    kept = set(ranked[:MAX_QUERY_TERMS])
    return tuple(token for token in tokens if token in kept)


@dataclass(frozen=True)
class _Word(QueryTerm):
    """A word as written or stemmed, in every field a search word is matched in."""

    def clause(self) -> Clause:
        word = self.words[0].word
        return AnyOf(tuple(Match(c.field, word, c.boost) for c in TOKEN_CLAUSES if not c.fuzzy))


def lexical_query(words: tuple[str, ...]) -> TextQuery:
    """Any of the words may match; each word as a search matches it, as written or stemmed,
    without typo tolerance, synonyms or compound parts."""
    return TextQuery(words, require_all=False, terms=tuple(_Word.plain(w) for w in words))


def ranked_top(hits: list[tuple[int, float]], top: int) -> tuple[tuple[int, float], ...]:
    return tuple(sorted(hits, key=lambda hit: (-hit[1], hit[0]))[:top])
