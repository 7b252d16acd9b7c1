"""The catalogue document: one mapping for needs, solutions, conferences and cases (one index
per kind).

``to_source`` builds the JSON both backends store, so a hit's ``source`` is the same everywhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from elasticsearch.dsl import (
    Completion,
    Date,
    DenseVector,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    Mapping,
    Text,
    analyzer,
    token_filter,
)

from search.analysis import Analysis, completion_inputs
from search.types import INDEXABLE_STATUSES, IndexDocument, InvalidDocument, Kind

#: Bump when the mapping or analysis changes; a rebuild then moves the alias to the new index.
#: 2: every part of a compound (not only the last) in ``compound_parts``; ``en_roots``.
#: 3: offsets in the postings of title and text (highlights without re-analysis).
#: 4: the embedding as float HNSW (was int8-quantised, which capped k-NN recall near 0.89).
#: 5: the embedding and the other internal fields kept out of the stored ``_source``.
#: 6: ``seeks_pilot`` (a need asks for a pilot: "true"/"false", absent for other kinds).
#: 7: cases (kind ``case``, index ``cases``) and their ``gain_types`` (a case's kinds of gain).
MAPPING_VERSION = 7

#: The vector index: graph degree and build beam as Elasticsearch's defaults, unquantised.
HNSW = {"type": "hnsw", "m": 16, "ef_construction": 100}


def knn_candidates(k: int) -> int:
    """``num_candidates`` of a k-NN search for the top `k`: at least 100 (recall@10 0.96
    against exact over 95,000 vectors; 200 gave 0.97 for 12 % more time), twice k beyond."""
    return min(10_000, max(2 * k, 100))


DEFAULT_EMBEDDING_DIMS = 384

#: filter key (``SearchRequest.filters``) -> keyword field in the index
FILTER_FIELDS: dict[str, str] = {
    "kind": "kind",
    "sector": "sector",
    "cpv_division": "cpv_divisions",
    "cpv_group": "cpv_groups",
    "cpv_code": "cpv_codes",
    "county": "counties",
    "stage": "stage",
    "status": "status",
    "procedure": "procedure",
    "trl": "trl",
    "language": "language",
    "organization_id": "organization_id",
    "seeks_pilot": "seeks_pilot",
    "gain_type": "gain_types",
}
#: fields kept out of ``Hit.source`` (derived for search only)
INTERNAL_FIELDS = frozenset({"compound_parts", "en_roots", "suggest", "embedding"})
#: Indexed but not stored in Elasticsearch's ``_source``: nothing reads them back from a hit.
#: The k-NN search reads the vector from its own structures (HNSW graph, vector values) and
#: matching reads vectors from the database; the completion suggester reads its own index,
#: and a rebuild starts from the database. Stored, a document's 384 floats as JSON (~8 kB)
#: were most of its ``_source``, decompressed and parsed for every hit of a page.
SOURCE_EXCLUDES = tuple(sorted(INTERNAL_FIELDS))
TITLE_COMPLETION_WEIGHT = 2
WORD_COMPLETION_WEIGHT = 1
INDEX_NAMES: dict[Kind, str] = {
    "need": "needs",
    "solution": "solutions",
    "conference": "conferences",
    "case": "cases",
}


def _hunspell_analyzer(name: str, locale: str, stopwords: str) -> Any:
    return analyzer(
        name,
        tokenizer="standard",
        filter=[
            "lowercase",
            token_filter(f"{name}_stop", "stop", stopwords=stopwords),
            token_filter(f"{name}_hunspell", "hunspell", locale=locale, dedup=True),
        ],
    )


NB = _hunspell_analyzer("nb_hunspell", "nb_NO", "_norwegian_")
NN = _hunspell_analyzer("nn_hunspell", "nn_NO", "_norwegian_")
EN = _hunspell_analyzer("en_hunspell", "en_US", "_english_")


def _analysed_text(**kwargs: Any) -> Text:
    """``standard`` (exact words, lower-cased) with one hunspell-stemmed sub-field per locale.
    Offsets in the postings let the highlighter mark matches without running the text through
    hunspell again at query time (that took most of a search's time)."""
    return Text(
        analyzer="standard",
        index_options="offsets",
        fields={
            "nb": Text(analyzer=NB, index_options="offsets"),
            "nn": Text(analyzer=NN, index_options="offsets"),
            "en": Text(analyzer=EN, index_options="offsets"),
        },
        **kwargs,
    )


class CatalogueDocument(Document):
    kind = Keyword()
    doc_id = Integer()
    source_version = Long()
    title = _analysed_text(copy_to="spell")
    text = _analysed_text(copy_to="spell")
    # Python-computed (analysis.py): every part of the Norwegian compounds of title and text,
    # and the verbs their English derivations come from ("detectors" -> "detect")
    compound_parts = Text(analyzer=NB, fields={"nn": Text(analyzer=NN)})
    en_roots = Text(analyzer=EN)
    spell = Text(analyzer="standard")
    suggest = Completion(analyzer="simple")
    language = Keyword()
    organization_id = Keyword()
    organization_name = Text(analyzer="standard", fields={"raw": Keyword()})
    sector = Keyword()
    cpv_codes = Keyword()
    cpv_divisions = Keyword()
    cpv_groups = Keyword()
    counties = Keyword()
    status = Keyword()
    stage = Keyword()
    procedure = Keyword()
    trl = Keyword()
    published_at = Date()
    deadline = Date()
    starts_at = Date()
    gain_types = Keyword()
    seeks_pilot = Keyword()


def index_definition(
    name: str, *, embedding_dims: int, replicas: int, shards: int = 1, gc_deletes: str = "6h"
) -> dict[str, Any]:
    """Settings and mappings of a concrete (versioned) index, for ``indices.create``.

    ``gc_deletes`` is how long a versioned delete's tombstone refuses older writes: longer
    than a rebuild takes, so a rebuild's snapshot never resurrects a deleted document."""
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas, gc_deletes=gc_deletes)
    index.document(CatalogueDocument)
    vectors = Mapping()
    # Float HNSW, not Elasticsearch's default int8 quantisation: int8 held recall@10 against
    # exact search at 0.89 whatever the candidate count, float HNSW reaches 0.96 at 100
    # candidates (95,000 vectors, BENCHMARKS.md figure 3) for 4 bytes a dimension.
    vectors.field(
        "embedding",
        DenseVector(dims=embedding_dims, index=True, similarity="cosine", index_options=HNSW),
    )
    index.mapping(vectors)
    body: dict[str, Any] = index.to_dict()
    body["mappings"]["dynamic"] = "strict"
    body["mappings"]["_source"] = {"excludes": list(SOURCE_EXCLUDES)}
    body["mappings"]["_meta"] = {"mapping_version": MAPPING_VERSION}
    return body


def cpv_number(code: str) -> str:
    """The 8-digit part of a CPV code such as ``48000000-8``."""
    return code.strip().split("-", 1)[0]


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def to_source(doc: IndexDocument, analysis: Analysis) -> dict[str, Any]:
    """The stored document; raises :class:`search.types.InvalidDocument` for drafts."""
    if doc.status not in INDEXABLE_STATUSES:
        raise InvalidDocument(f"{doc.kind} {doc.id}: status {doc.status!r} is never indexed")
    numbers = [cpv_number(code) for code in doc.cpv_codes]
    source: dict[str, Any] = {
        "kind": doc.kind,
        "doc_id": doc.id,
        "source_version": doc.version,
        "title": doc.title,
        "text": doc.text,
        **analysed_fields(doc.title, doc.text, analysis),
        "suggest": completion_entries(doc.title),
        "language": doc.language,
        "organization_id": str(doc.organization_id),
        "organization_name": doc.organization_name,
        "sector": doc.sector,
        "cpv_codes": [code.strip() for code in doc.cpv_codes],
        "cpv_divisions": sorted({number[:2] for number in numbers}),
        "cpv_groups": sorted({number[:3] for number in numbers}),
        "counties": list(doc.counties),
        "status": doc.status,
        "stage": doc.stage,
        "procedure": doc.procedure,
        "trl": None if doc.trl is None else str(doc.trl),
        "published_at": _iso(doc.published_at),
        "deadline": _iso(doc.deadline),
        "starts_at": _iso(doc.starts_at),
        "seeks_pilot": None if doc.seeks_pilot is None else str(doc.seeks_pilot).lower(),
        "gain_types": list(doc.gain_types),
    }
    if doc.embedding is not None:
        source["embedding"] = list(doc.embedding)
    return source


def analysed_fields(title: str, text: str, analysis: Analysis) -> dict[str, str]:
    """The fields computed in Python from title and text, for both backends: every part of the
    Norwegian compounds, and the roots of the English derivations."""
    both = f"{title} {text}"
    return {
        "compound_parts": " ".join(analysis.compound_parts(both)),
        "en_roots": " ".join(analysis.english_root_terms(both)),
    }


def completion_entries(title: str) -> list[dict[str, Any]]:
    """Whole-title completions weigh more than completions from a later word of the title."""
    inputs = completion_inputs(title)
    entries = [{"input": inputs[:1], "weight": TITLE_COMPLETION_WEIGHT}]
    if inputs[1:]:
        entries.append({"input": inputs[1:], "weight": WORD_COMPLETION_WEIGHT})
    return entries


def public_source(source: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in source.items() if key not in INTERNAL_FIELDS}
