"""No dead ends: the levels a text query relaxes through when all its words find little.

1. ``all`` as typed: every term matches (a word, its stems, compound parts, synonyms). This
   answers almost every query, and cheaply: one request, no typo tolerance, no suggester.
2. ``all`` corrected: a word that matches nothing may also match the index's words one edit
   from it (two from a word of ``LONG_WORD`` letters; same first letter, 4+ letters: the term
   suggester's options, at most ``SUGGESTION_OPTIONS``, weighing ``CORRECTION_BOOST``). Typo
   tolerance as a handful of exact words instead of fuzzy queries: no Levenshtein automata per
   field and index, and the highlighter marks them from the stored offsets like any other word.
3. ``most``: at least ``most_required(n)`` of the n terms (2 of 3, 3 of 4), corrected.
4. ``any``: one term is enough.
5. ``semantic``: the query's semantic neighbours join the few word matches.

A level answers when it finds ``LITTLE`` or more documents (under the request's filters);
otherwise the next one is tried. At ``most`` and ``any`` a document's score grows by ``TIER``
for every term it matches, so documents with more of the words always rank first.

Both backends use these levels, ``choose`` and the suggestion candidates, so they agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from search.analysis import edit_distance, tokenize
from search.queries.plan import AllOf, AnyOf, Clause, Match, QueryTerm, TextQuery
from search.types import Relaxation

#: fewer hits than this and the query relaxes to the next level
LITTLE = 3
#: score added per matched term at the ``most`` and ``any`` levels (above any BM25 sum)
TIER = 1000.0
#: a correction of a misspelt word weighs this much of the word as typed; it is at most one
#: edit away, two from a word this long ("opening" is not a misspelt "ordning")
CORRECTION_BOOST = 0.5
LONG_WORD = 8
#: did you mean: options per misspelt word, and corrected queries whose hits are counted
SUGGESTION_OPTIONS = 3
SUGGESTION_OPTIONS_ASKED = 10  # of the term suggester, before the nearest are kept
SUGGESTION_CANDIDATES = 4
SUGGESTION_MAX_EDITS = 2
SUGGESTION_MIN_LENGTH = 4


Corrections = Mapping[str, tuple[str, ...]]  # a word the index lacks -> index words near it


@dataclass(frozen=True)
class Level:
    relaxation: Relaxation
    required: int  # terms that must match
    corrected: bool  # misspelt words may match their corrections
    tiered: bool  # more matched terms rank first


def exact_level(query: TextQuery) -> Level:
    return Level("all", len(query.terms), corrected=False, tiered=False)


def relaxed_levels(
    query: TextQuery, corrections: Corrections, *, relax: bool = True
) -> tuple[Level, ...]:
    """The levels after the exact one, strictest first (``relax=False``: only corrections)."""
    terms = len(query.terms)
    corrected = any(correctable(term, corrections) for term in query.terms)
    levels = [Level("all", terms, corrected=True, tiered=False)] if corrected else []
    if not relax:
        return tuple(levels)
    most = most_required(terms)
    if 1 < most < terms:
        levels.append(Level("most", most, corrected=corrected, tiered=True))
    if terms > 1:
        levels.append(Level("any", 1, corrected=corrected, tiered=True))
    return tuple(levels)


def unknown_words(
    query: TextQuery, options: Mapping[str, Sequence[str]], term_hits: Sequence[int]
) -> dict[str, list[str]]:
    """The term suggester's options for the words that match nothing at all: a word the
    suggester does not find as written but that matches by its stems or parts ("kommunar",
    nynorsk for "kommuner") is not a misspelling."""
    found = {
        term.words[0].word
        for term, hits in zip(query.terms, term_hits, strict=True)
        if hits and len(term.words) == 1
    }
    return {word: list(near) for word, near in options.items() if word not in found}


def corrections_from(options: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """The term suggester's options for each misspelt word close enough to correct it with,
    nearest first."""
    ranked = {
        word: tuple(
            option
            for option in _ranked(word, found)
            if edit_distance(word, option, 2) <= (1 if len(word) < LONG_WORD else 2)
        )
        for word, found in options.items()
    }
    return {word: found for word, found in ranked.items() if found}


def correctable(term: QueryTerm, corrections: Corrections) -> tuple[str, ...]:
    """A one-word term's corrections (a synonym phrase is taken as typed)."""
    return corrections.get(term.words[0].word, ()) if len(term.words) == 1 else ()


def most_required(terms: int) -> int:
    """Three quarters of the terms, rounded down (``minimum_should_match: 75%``)."""
    return terms * 3 // 4


def choose(counts: Sequence[tuple[Level, int]]) -> Level | None:
    """The first level that finds enough; ``None``: none does, semantic neighbours are next."""
    return next((level for level, count in counts if count >= LITTLE), None)


def best_effort(counts: Sequence[tuple[Level, int]]) -> Level:
    """Without enough anywhere: the strictest level among those that find the most."""
    most = max(count for _, count in counts)
    return next(level for level, count in counts if count == most)


def all_words(counts: Sequence[tuple[Level, int]]) -> int:
    """Documents with every word (typos tolerated): the most an ``all`` level found."""
    return max(count for level, count in counts if level.relaxation == "all")


def level_clauses(
    query: TextQuery, level: Level, corrections: Corrections | None = None
) -> tuple[Clause, ...]:
    """The query's term clauses at this level: as typed (no fuzzy matches: typo tolerance is
    the corrections), and at a corrected level each misspelt word or its corrections."""
    typed = tuple(without_fuzzy(clause) or AnyOf(()) for clause in query.clauses)
    if not level.corrected or not corrections:
        return typed
    return tuple(
        _corrected(clause, correctable(term, corrections))
        for term, clause in zip(query.terms, typed, strict=True)
    )


def _corrected(clause: Clause, options: tuple[str, ...]) -> Clause:
    if not options:
        return clause
    return AnyOf((clause, AnyOf(tuple(map(_word_meaning, options)), CORRECTION_BOOST)))


@lru_cache(maxsize=4096)
def _word_meaning(word: str) -> Clause:
    """What a word of the index matches when it is the query (stems, compounds, synonyms)."""
    clauses = TextQuery.parse(word).clauses
    return (without_fuzzy(clauses[0]) if clauses else None) or AnyOf(())


def correction_words(corrections: Corrections) -> tuple[str, ...]:
    """Every correction, for highlighting."""
    return tuple(dict.fromkeys(word for words in corrections.values() for word in words))


def without_fuzzy(clause: Clause) -> Clause | None:
    """The clause without its typo-tolerant matches (``None`` if nothing else is left)."""
    if isinstance(clause, Match):
        return None if clause.fuzzy else clause
    children = [child for child in map(without_fuzzy, clause.clauses) if child is not None]
    if isinstance(clause, AllOf):
        return (
            AllOf(tuple(children), clause.boost) if len(children) == len(clause.clauses) else None
        )
    return AnyOf(tuple(children), clause.boost) if children else None


# --- did you mean ---------------------------------------------------------------------------
def suggestion_candidates(text: str, options: Mapping[str, Sequence[str]]) -> list[str]:
    """Corrected queries: each word the index lacks replaced by one of its ``options`` (words
    of the index within two edits, same first letter), fewest edits first."""
    tokens = tokenize(text)
    choices = [_ranked(token, options.get(token, ())) or [token] for token in tokens]
    if all(choice == [token] for choice, token in zip(choices, tokens, strict=True)):
        return []
    combos = [
        (
            sum(
                edit_distance(t, w, SUGGESTION_MAX_EDITS)
                for t, w in zip(tokens, combo, strict=True)
            ),
            " ".join(combo),
        )
        for combo in itertools.product(*choices)
    ]
    return [candidate for _, candidate in sorted(combos)[:SUGGESTION_CANDIDATES]]


def _ranked(token: str, options: Sequence[str]) -> list[str]:
    ranked = sorted(
        (edit_distance(token, option, SUGGESTION_MAX_EDITS), option)
        for option in options
        if option != token
    )
    return [option for _, option in ranked[:SUGGESTION_OPTIONS]]


def best_suggestion(counted: Sequence[tuple[str, int]], found: int) -> tuple[str, int] | None:
    """The candidate with the most hits (fewest edits among equals), if it finds more than
    the query itself did: a suggestion always leads somewhere."""
    best = max(counted, key=lambda item: item[1], default=None)
    if best is None or best[1] <= found:
        return None
    return best
