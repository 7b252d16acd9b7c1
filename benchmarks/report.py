"""The table `make bench` prints from the results document (var/bench/results.json)."""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str, str, str]


def _ok(passed: bool) -> str:
    return "yes" if passed else "NO"


def _import_rows(r: dict[str, Any]) -> list[Row]:
    i = r["import"]
    return [
        (
            f"1 import→embed→index, {i['documents']:,} docs",
            f"{i['pipeline_docs_per_s']:.1f} docs/s",
            f"raw {i['raw_docs_per_s']:.1f} docs/s",
            f"{i['ratio_pipeline_vs_raw']:.2f}×",
            f"≥ 0.8× {_ok(i['ratio_pipeline_vs_raw'] >= 0.8)}",
        ),
        (
            "  encoder alone (raw encode calls)",
            f"{i['encoder_texts_per_s']:.1f} texts/s",
            "",
            "",
            "",
        ),
    ]


def _latency_rows(r: dict[str, Any]) -> list[Row]:
    steps = r["latency"]
    first = steps[0]["median_s"]
    rows: list[Row] = []
    for step in steps:
        ratio = step["median_s"] / first
        rows.append(
            (
                f"2 publish→suggestions, {step['solutions']:,} solutions",
                f"{step['median_s']:.2f} s",
                f"{steps[0]['solutions']:,}: {first:.2f} s",
                f"{ratio:.2f}×",
                "",
            )
        )
    growth = steps[-1]["solutions"] / steps[0]["solutions"]
    last = steps[-1]["median_s"] / first
    rows[-1] = (*rows[-1][:4], f"flat (≤ 2× for {growth:.0f}× corpus) {_ok(last <= 2)}")
    return rows


def _knn_rows(r: dict[str, Any]) -> list[Row]:
    k = r["knn"]
    return [
        (
            f"3 k-NN top-10, {k['vectors']:,} vectors",
            f"ES {k['es_knn_ms']:.1f} ms",
            f"numpy {k['numpy_ms']:.1f} ms",
            f"{k['ratio_es_vs_numpy']:.2f}×",
            f"≤ 2× {_ok(k['ratio_es_vs_numpy'] <= 2)}",
        ),
        (
            "  recall@10 against exact",
            f"{k['recall@10']:.3f}",
            "",
            "",
            f"≥ 0.95 {_ok(k['recall@10'] >= 0.95)}",
        ),
    ]


def _search_rows(r: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for clients in (1, 8):
        s = r["api"]["search"][f"c{clients}"]
        for q in ("p50", "p95"):
            ratio = s[f"ratio_{q}"]
            rows.append(
                (
                    f"4 search API {q}, {clients} client{'s' if clients > 1 else ''}",
                    f"{s['api'][f'{q}_ms']:.1f} ms",
                    f"ES {s['elasticsearch'][f'{q}_ms']:.1f} ms",
                    f"{ratio:.2f}×",
                    f"≤ 1.3× {_ok(ratio <= 1.3)}",
                )
            )
        if "floor" in s:
            rows.append(
                (
                    f"  the stack's floor, {clients} client{'s' if clients > 1 else ''}",
                    f"p50 {s['floor']['p50_ms']:.1f} ms",
                    "ES + floor: best reachable",
                    f"{s['best_ratio_p50']:.2f}×",
                    "",
                )
            )
    return rows


def _list_rows(r: dict[str, Any]) -> list[Row]:
    lists = r["api"]["lists"]
    floor = lists.get("floor_rps") or lists["floor_json_404_rps"]
    rows: list[Row] = []
    for name, figures in lists.items():
        if not isinstance(figures, dict):
            continue
        rows.append(
            (
                f"5 {name}, 8 clients",
                f"{figures['rps']:.0f} req/s",
                f"floor {floor:.0f} req/s",
                f"{figures['ratio_vs_floor']:.2f}×",
                "",
            )
        )
    for path, counts in r["queries_per_page"].items():
        sizes = [k for k in counts if k.startswith("page_size_")]
        rows.append(
            (
                f"5 SQL queries {path}",
                " / ".join(str(counts[s]) for s in sizes),
                "page size " + " / ".join(s.removeprefix("page_size_") for s in sizes),
                f"{counts['ratio']:.2f}×",
                f"constant {_ok(counts['ratio'] == 1)}",
            )
        )
    memory = r["api"]["memory"]
    rows.append(
        ("5 peak memory, web worker", f"{memory['gunicorn_worker_peak_mb']:.0f} MB", "", "", "")
    )
    return rows


def _worker_rows(r: dict[str, Any]) -> list[Row]:
    if "workers" not in r:
        return []
    w = r["workers"]
    one, two, wide = w["one_worker"], w["two_workers"], w["one_worker_two_threads"]
    return [
        (
            f"6 outbox draining, {two['entries']} needs",
            f"2 workers {two['entries_per_s']:.2f}/s",
            f"1 worker {one['entries_per_s']:.2f}/s",
            f"{w['ratio_two_vs_one']:.2f}×",
            "",
        ),
        (
            "  (1 worker with 2 encoder threads)",
            "",
            f"{wide['entries_per_s']:.2f}/s",
            f"{w['ratio_two_vs_one_two_threads']:.2f}×",
            "",
        ),
        ("5 peak memory, worker with model", f"{two['worker_peak_mb']:.0f} MB", "", "", ""),
    ]


def rows(document: dict[str, Any]) -> list[Row]:
    """The rows of the figures the document holds (a run of one figure holds only that)."""
    r = document["results"]
    api = r.get("api", {})
    return [
        *(_import_rows(r) if "import" in r else []),
        *(_latency_rows(r) if r.get("latency") else []),
        *(_knn_rows(r) if "knn" in r else []),
        *(_search_rows(r) if "search" in api else []),
        *(_list_rows(r) if "lists" in api else []),
        *_worker_rows(r),
    ]


def print_table(document: dict[str, Any]) -> None:
    header: Row = ("figure", "measured", "baseline (same run)", "ratio", "target")
    table = [header, *rows(document)]
    widths = [max(len(row[n]) for row in table) for n in range(5)]
    m = document["machine"]
    print(f"\nmachine: {m['nproc']} cores, {m['ram_gb']} GB, {m['cpu']}; commit {m['commit']}")
    for n, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * width for width in widths))


def markdown_table(document: dict[str, Any]) -> str:
    """The same table in Markdown (for BENCHMARKS.md)."""
    header: Row = ("figure", "measured", "baseline (same run)", "ratio", "target")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.strip() for cell in row) + " |" for row in rows(document)]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """python -m benchmarks.report [var/bench/results.json]: the table in Markdown."""
    import json
    from pathlib import Path

    path = Path(argv[0]) if argv else Path("var/bench/results.json")
    print(markdown_table(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
