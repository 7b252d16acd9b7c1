"""What a text query means, independent of the backend.

Every significant query token (stop words dropped unless nothing else is left) must match the
document in at least one of the clauses below; the score adds up the matching clauses. Filters are
OR within a key and AND across keys. Facets are disjunctive: each facet's counts apply every filter
except its own, so a UI can offer the other values of a facet that is already filtered on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TypeVar

from search.analysis import (
    ALL_STOPWORDS,
    STEMMED_SUBFIELDS,
    STOPWORDS,
    Analysis,
    default_analysis,
    significant_tokens,
)
from search.synonyms import Synonyms, default_synonyms

K = TypeVar("K", bound=str)


@dataclass(frozen=True)
class FieldClause:
    field: str
    boost: float
    fuzzy: bool = False


TOKEN_CLAUSES: tuple[FieldClause, ...] = (
    FieldClause("title", 3.0),
    FieldClause("text", 1.0),
    FieldClause("title.nb", 2.0),
    FieldClause("title.nn", 2.0),
    FieldClause("title.en", 2.0),
    FieldClause("text.nb", 1.0),
    FieldClause("text.nn", 1.0),
    FieldClause("text.en", 1.0),
    FieldClause("title", 1.0, fuzzy=True),
    FieldClause("text", 0.5, fuzzy=True),
    FieldClause("organization_name", 1.0),
    FieldClause("compound_parts", 0.3),
    FieldClause("compound_parts.nn", 0.3),
)
#: a synonym is matched like the query word, without typo tolerance, and weighs half as much
SYNONYM_CLAUSES = tuple(clause for clause in TOKEN_CLAUSES if not clause.fuzzy)
SYNONYM_BOOST = 0.5
#: a compound query word's modifier and head, both present as words or compound parts
#: ("snøbrøyting" -> "brøyting av snø"), weigh like a compound part does
PART_CLAUSES: tuple[FieldClause, ...] = (
    FieldClause("title.nb", 2.0),
    FieldClause("title.nn", 2.0),
    FieldClause("text.nb", 1.0),
    FieldClause("text.nn", 1.0),
    FieldClause("compound_parts", 1.0),
    FieldClause("compound_parts.nn", 1.0),
)
PART_BOOST = 0.3
#: an English word and the verb its derivations come from ("detection" ~ "detectors" ~ "detect")
ROOT_CLAUSES: tuple[FieldClause, ...] = (
    FieldClause("title.en", 2.0),
    FieldClause("text.en", 1.0),
)
ROOT_FIELD = "en_roots"
#: a bokmål stem of the query word searched in the nynorsk sub-fields and the other way round
#: ("elver" -> "elv" finds nynorsk "elvar", whose bokmål analysis does not know it)
CROSS_STEM_FIELDS: tuple[tuple[str, float], ...] = (("title", 2.0), ("text", 1.0))
ROOT_BOOST = 0.5
#: how each searched field analyses a query word: a hunspell locale's language, or exact
FIELD_LANGUAGE: dict[str, str] = {
    "title.nb": "nb",
    "title.nn": "nn",
    "title.en": "en",
    "text.nb": "nb",
    "text.nn": "nn",
    "text.en": "en",
    "compound_parts": "nb",
    "compound_parts.nn": "nn",
    ROOT_FIELD: "en",
}
HIGHLIGHT_FIELDS = ("title", "text")
FACET_SIZE = 100
HIGHLIGHT_FRAGMENT_SIZE = 150
HIGHLIGHT_FRAGMENTS = 3
PRE_TAG, POST_TAG = "<mark>", "</mark>"
#: queries parsed once per process (texts up to this long: searches, not whole documents)
PARSED_QUERIES = 4096
PARSED_TEXT_LENGTH = 500


# --- clauses: what a query word means, for both backends to evaluate ---------------------------
@dataclass(frozen=True)
class Match:
    """``word`` in ``field`` (analysed as the field is); ``fuzzy``: ``fuzziness: AUTO``."""

    field: str
    word: str
    boost: float = 1.0
    fuzzy: bool = False


@dataclass(frozen=True)
class AnyOf:
    """Matches if any clause matches; scores the sum of those that do, times ``boost``
    (Elasticsearch: ``bool.should`` with ``minimum_should_match: 1``)."""

    clauses: tuple[Clause, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class AllOf:
    """Matches if every clause matches; scores their sum, times ``boost`` (``bool.must``)."""

    clauses: tuple[Clause, ...]
    boost: float = 1.0


Clause = Match | AnyOf | AllOf


@dataclass(frozen=True)
class QueryWord:
    """A query word and what else it may match: its bokmål stems in nynorsk text and the other
    way round, a compound's modifier and head (and their synonyms), an English word's root."""

    word: str
    parts: tuple[str, ...] = ()
    part_synonyms: tuple[tuple[str, ...], ...] = ()  # one-word synonyms of each part
    roots: tuple[str, ...] = ()
    english: bool = False  # an English word: it may also be the root of a document's words
    cross_stems: tuple[tuple[str, str], ...] = ()  # (field language, stem of the other one)

    def clause(self) -> Clause:
        """The word exactly, stemmed or fuzzily; or the compound's parts; or the English root.
        Exact and whole-word matches weigh most (see the boosts)."""
        alternatives = list(_word_clause(self.word, TOKEN_CLAUSES).clauses)
        alternatives += [
            Match(f"{name}.{lang}", stem, boost)
            for lang, stem in self.cross_stems
            for name, boost in CROSS_STEM_FIELDS
        ]
        if self.parts:
            synonyms = self.part_synonyms or tuple(() for _ in self.parts)
            parts = tuple(
                AnyOf(
                    tuple(
                        match
                        for word in (part, *others)
                        for match in _word_clause(word, PART_CLAUSES).clauses
                    )
                )
                for part, others in zip(self.parts, synonyms, strict=True)
            )
            alternatives.append(AllOf(parts, PART_BOOST))
        roots = self._root_clauses()
        if roots:
            alternatives.append(AnyOf(roots, ROOT_BOOST))
        return AnyOf(tuple(alternatives))

    def _root_clauses(self) -> tuple[Clause, ...]:
        own = (self.word,) if self.english else ()
        return (
            *(Match(ROOT_FIELD, word) for word in (*own, *self.roots)),
            *(Match(c.field, root, c.boost) for root in self.roots for c in ROOT_CLAUSES),
        )


@dataclass(frozen=True)
class QueryTerm:
    """One query word, or the words of a synonym entry found in the query ("e-post": all must
    match), and the entry's synonyms."""

    words: tuple[QueryWord, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def plain(cls, token: str) -> QueryTerm:
        return cls((QueryWord(token),))

    def clause(self) -> Clause:
        own = [word.clause() for word in self.words]
        typed = own[0] if len(own) == 1 else AllOf(tuple(own))
        if not self.synonyms:
            return typed
        variants = tuple(_synonym_clause(words) for words in self.synonyms)
        return AnyOf((typed, AnyOf(variants, SYNONYM_BOOST)))

    @property
    def all_words(self) -> tuple[str, ...]:
        """Every word the term may match, for highlighting."""
        own = (w for word in self.words for w in (word.word, *word.parts, *word.roots))
        synonyms = (word for words in self.synonyms for word in words)
        return tuple(dict.fromkeys((*own, *synonyms)))


def _word_clause(word: str, clauses: Sequence[FieldClause]) -> AnyOf:
    return AnyOf(tuple(Match(c.field, word, c.boost, c.fuzzy) for c in clauses))


def _synonym_clause(words: Sequence[str]) -> Clause:
    """A synonym of several words weighs like one word (its words' scores averaged)."""
    if len(words) == 1:
        return _word_clause(words[0], SYNONYM_CLAUSES)
    clauses = tuple(_word_clause(word, SYNONYM_CLAUSES) for word in words)
    return AllOf(clauses, 1.0 / len(words))


@dataclass(frozen=True)
class TextQuery:
    """The significant query tokens, and the terms they form (each must match, or with
    ``require_all=False`` any). Built without ``terms``, every token is a plain term."""

    tokens: tuple[str, ...]
    require_all: bool = True
    terms: tuple[QueryTerm, ...] = field(default=())
    #: the analysis the terms were expanded with: their clauses are folded with it (``fold``)
    analysis: Analysis | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.terms and self.tokens:
            plain = tuple(QueryTerm.plain(token) for token in self.tokens)
            object.__setattr__(self, "terms", plain)

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        require_all: bool = True,
        expand: bool = True,
        analysis: Analysis | None = None,
        synonyms: Synonyms | None = None,
    ) -> TextQuery:
        """``expand``: look for synonyms, compound parts and English roots too (searches do; the
        matching engine's BM25 over whole texts does not). A query of the default analysis is
        parsed once per process (its clause tree with it): a repeated query costs nothing."""
        if analysis is None and synonyms is None and len(text) <= PARSED_TEXT_LENGTH:
            return _parsed(text, require_all, expand)
        return cls._parse(text, require_all, expand, analysis, synonyms)

    @classmethod
    def _parse(
        cls,
        text: str,
        require_all: bool,
        expand: bool,
        analysis: Analysis | None,
        synonyms: Synonyms | None,
    ) -> TextQuery:
        tokens = tuple(significant_tokens(text))
        if not expand:
            return cls(tokens, require_all)
        analysis = analysis or default_analysis()
        terms = expand_terms(tokens, analysis, synonyms or default_synonyms())
        return cls(tokens, require_all, terms, analysis)

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        """One clause per term (built once: the embedded backend evaluates it per document)."""
        clauses = tuple(term.clause() for term in self.terms)
        if self.analysis is None:
            return clauses
        return tuple(fold(clause, self.analysis) for clause in clauses)

    @property
    def highlight_words(self) -> tuple[str, ...]:
        """Every word the query may match: its tokens, synonyms, compound parts and roots."""
        return tuple(dict.fromkeys(word for term in self.terms for word in term.all_words))


@lru_cache(maxsize=PARSED_QUERIES)
def _parsed(text: str, require_all: bool, expand: bool) -> TextQuery:
    return TextQuery._parse(text, require_all, expand, None, None)


#: an analysed sub-field of title or text -> (the exact-word field, the language)
ANALYSED_FIELDS: dict[str, tuple[str, str]] = {
    f"{base}.{lang}": (base, lang) for base in ("title", "text") for lang in STEMMED_SUBFIELDS
}


def fold(clause: Clause, analysis: Analysis) -> Clause:
    """The clause without the analysed matches that can only find what the exact word finds
    (fewer clauses for Elasticsearch to score on every matching document, the same matches):
    a stop word of the sub-field's language is analysed away and matches nothing (dropped);
    a word the language's dictionary does not know is kept as it is, so it matches where the
    word itself stands, and its boost moves to the exact word's clause beside it (a title
    word unknown to all three dictionaries: ``title`` 3 + 2 + 2 + 2)."""
    if isinstance(clause, Match):
        return clause
    children = [fold(child, analysis) for child in clause.clauses]
    if isinstance(clause, AnyOf):
        return AnyOf(_folded(children, analysis), clause.boost)
    return AllOf(tuple(children), clause.boost)


def _folded(children: Sequence[Clause], analysis: Analysis) -> tuple[Clause, ...]:
    exact = {
        (child.field, child.word): n
        for n, child in reversed(list(enumerate(children)))
        if isinstance(child, Match) and not child.fuzzy and child.field in ("title", "text")
    }
    boosts = dict.fromkeys(exact.values(), 0.0)
    kept: list[int] = []
    for n, child in enumerate(children):
        target = _fold_target(child, analysis) if isinstance(child, Match) else None
        if target == "drop":
            continue
        into = exact.get((target, child.word)) if isinstance(child, Match) and target else None
        if into is not None:
            boosts[into] += child.boost
            continue
        kept.append(n)
    return tuple(_boosted(children[n], boosts.get(n, 0.0)) for n in kept)


def _boosted(clause: Clause, extra: float) -> Clause:
    return replace(clause, boost=clause.boost + extra) if extra else clause


def _fold_target(match: Match, analysis: Analysis) -> str | None:
    """``"drop"``, the exact-word field to fold into, or ``None`` (keep as it is)."""
    if match.fuzzy or match.field not in ANALYSED_FIELDS:
        return None
    base, lang = ANALYSED_FIELDS[match.field]
    if match.word in STOPWORDS[lang]:
        return "drop"
    return None if analysis.stemmers[lang].is_word(match.word) else base


def expand_terms(
    tokens: Sequence[str], analysis: Analysis, synonyms: Synonyms
) -> tuple[QueryTerm, ...]:
    """Group the tokens into terms (a synonym entry of several words is one term) and find what
    else each may match."""
    keys = [_synonym_keys(analysis, token) for token in tokens]
    terms: list[QueryTerm] = []
    start = 0
    while start < len(tokens):
        found = synonyms.expansions(keys, start)
        length, variants = found if found is not None else (1, ())
        words = tuple(
            expand_word(token, analysis, synonyms) for token in tokens[start : start + length]
        )
        terms.append(QueryTerm(words, variants))
        start += length
    return tuple(terms)


def expand_word(token: str, analysis: Analysis, synonyms: Synonyms) -> QueryWord:
    parts = analysis.decompound(token) or ()
    return QueryWord(
        token,
        parts=parts,
        part_synonyms=tuple(_one_word_synonyms(analysis, synonyms, part) for part in parts),
        roots=analysis.english_roots(token),
        english=analysis.stemmers["en"].is_word(token),
        cross_stems=_cross_stems(analysis, token),
    )


def _one_word_synonyms(analysis: Analysis, synonyms: Synonyms, word: str) -> tuple[str, ...]:
    found = synonyms.expansions([_synonym_keys(analysis, word)], 0)
    return tuple(entry[0] for entry in found[1] if len(entry) == 1) if found else ()


def _cross_stems(analysis: Analysis, token: str) -> tuple[tuple[str, str], ...]:
    """The stems one dialect's dictionary gives the word that the other's does not."""
    if token in ALL_STOPWORDS:
        return ()
    stems = {lang: set(analysis.stemmers[lang].stems(token)) for lang in ("nb", "nn")}
    return tuple(
        (target, stem)
        for source, target in (("nb", "nn"), ("nn", "nb"))
        for stem in sorted(stems[source] - stems[target] - {token})
    )


def _synonym_keys(analysis: Analysis, token: str) -> frozenset[str]:
    """What a synonym entry may be written as for this query word: the word, its stems, and for
    a compound the word up to its head's stems ("prateroboten" -> "praterobot")."""
    keys = {
        token,
        *(stem for stemmer in analysis.stemmers.values() for stem in stemmer.stems(token)),
    }
    split = analysis.decompound(token)
    if split is not None:
        head = split[1]
        at = token.rfind(head)
        if at > 0:
            heads = {
                head,
                *analysis.stemmers["nb"].stems(head),
                *analysis.stemmers["nn"].stems(head),
            }
            keys.update(token[:at] + stem for stem in heads)
    return frozenset(keys)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[tuple[K, int]]], k: int
) -> list[tuple[tuple[K, int], float]]:
    """Fuse ranked lists of (kind, id) keys: score = sum of 1 / (k + rank); ties by key."""
    scores: dict[tuple[K, int], float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
