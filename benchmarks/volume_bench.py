"""Benchmarks at volume (`make bench`): the platform against raw baselines, in one run.

Generates a corpus from real sentences (benchmarks.generate), loads it into the bench's own
PostgreSQL database and Elasticsearch indices at growing sizes, and measures, each figure a
ratio of two things measured in the same run:

1. import → embed → index throughput against raw encoder calls + raw helpers.bulk (≥ 0.8×);
2. publish-to-suggestions latency for one new need at each corpus size (flat, not linear);
3. Elasticsearch k-NN top-10 against brute-force numpy at the largest size (≤ 2×, recall ≥ 0.95);
4. search API p50/p95 with 1 and 8 clients against the same queries sent to Elasticsearch (≤ 1.3×);
5. list and detail throughput under gunicorn against the stack's floor, SQL queries per list
   page at two page sizes (constant), peak memory of the web and the worker processes;
and outbox draining with one and two Celery worker processes on the matching queue.

Prints a table and writes var/bench/results.json. Sizes: BENCH_SCALE=small|full (default
full: 1k, 10k and 100k solutions, a fifth as many needs, a tenth of those conferences) or
--scales 1000,10000; see --help.

``--only latency``: figure 2 alone (the corpus grown step by step, the publish latency at
each size), into var/bench/results-latency.json. ``--only search``: figure 4 alone, on the
corpus grown straight to the largest size (no other figure), or with ``--reuse`` on the
corpus a previous run left in the bench database and indices; writes
var/bench/results-search.json. ``BENCH_DATABASE`` (a name ending in _bench)
and ``SEARCH_INDEX_PREFIX`` give a run a corpus of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.report import print_table
from benchmarks.stack import ROOT, VAR, recreate_database, setup_django


@dataclass(frozen=True)
class Scale:
    scales: tuple[int, ...]
    sample: int
    knn_queries: int
    search_rounds: int
    list_seconds: float
    drain_entries: int
    latency_trials: int


SCALES = {
    "full": Scale((1_000, 10_000, 100_000), 2_000, 200, 5, 5.0, 8, 5),
    "small": Scale((200, 1_000, 3_000), 100, 50, 2, 2.0, 4, 3),
}


def parse(argv: Sequence[str]) -> tuple[Scale, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.volume_bench")
    parser.add_argument("--scale", choices=sorted(SCALES), default=os.environ.get("BENCH_SCALE"))
    parser.add_argument("--scales", help="solutions per step, e.g. 1000,10000,100000")
    parser.add_argument("--sample", type=int, help="documents in the import throughput sample")
    parser.add_argument("--drain", type=int, help="outbox entries per worker run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-workers", action="store_true", help="skip the worker runs")
    parser.add_argument(
        "--only",
        choices=("latency", "search"),
        help="run one figure (2: publish latency at each size; 4: search)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --only: measure the corpus already in the bench database and indices",
    )
    args, _unknown = parser.parse_known_args(argv)
    name = args.scale or "full"
    if name not in SCALES:
        parser.error(f"BENCH_SCALE must be one of {', '.join(SCALES)}, not {name!r}")
    scale = SCALES[name]
    if args.scales:
        try:
            sizes = tuple(int(s) for s in args.scales.split(","))
        except ValueError:
            parser.error(f"--scales takes whole numbers separated by commas, not {args.scales!r}")
        if not sizes or min(sizes) < 10 or list(sizes) != sorted(sizes):
            parser.error("--scales must be ascending sizes of at least 10")
        scale = replace(scale, scales=sizes)
    if args.sample is not None:
        scale = replace(scale, sample=max(10, args.sample))
    if args.drain is not None:
        scale = replace(scale, drain_entries=max(2, args.drain))
    if args.reuse and args.only != "search":
        parser.error("--reuse goes with --only search (the others build their corpus step by step)")
    args.scale = name
    return scale, args


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "commit": commit,
    }


def run(scale: Scale, args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    recreate_database()
    from backend.discovery.services import search_backend
    from backend.matches.engine import default_encoder
    from benchmarks import api_figures, matching_figures, throughput, workers
    from benchmarks.generate import Generator
    from benchmarks.seed import Seeder
    from benchmarks.stack import purge_broker
    from benchmarks.vectors import SentenceVectors

    backend = search_backend()
    backend.clear()
    backend.ensure_indices()
    purge_broker()
    vectors = SentenceVectors(default_encoder())
    seeder = Seeder(Generator(seed=args.seed), vectors)
    results: dict[str, Any] = {"sentences": seeder.sentences()}
    results["sentence_encoding"] = {"encoded": vectors.encoded, "seconds": vectors.encode_seconds}
    results["latency"] = []
    for step, size in enumerate(scale.scales):
        started = time.perf_counter()
        seeder.grow(solutions=size, needs=size // 5, conferences=size // 50)
        print(f"[bench] corpus {size:,} solutions in {time.perf_counter() - started:.0f} s")
        latency = matching_figures.publish_latency(
            seeder, trials=scale.latency_trials, budget_s=240
        )
        print(f"[bench] publish latency at {size:,}: {latency['median_s']:.2f} s", flush=True)
        results["latency"].append(latency)
        if step == 0 and not args.no_workers:
            results["workers"] = workers.worker_scaling(seeder, entries=scale.drain_entries)
            print("[bench] workers done", flush=True)
    results["seeding"] = dict(seeder.timings)
    results["knn"] = matching_figures.knn_against_numpy(seeder, queries=scale.knn_queries)
    print("[bench] knn done", flush=True)
    results["api"] = api_figures.api_figures(rounds=scale.search_rounds, seconds=scale.list_seconds)
    results["queries_per_page"] = api_figures.queries_per_page()
    print("[bench] api done", flush=True)
    results["import"] = throughput.import_throughput(seeder, sample=scale.sample)
    return results


def run_latency(scale: Scale, args: argparse.Namespace) -> dict[str, Any]:
    """Figure 2 alone: the corpus grown to each size in turn, the publish latency at each."""
    setup_django()
    recreate_database()
    from backend.discovery.services import search_backend
    from backend.matches.engine import default_encoder
    from benchmarks import matching_figures
    from benchmarks.generate import Generator
    from benchmarks.seed import Seeder
    from benchmarks.vectors import SentenceVectors

    backend = search_backend()
    backend.clear()
    backend.ensure_indices()
    seeder = Seeder(Generator(seed=args.seed), SentenceVectors(default_encoder()))
    seeder.sentences()
    latency = []
    for size in scale.scales:
        started = time.perf_counter()
        seeder.grow(solutions=size, needs=size // 5, conferences=size // 50)
        print(f"[bench] corpus {size:,} solutions in {time.perf_counter() - started:.0f} s")
        step = matching_figures.publish_latency(seeder, trials=scale.latency_trials, budget_s=240)
        print(f"[bench] publish latency at {size:,}: {step['median_s']:.2f} s", flush=True)
        latency.append(step)
    return {"latency": latency, "seeding": dict(seeder.timings)}


def run_search(scale: Scale, args: argparse.Namespace) -> dict[str, Any]:
    """Figure 4 alone: the corpus at the largest size (or the one already there, ``--reuse``),
    then the search API under gunicorn against the same requests sent to Elasticsearch."""
    setup_django()
    from backend.discovery.services import search_backend
    from backend.solutions.models import Solution
    from benchmarks import api_figures
    from benchmarks.stack import gunicorn
    from search.types import SearchRequest

    if not args.reuse:
        recreate_database()
        _seed(scale.scales[-1], args.seed)
    elif not Solution.objects.exists() or not search_backend().search(SearchRequest()).total:
        raise SystemExit("--reuse: the bench database or its indices hold no corpus yet")
    elif search_backend().outdated():
        print("[bench] --reuse: the indices predate this code's mapping version")
    with gunicorn() as (_service, port):
        return {"api": {"search": api_figures.search_latency(port, scale.search_rounds)}}


def _seed(size: int, seed: int) -> None:
    from backend.discovery.services import search_backend
    from backend.matches.engine import default_encoder
    from benchmarks.generate import Generator
    from benchmarks.seed import Seeder
    from benchmarks.vectors import SentenceVectors

    backend = search_backend()
    backend.clear()
    backend.ensure_indices()
    seeder = Seeder(Generator(seed=seed), SentenceVectors(default_encoder()))
    seeder.sentences()
    started = time.perf_counter()
    seeder.grow(solutions=size, needs=size // 5, conferences=size // 50)
    print(f"[bench] corpus {size:,} solutions in {time.perf_counter() - started:.0f} s")


def main(argv: Sequence[str] | None = None) -> int:
    scale, args = parse(list(argv or []))
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    runs = {"latency": run_latency, "search": run_search}
    results = runs.get(args.only or "", run)(scale, args)
    document = {
        "scale": args.scale,
        "sizes": list(scale.scales),
        "machine": machine(),
        "started_at": started_at,
        "seconds": time.perf_counter() - started,
        "results": results,
    }
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / ("results.json" if args.only is None else f"results-{args.only}.json")
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(document)
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
