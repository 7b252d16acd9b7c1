"""No dead ends: the levels a text query relaxes through when all its words find little.

1. ``all`` exactly: every term matches (a word, its stems, compound parts, synonyms), no typo
   tolerance. This answers almost every query, and cheaply.
2. ``all`` with typo tolerance (``fuzziness: AUTO`` with a fixed first letter).
3. ``most``: at least ``most_required(n)`` of the n terms (2 of 3, 3 of 4), typos tolerated.
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

from search.analysis import edit_distance, tokenize
from search.queries.plan import AllOf, AnyOf, Clause, Match, TextQuery
from search.types import Relaxation

#: fewer hits than this and the query relaxes to the next level
LITTLE = 3
#: score added per matched term at the ``most`` and ``any`` levels (above any BM25 sum)
TIER = 1000.0
#: typo tolerance: 1 edit from 4 letters, 2 from 7, the first letter as typed (three-letter
#: words stay exact: "hus" must not find "hos", "tre" not "the")
FUZZINESS = "AUTO:4,7"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = 50
#: did you mean: options per misspelt word, and corrected queries whose hits are counted
SUGGESTION_OPTIONS = 3
SUGGESTION_CANDIDATES = 4
SUGGESTION_MAX_EDITS = 2
SUGGESTION_MIN_LENGTH = 4


@dataclass(frozen=True)
class Level:
    relaxation: Relaxation
    required: int  # terms that must match
    fuzzy: bool  # typo tolerance
    tiered: bool  # more matched terms rank first


def exact_level(query: TextQuery) -> Level:
    return Level("all", len(query.terms), fuzzy=False, tiered=False)


def relaxed_levels(query: TextQuery, *, relax: bool = True) -> tuple[Level, ...]:
    """The levels after the exact one, strictest first (``relax=False``: only typos)."""
    terms = len(query.terms)
    levels = [Level("all", terms, fuzzy=True, tiered=False)]
    if not relax:
        return tuple(levels)
    most = most_required(terms)
    if 1 < most < terms:
        levels.append(Level("most", most, fuzzy=True, tiered=True))
    if terms > 1:
        levels.append(Level("any", 1, fuzzy=True, tiered=True))
    return tuple(levels)


def fuzzy_edits(word: str) -> int:
    """The edits ``FUZZINESS`` allows for a query word."""
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


def fuzzy_match(word: str, term: str) -> int | None:
    """The edit distance if ``term`` is within the typo tolerance of ``word``, else ``None``."""
    edits = fuzzy_edits(word)
    if term[:FUZZY_PREFIX_LENGTH] != word[:FUZZY_PREFIX_LENGTH]:
        return None
    distance = edit_distance(word, term, edits)
    return distance if distance <= edits else None


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


def level_clauses(query: TextQuery, level: Level) -> tuple[Clause, ...]:
    """The query's term clauses at this level (without the fuzzy matches when exact)."""
    if level.fuzzy:
        return query.clauses
    return tuple(without_fuzzy(clause) or AnyOf(()) for clause in query.clauses)


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
