"""Reading an import file: CSV with a header row, or JSON Lines (one object a line).

Both give the same thing: each record's line number and its fields as the API would receive
them (lists as lists, empty CSV cells left out). A record that cannot be read at all (bad
JSON, a line that is not an object) comes back with its error instead of fields; a file that
cannot be read (not UTF-8, no header, unknown columns) raises ImportFileError.
"""

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.utils.translation import gettext as _

Format = Literal["csv", "jsonl"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl")
EXTENSIONS: dict[str, Format] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: List fields in a CSV cell are separated by ";" or "|".
LIST_SEPARATOR = re.compile(r"[;|]")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why (and where)."""


@dataclass(frozen=True)
class Record:
    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    #: Why the record could not be read (then `fields` is empty).
    error: str = ""


@dataclass(frozen=True)
class ImportSource:
    """A file to import, with its format and which of its fields are lists."""

    path: Path
    format: Format
    columns: frozenset[str]
    list_fields: frozenset[str]
    delimiter: str = ","

    def records(self) -> Iterator[Record]:
        try:
            if self.format == "csv":
                yield from self._csv_records()
            else:
                yield from self._jsonl_records()
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("The file is not UTF-8 text (byte %(offset)d). Save it as UTF-8 and try again.")
                % {"offset": exc.start}
            ) from exc

    def _csv_records(self) -> Iterator[Record]:
        with self.path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=self.delimiter, strict=True)
            header = self._header(next(reader, None))
            line = reader.line_num + 1
            try:
                for cells in reader:
                    if any(c.strip() for c in cells):  # blank lines and empty rows are skipped
                        yield self._csv_record(line, header, cells)
                    line = reader.line_num + 1
            except csv.Error as exc:
                raise ImportFileError(
                    _("Line %(line)d: the CSV cannot be read (%(error)s).")
                    % {"line": line, "error": exc}
                ) from exc

    def _header(self, cells: list[str] | None) -> list[str]:
        if not cells:
            raise ImportFileError(_("The file is empty: a CSV file starts with a header row."))
        names = [c.strip().lower() for c in cells]
        unknown = sorted({n for n in names if n not in self.columns})
        if unknown:
            raise ImportFileError(
                _("Line 1: unknown columns %(unknown)s. Known columns: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(self.columns))}
            )
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ImportFileError(
                _("Line 1: columns given twice: %(columns)s.") % {"columns": ", ".join(twice)}
            )
        return names

    def _csv_record(self, line: int, header: list[str], cells: list[str]) -> Record:
        if len(cells) != len(header):
            return Record(
                line,
                error=_("The row has %(cells)d cells, the header %(columns)d.")
                % {"cells": len(cells), "columns": len(header)},
            )
        fields: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=True):
            value = cell.strip()
            if value:
                fields[name] = self._split(value) if name in self.list_fields else value
        return Record(line, fields)

    def _split(self, value: str) -> list[str]:
        return [part.strip() for part in LIST_SEPARATOR.split(value) if part.strip()]

    def _jsonl_records(self) -> Iterator[Record]:
        with self.path.open(encoding="utf-8-sig") as fh:
            for line, text in enumerate(fh, start=1):
                if text.strip():
                    yield self._jsonl_record(line, text)

    def _jsonl_record(self, line: int, text: str) -> Record:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            return Record(line, error=_("Not valid JSON: %(error)s.") % {"error": exc.msg})
        if not isinstance(value, dict):
            return Record(line, error=_("Each line must be one JSON object."))
        unknown = sorted(k for k in value if k not in self.columns)
        if unknown:
            return Record(
                line,
                error=_("Unknown fields %(unknown)s. Known fields: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(self.columns))},
            )
        fields = {
            k: self._split(v) if k in self.list_fields and isinstance(v, str) else v
            for k, v in value.items()
        }
        return Record(line, fields)


def format_of(path: Path, given: str | None) -> Format:
    """The format named by --format, or else by the file's extension."""
    if given:
        if given not in FORMATS:
            raise ImportFileError(
                _("Unknown format %(format)s: use csv or jsonl.") % {"format": given}
            )
        return given
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise ImportFileError(
            _(
                "Cannot tell the format of %(file)s from its extension (.csv, .jsonl, .ndjson): "
                "give --format csv or --format jsonl."
            )
            % {"file": path.name}
        )
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
