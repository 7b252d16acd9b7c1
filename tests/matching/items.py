"""Builders shared by the matching tests (the dev-set copy lives in data/)."""

from __future__ import annotations

from pathlib import Path

from matching.types import MatchItem

DATA = Path(__file__).resolve().parent / "data"


def need(id: str, title: str, description: str, **fields: object) -> MatchItem:
    return MatchItem(id=id, kind="need", title=title, description=description, **fields)  # type: ignore[arg-type]


def solution(id: str, title: str, description: str, **fields: object) -> MatchItem:
    return MatchItem(id=id, kind="solution", title=title, description=description, **fields)  # type: ignore[arg-type]


def no_bridge(stem: str, language: str) -> frozenset[str]:
    """Keeps the unit tests off the FreeDict files (they may or may not be installed)."""
    return frozenset({stem})
