"""CPV 2008 codes: labels (English, shipped in matching/data) and hierarchy overlap."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

CPV_FILE = Path(__file__).resolve().parent / "data" / "cpv-2008-en.tsv"


def normalise_cpv(code: str) -> str:
    """'79711000-1' -> '79711000' (check digit dropped)."""
    return code.strip().split("-")[0][:8]


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    text = CPV_FILE.read_text("utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines()[1:] if "\t" in line)
    return {code: name for code, name in rows}


def cpv_labels(codes: Iterable[str]) -> list[str]:
    labels = _labels()
    return [labels[c] for c in (normalise_cpv(code) for code in codes) if c in labels]


def _significant(code: str) -> str:
    """The code without its trailing zeros, at least the two-digit division."""
    stripped = normalise_cpv(code).rstrip("0")
    return stripped if len(stripped) >= 2 else normalise_cpv(code)[:2]


def cpv_pair_overlap(a: str, b: str) -> float:
    """Shared hierarchy depth: 1.0 same code or one under the other, 0.4 same division."""
    x, y = _significant(a), _significant(b)
    if x.startswith(y) or y.startswith(x):
        return 1.0
    shared = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        shared += 1
    return 0.0 if shared < 2 else min(0.9, 0.4 + 0.15 * (shared - 2))


def cpv_overlap(source: Iterable[str], target: Iterable[str]) -> float:
    """Mean over source codes of the best overlap with a target code; 0 if either is empty."""
    xs, ys = list(source), list(target)
    if not xs or not ys:
        return 0.0
    return sum(max(cpv_pair_overlap(x, y) for y in ys) for x in xs) / len(xs)
