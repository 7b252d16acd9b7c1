"""Figure 1: import → embed → index throughput against raw encoder calls plus a raw
``elasticsearch.helpers.bulk`` of the same documents.

The pipeline is ``manage.py import_solutions FILE`` on a JSON Lines file of new generated
solutions: every row checked with the API's rules, saved in batches, embedded into the
matching engine's cache, indexed in bulk. The raw side encodes the same composed texts with
one ``encoder.encode`` call and bulk-loads the same index sources (built from the imported
rows) into a scratch index with the same mapping. Every text is encoded for real, so this is
also the encoder's throughput on a sample of real-sentence texts.
"""

from __future__ import annotations

import json
import time
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command
from elasticsearch import helpers

from backend.accounts.models import Organization
from backend.discovery.documents import solution_document
from backend.discovery.services import search_backend
from backend.matches.engine import default_encoder, solution_item
from backend.solutions.models import Solution
from benchmarks.seed import Seeder, refresh_indices
from benchmarks.stack import VAR
from matching.text import compose_text
from search.documents.catalogue import index_definition, to_source

SAMPLE_START = 5_000_000


def write_sample(seeder: Seeder, size: int, path: Path) -> None:
    """New generated solutions as an import file (organisations by number)."""
    numbers = dict(
        Organization.objects.filter(pk__in=seeder.suppliers).values_list("pk", "org_number")
    )
    with path.open("w", encoding="utf-8") as out:
        for n in range(size):
            doc = seeder.generator.solution(SAMPLE_START + n)
            row = {
                "external_id": f"bench-{SAMPLE_START + n}",
                "organization": numbers[seeder.suppliers[doc.owner % len(seeder.suppliers)]],
                "title": doc.title,
                "description": doc.description,
                "sector": doc.sector,
                "cpv_codes": list(doc.cpv_codes),
                "trl": doc.trl,
                "regions": list(doc.regions),
                "language": doc.language,
                "status": "published",
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


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
    path = VAR / "import-sample.jsonl"
    write_sample(seeder, sample, path)
    encoder.encode(["Oppvarming av modellen."])
    before = Solution.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    # Pipeline: the import command (check, save, embed, index).
    report = StringIO()
    started = time.perf_counter()
    call_command("import_solutions", str(path), stdout=report, stderr=report)
    refresh_indices()
    pipeline_s = time.perf_counter() - started
    rows = list(Solution.objects.filter(pk__gt=before).select_related("organization"))
    if len(rows) != sample:
        raise RuntimeError(f"imported {len(rows)} of {sample} rows:\n{report.getvalue()[-2000:]}")
    # Raw: the same texts through the encoder, the same documents through helpers.bulk.
    texts = [compose_text(solution_item(row)) for row in rows]
    raw_started = time.perf_counter()
    encoder.encode(texts)
    raw_encode_s = time.perf_counter() - raw_started
    raw_bulk_s = _raw_bulk(rows)
    raw_s = raw_encode_s + raw_bulk_s
    return {
        "documents": sample,
        "pipeline": "manage.py import_solutions",
        "pipeline_s": pipeline_s,
        "raw_encode_s": raw_encode_s,
        "raw_bulk_s": raw_bulk_s,
        "encoder_texts_per_s": sample / raw_encode_s,
        "pipeline_docs_per_s": sample / pipeline_s,
        "raw_docs_per_s": sample / raw_s,
        "ratio_pipeline_vs_raw": raw_s / pipeline_s,
    }
