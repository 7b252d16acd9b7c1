"""Run every benchmarks/*_bench.py module that has a main(); extra arguments go to each."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

FIRST = "volume_bench"  # the figures, the table and var/bench/results.json


def bench_modules() -> list[str]:
    here = Path(__file__).resolve().parent
    stems = sorted(path.stem for path in here.glob("*_bench.py"))
    return [f"benchmarks.{stem}" for stem in sorted(stems, key=lambda stem: stem != FIRST)]


def main(argv: list[str]) -> int:
    failed: list[str] = []
    for name in bench_modules():
        module = importlib.import_module(name)
        run = getattr(module, "main", None)
        if not callable(run):
            continue
        print(f"\n=== {name}", flush=True)
        started = time.perf_counter()
        status = run(argv)
        print(f"=== {name} done in {time.perf_counter() - started:.1f} s", flush=True)
        if status:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
