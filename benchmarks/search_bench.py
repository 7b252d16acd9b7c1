"""Search benchmark (not a timed test; figures vary on a shared machine).

Indexes N synthetic Norwegian needs/solutions into the embedded backend (and Elasticsearch when
``--es-url`` answers), then times typical searches: plain words, inflected forms, a typo,
filters with facets, hybrid, autocomplete. The embedded backend is meant for ``make run``'s
demo data (hundreds to a few thousand documents); this shows where it stops being comfortable.

python -m benchmarks.search_bench [--docs 1000] [--queries 20] [--es-url http://127.0.0.1:59200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from search.analysis import default_analysis
from search.backends import SearchBackend, get_backend
from search.types import IndexDocument, SearchRequest

WORDS = (  # noqa: SIM905
    "kommune trygghetsalarmer velferdsteknologi sykehjem hjemmetjeneste digitalisering sensorer "
    "anskaffelse innovasjon leverandører pasienter oppfølging skole elever læring energi bygg "
    "vann avløp transport klima utslipp plattform data deling brukere ansatte tjenester"
).split()
SECTORS = ("helse-og-omsorg", "oppvekst", "bygg-og-eiendom", "vann-og-avlop", "transport")
DIMS = 16


def synthetic_docs(count: int, seed: int = 7) -> list[IndexDocument]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        IndexDocument(
            kind="need" if i % 3 else "solution",
            id=i,
            version=1,
            title=" ".join(rng.sample(WORDS, 4)).capitalize(),
            text=" ".join(rng.choices(WORDS, k=60)),
            language="nb",
            organization_id=rng.randint(1, 50),
            organization_name="Virksomhet",
            sector=rng.choice(SECTORS),
            cpv_codes=(f"{rng.choice((48, 72, 33, 45))}000000-0",),
            counties=(rng.choice(("03", "11", "46", "50")),),
            status="published",
            stage="markedsdialog",
            published_at=start + timedelta(days=rng.randint(0, 300)),
            deadline=start + timedelta(days=rng.randint(100, 400)),
            embedding=tuple(rng.gauss(0, 1) for _ in range(DIMS)),
        )
        for i in range(1, count + 1)
    ]


def timed(label: str, runs: int, call: Callable[[], object]) -> None:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    print(f"  {label:<34} median {statistics.median(samples):7.1f} ms  max {max(samples):7.1f} ms")


def bench(name: str, backend: SearchBackend, docs: list[IndexDocument], runs: int) -> None:
    print(f"{name}: {len(docs)} documents")
    backend.ensure_indices()
    started = time.perf_counter()
    backend.index(docs)
    print(f"  {'index (one batch)':<34} {time.perf_counter() - started:7.1f} s")
    vector = docs[0].embedding or ()
    cases: dict[str, SearchRequest] = {
        "word": SearchRequest(text="sykehjem"),
        "inflected (kommunen)": SearchRequest(text="kommunen"),
        "typo (velferdsteknologj)": SearchRequest(text="velferdsteknologj"),
        "two words + filters": SearchRequest(
            text="trygghetsalarm sensor", filters={"sector": ("helse-og-omsorg",)}
        ),
        "empty query, sort deadline, page 3": SearchRequest(sort="deadline", page=3),
        "hybrid": SearchRequest(text="energi", semantic=True, query_vector=vector),
    }
    for label, request in cases.items():
        timed(label, runs, lambda request=request: backend.search(request))  # type: ignore[misc]
    timed("autocomplete", runs, lambda: backend.autocomplete("trygg"))
    timed("knn k=50", runs, lambda: backend.knn("need", vector, 50))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="search_bench")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--es-url", default="")
    args, _ = parser.parse_known_args(argv)
    started = time.perf_counter()
    default_analysis().compound_parts("trygghetsalarmer")  # loads nb/nn
    default_analysis().stemmed_terms("en", ["loading"])
    print(f"dictionaries loaded in {time.perf_counter() - started:.1f} s")
    docs = synthetic_docs(args.docs)
    with tempfile.TemporaryDirectory() as path:
        bench(
            "embedded", get_backend("embedded", path=path, embedding_dims=DIMS), docs, args.queries
        )
    if args.es_url and get_backend("elasticsearch", url=args.es_url).ping():
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        backend = get_backend(
            "elasticsearch",
            url=args.es_url,
            index_prefix=prefix,
            embedding_dims=DIMS,
            number_of_replicas=0,
            refresh=True,
        )
        try:
            bench("elasticsearch", backend, docs, args.queries)
        finally:
            backend.clear()
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
