"""Figure 1: import → embed → index throughput against raw encoder calls plus a raw
``elasticsearch.helpers.bulk`` of the same documents.

The pipeline is the backend's own path for a batch of new solutions: rows inserted in bulk,
embedded by ``matching.embeddings.embed_items`` with the database embedding cache (as the
matching engine does: chunking, batching, pooling, storing), indexed by the outbox's search
handler ``search_sync`` (documents built from the rows, stored vectors read, bulk write).
The raw side encodes the same composed texts with one ``encoder.encode`` call and bulk-loads
the same index sources into a scratch index with the same mapping. Every text is encoded for
real, so this is also the encoder's throughput on a sample of real-sentence texts.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from elasticsearch import helpers

from backend.discovery.documents import solution_document
from backend.discovery.services import search_backend, search_sync
from backend.matches.engine import DatabaseEmbeddingCache, default_encoder, solution_item
from backend.solutions.models import Solution
from benchmarks.seed import Seeder, batched
from matching.embeddings import embed_items
from matching.text import compose_text
from search.documents.catalogue import index_definition, to_source

SAMPLE_START = 5_000_000


def _rows(seeder: Seeder, size: int) -> list[Solution]:
    docs = [
        replace(seeder.generator.solution(SAMPLE_START + n), status="published")
        for n in range(size)
    ]
    return [seeder._solution(d) for d in docs]


def _raw_bulk(rows: list[Solution]) -> float:
    """Seconds to bulk-load the rows' documents into a fresh index of the same mapping."""
    backend: Any = search_backend()
    sources = [to_source(solution_document(row), backend.analysis) for row in rows]
    name = f"{backend.prefix}-raw-bulk-{time.time_ns()}"
    body = index_definition(name, embedding_dims=backend.embedding_dims, replicas=0)
    backend.client.indices.create(index=name, **body)
    try:
        actions = [
            {"_op_type": "index", "_index": name, "_id": str(row.pk), "_source": source}
            for row, source in zip(rows, sources, strict=True)
        ]
        started = time.perf_counter()
        helpers.bulk(backend.client, actions, chunk_size=500)
        backend.client.indices.refresh(index=name)
        return time.perf_counter() - started
    finally:
        backend.client.indices.delete(index=name)


def import_throughput(seeder: Seeder, *, sample: int) -> dict[str, Any]:
    encoder = default_encoder()
    rows = _rows(seeder, sample)
    encoder.encode(["Oppvarming av modellen."])
    # Pipeline: insert, embed (with storing), index.
    started = time.perf_counter()
    for chunk in batched(rows, 500):
        Solution.objects.bulk_create(list(chunk))
    inserted = time.perf_counter()
    items = [solution_item(row) for row in rows]
    embed_items(items, encoder, DatabaseEmbeddingCache())
    embedded = time.perf_counter()
    for ids in batched([row.pk for row in rows], 500):
        search_sync(entity="solution", ids=list(ids))
    search_backend().client.indices.refresh(index="bench-*")  # type: ignore[attr-defined]
    indexed = time.perf_counter()
    # Raw: the same texts through the encoder, the same documents through helpers.bulk.
    texts = [compose_text(item) for item in items]
    raw_started = time.perf_counter()
    encoder.encode(texts)
    raw_encode_s = time.perf_counter() - raw_started
    raw_bulk_s = _raw_bulk(rows)
    pipeline_s = indexed - started
    raw_s = raw_encode_s + raw_bulk_s
    return {
        "documents": sample,
        "pipeline_s": pipeline_s,
        "pipeline_insert_s": inserted - started,
        "pipeline_embed_s": embedded - inserted,
        "pipeline_index_s": indexed - embedded,
        "raw_encode_s": raw_encode_s,
        "raw_bulk_s": raw_bulk_s,
        "encoder_texts_per_s": sample / raw_encode_s,
        "pipeline_docs_per_s": sample / pipeline_s,
        "raw_docs_per_s": sample / raw_s,
        "ratio_pipeline_vs_raw": raw_s / pipeline_s,
    }
