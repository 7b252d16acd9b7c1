"""A term bridge for explanations: English and nynorsk stems -> bokmål stems.

Read at run time from FreeDict's dictd files as Debian installs them (apt packages
dict-freedict-eng-nor and dict-freedict-nno-nob, in /usr/share/dictd or $MATCHING_DICT_DIR).
When they are missing the bridge is empty and shared terms are the stems both texts
literally have: explanations degrade, rankings do not change (scoring never uses it).
"""

from __future__ import annotations

import gzip
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from matching.text import terms

DICTIONARIES = {"en": "freedict-eng-nor", "nn": "freedict-nno-nob"}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NUMBERED = re.compile(r"^\d+\.\s+(.*?)(?:\s+\d+\.)?$")
_WORD = re.compile(r"^[^\W\d_]+$")

Bridge = dict[str, frozenset[str]]  # stem in the source language -> bokmål stems


def _decode(value: str) -> int:
    number = 0
    for char in value:
        number = number * 64 + _B64.index(char)
    return number


def dict_dir() -> Path:
    return Path(os.environ.get("MATCHING_DICT_DIR", "/usr/share/dictd"))


def read_dictd(name: str, directory: Path) -> Iterator[tuple[str, str]]:
    """(headword, entry body) pairs of a dictd dictionary; nothing when it is not installed."""
    index, data = directory / f"{name}.index", directory / f"{name}.dict.dz"
    if not index.exists() or not data.exists():
        return
    body = gzip.decompress(data.read_bytes())
    for line in index.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not parts[0].startswith("00-database"):
            start, length = _decode(parts[1]), _decode(parts[2])
            yield parts[0], body[start : start + length].decode("utf-8", "replace")


def translations(entry: str) -> list[str]:
    """Single-word translations: numbered lines ('1. falle'), else the line after the head."""
    lines = [line.strip() for line in entry.splitlines()[1:] if line.strip()]
    numbered = [m.group(1) for m in map(_NUMBERED.match, lines) if m]
    candidates = numbered or lines[:1]
    words = (w.strip() for line in candidates for w in re.split(r"[,;]", line))
    return [w.lower() for w in words if _WORD.match(w)]


def build_bridge(name: str, language: str, directory: Path) -> Bridge:
    bridge: defaultdict[str, set[str]] = defaultdict(set)
    for headword, entry in read_dictd(name, directory):
        if not _WORD.match(headword):
            continue
        heads = terms(headword, "en" if language == "en" else "no")
        targets = {t for word in translations(entry) for t in terms(word, "no")}
        if heads and targets:
            bridge[heads[0]].update(targets)
    return {stem: frozenset(values) for stem, values in bridge.items()}


@lru_cache(maxsize=4)
def load_bridge(language: str) -> Bridge:
    name = DICTIONARIES.get(language)
    return build_bridge(name, language, dict_dir()) if name else {}


def to_bokmal(stem: str, language: str, bridge: Bridge | None = None) -> frozenset[str]:
    """The stem itself plus its bokmål stems (for 'nb' and unknown languages: itself)."""
    table = load_bridge(language) if bridge is None else bridge
    return frozenset({stem}) | table.get(stem, frozenset())


def warm() -> int:
    """Build every bridge now (about 5 s from the FreeDict files) rather than on the first
    explanation a process makes; the number of source stems bridged."""
    return sum(len(load_bridge(language)) for language in DICTIONARIES)
