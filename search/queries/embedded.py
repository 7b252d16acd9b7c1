"""The embedded backend's query engine: the plan of ``plan.py`` evaluated in Python.

Hits, filters and facet counts agree with Elasticsearch; scores follow BM25 (k1 1.2, b 0.75) per
field with the same boosts, so the ranking is close but not identical (see README.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from search.analysis import (
    Analysis,
    edit_distance,
    fuzziness,
    simple_analyze,
    tokenize,
)
from search.documents.catalogue import FILTER_FIELDS, completion_entries
from search.queries.plan import (
    FACET_SIZE,
    FIELD_LANGUAGE,
    ROOT_FIELD,
    TOKEN_CLAUSES,
    AllOf,
    Clause,
    FieldClause,
    Match,
    TextQuery,
)
from search.queries.relaxation import (
    SUGGESTION_MAX_EDITS,
    SUGGESTION_MIN_LENGTH,
    SUGGESTION_OPTIONS_ASKED,
    TIER,
    Level,
)
from search.types import FILTER_KEYS, FacetValue, Kind

K1, B = 1.2, 0.75
FUZZY_CACHE_SIZE = 10_000
TEXT_FIELDS = ("title", "text")
STEMMED = ("nb", "nn", "en")


@dataclass
class StoredDoc:
    """A document with everything the query engine needs, analysed once at index time."""

    source: dict[str, Any]
    version: int
    terms: dict[str, Counter[str]]
    keywords: dict[str, frozenset[str]]
    vector: tuple[float, ...] | None
    completions: tuple[tuple[str, int], ...]
    spell: frozenset[str] = field(default_factory=frozenset)

    @property
    def key(self) -> tuple[Kind, int]:
        return (cast(Kind, self.source["kind"]), int(self.source["doc_id"]))


def analyse(source: dict[str, Any], version: int, analysis: Analysis) -> StoredDoc:
    terms: dict[str, Counter[str]] = {}
    for name in TEXT_FIELDS:
        tokens = tokenize(str(source[name]))
        terms[name] = Counter(tokens)
        for lang in STEMMED:
            terms[f"{name}.{lang}"] = Counter(analysis.stemmed_terms(lang, tokens))
    terms["organization_name"] = Counter(tokenize(str(source["organization_name"])))
    parts = tokenize(str(source.get("compound_parts", "")))
    terms["compound_parts"] = Counter(analysis.stemmed_terms("nb", parts))
    terms["compound_parts.nn"] = Counter(analysis.stemmed_terms("nn", parts))
    roots = tokenize(str(source.get(ROOT_FIELD, "")))
    terms[ROOT_FIELD] = Counter(analysis.stemmed_terms("en", roots))
    return StoredDoc(
        source=source,
        version=version,
        terms=terms,
        keywords={key: _keyword_values(source.get(name)) for key, name in FILTER_FIELDS.items()},
        vector=_normalised(source.get("embedding")),
        completions=tuple(
            (simple_analyze(text), int(entry["weight"]))
            for entry in completion_entries(str(source["title"]))
            for text in entry["input"]
        ),
        spell=frozenset(terms["title"]) | frozenset(terms["text"]),
    )


def _keyword_values(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, list | tuple):
        return frozenset(str(item) for item in value)
    return frozenset({str(value)})


def _normalised(vector: Any) -> tuple[float, ...] | None:
    if not vector:
        return None
    norm = math.sqrt(sum(float(x) * float(x) for x in vector))
    return tuple(float(x) / norm for x in vector) if norm else None


def cosine_score(doc: StoredDoc, query: Sequence[float]) -> float | None:
    """Elasticsearch's cosine ``_score``: (1 + cos) / 2."""
    unit = _normalised(list(query))
    if doc.vector is None or unit is None:
        return None
    return (1.0 + sum(a * b for a, b in zip(doc.vector, unit, strict=True))) / 2.0


def matches_filters(doc: StoredDoc, filters: Mapping[str, tuple[str, ...]], skip: str = "") -> bool:
    return all(
        doc.keywords[key] & set(values) for key, values in filters.items() if key != skip and values
    )


def facet_counts(
    docs: Iterable[StoredDoc],
    filters: Mapping[str, tuple[str, ...]],
    keys: Sequence[str] = FILTER_KEYS,
) -> dict[str, tuple[FacetValue, ...]]:
    """Disjunctive facets over the matched documents: each counts under every filter but its
    own."""
    matched = list(docs)
    facets = {}
    for key in keys:
        counts: Counter[str] = Counter()
        for doc in matched:
            if matches_filters(doc, filters, skip=key):
                counts.update(doc.keywords[key])
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        facets[key] = tuple(FacetValue(value, count) for value, count in ordered)
    return facets


class Scorer:
    """BM25 over the documents of one kind (Elasticsearch: one index per kind)."""

    def __init__(self, docs: Sequence[StoredDoc], analysis: Analysis) -> None:
        self.analysis = analysis
        self.count = len(docs)
        self.doc_freq: dict[str, Counter[str]] = {}
        self.avg_length: dict[str, float] = {}
        for clause_field in {*(clause.field for clause in TOKEN_CLAUSES), *FIELD_LANGUAGE}:
            freq: Counter[str] = Counter()
            total = 0
            for doc in docs:
                freq.update(doc.terms[clause_field].keys())
                total += sum(doc.terms[clause_field].values())
            self.doc_freq[clause_field] = freq
            self.avg_length[clause_field] = total / len(docs) if docs else 1.0
        self._fuzzy: dict[tuple[str, str], dict[str, int]] = {}

    def fuzzy_terms(self, clause_field: str, token: str) -> dict[str, int]:
        """Indexed terms within ``fuzziness(token)`` edits, with their distance (cached): the
        matching engine's lexical scores (``bm25_scores``), not searches."""
        key = (clause_field, token)
        if len(self._fuzzy) > FUZZY_CACHE_SIZE:
            self._fuzzy.clear()
        if key not in self._fuzzy:
            edits = fuzziness(token)
            self._fuzzy[key] = {
                term: distance
                for term in self.doc_freq[clause_field]
                if (distance := edit_distance(token, term, edits)) <= edits
            }
        return self._fuzzy[key]

    def query_terms(self, clause: FieldClause | Match, token: str) -> list[str]:
        lang = FIELD_LANGUAGE.get(clause.field)
        return self.analysis.stemmed_terms(lang, [token]) if lang else [token]

    def _bm25(self, clause_field: str, term: str, doc: StoredDoc) -> float:
        terms = doc.terms[clause_field]
        freq = terms.get(term, 0)
        if not freq:
            return 0.0
        df = self.doc_freq[clause_field][term]
        idf = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        norm = K1 * (1 - B + B * sum(terms.values()) / (self.avg_length[clause_field] or 1.0))
        return idf * freq / (freq + norm)

    def clause_score(self, clause: FieldClause | Match, token: str, doc: StoredDoc) -> float:
        if clause.fuzzy:
            scores = [
                self._bm25(clause.field, term, doc) * (1 - distance / min(len(token), len(term)))
                for term, distance in self.fuzzy_terms(clause.field, token).items()
                if term in doc.terms[clause.field]
            ]
        else:
            scores = [self._bm25(clause.field, t, doc) for t in self.query_terms(clause, token)]
        return clause.boost * max(scores, default=0.0)

    def node_score(self, node: Clause, doc: StoredDoc) -> float | None:
        """Score of a plan clause (as Elasticsearch's ``bool`` sums it), ``None`` if it does
        not match."""
        if isinstance(node, Match):
            if not _clause_matches(self, node, node.word, doc):
                return None
            return self.clause_score(node, node.word, doc)
        scores = [self.node_score(child, doc) for child in node.clauses]
        matched = [score for score in scores if score is not None]
        if not matched or (isinstance(node, AllOf) and len(matched) < len(scores)):
            return None
        return node.boost * sum(matched)

    def term_scores(self, clauses: Sequence[Clause], doc: StoredDoc) -> list[float | None]:
        """Each term clause's score, ``None`` where it does not match."""
        return [self.node_score(clause, doc) for clause in clauses]

    def score(self, query: TextQuery, doc: StoredDoc) -> float | None:
        """Score of a matching document, ``None`` if it does not match."""
        if query.is_empty:
            return 1.0
        scores = [self.node_score(clause, doc) for clause in query.clauses]
        found = [score for score in scores if score is not None]
        if not found or (query.require_all and len(found) < len(scores)):
            return None
        return sum(found)


def _clause_matches(
    scorer: Scorer, clause: FieldClause | Match, token: str, doc: StoredDoc
) -> bool:
    terms = doc.terms[clause.field]
    if clause.fuzzy:
        return any(term in terms for term in scorer.fuzzy_terms(clause.field, token))
    return any(term in terms for term in scorer.query_terms(clause, token))


def level_score(scores: Sequence[float | None], level: Level) -> float | None:
    """A document's score at a relaxation level, ``None`` if too few terms match."""
    matched = [score for score in scores if score is not None]
    if not matched or len(matched) < level.required:
        return None
    return sum(matched) + (TIER * len(matched) if level.tiered else 0.0)


def suggestion_options(text: str, vocabularies: Sequence[Counter[str]]) -> dict[str, list[str]]:
    """Term suggester (missing mode, 2 edits, first letter fixed, words of 4+ letters): for
    each word an index lacks, the index words close to it, best first."""
    found = {token: _options(token, vocabularies) for token in dict.fromkeys(tokenize(text))}
    return {token: options for token, options in found.items() if options}


def _options(token: str, vocabularies: Sequence[Counter[str]]) -> list[str]:
    options: dict[str, tuple[float, int]] = {}
    for vocabulary in vocabularies:
        if len(token) < SUGGESTION_MIN_LENGTH or token in vocabulary:
            continue
        for term, freq in vocabulary.items():
            if term[:1] != token[:1] or term == token:
                continue
            distance = edit_distance(token, term, SUGGESTION_MAX_EDITS)
            if distance <= SUGGESTION_MAX_EDITS:
                score = 1 - distance / min(len(token), len(term))
                best, total = options.get(term, (0.0, 0))
                options[term] = (max(best, score), total + freq)
    ranked = sorted(options, key=lambda term: (-options[term][0], -options[term][1], term))
    return ranked[:SUGGESTION_OPTIONS_ASKED]
