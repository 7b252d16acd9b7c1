"""Spreadsheet exports (CSV and XLSX) that are safe to open in Excel, LibreOffice or Numbers.

Services build a `Table`; the API renders it as CSV or XLSX. Text that people typed (names,
titles, reasons) may start like a formula (`=HYPERLINK(...)`): a spreadsheet would run it.
Following OWASP's "CSV Injection" rule, a CSV cell that starts with `=`, `+`, `-`, `@`, tab
or carriage return (also after leading spaces, and their full-width forms) gets a leading
single quote, so it is read as text. In XLSX every text is stored as a string cell, never a
formula, and a formula-like one is marked "quote prefix" (text even when edited), so its
text stays exactly as typed. CSV is UTF-8 with a byte-order mark, so Excel reads æ, ø and å.

defusedcsv (PyPI) was considered: it leaves tab and carriage return through and rewrites
`|`, so the rule is kept here in one small function instead.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
_LEADING_BLANKS = " \u00a0\u3000"
BOM = "\ufeff"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Table:
    """A sheet: its name, the column headings and the rows (plain values)."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula (OWASP's list of first characters,
    also after leading blanks, which some programs skip)."""
    if text[:1] in FORMULA_STARTS:
        return True
    return text.lstrip(_LEADING_BLANKS)[:1] in FORMULA_STARTS


def neutralise(value: Cell) -> Cell:
    """A CSV cell that no spreadsheet runs: numbers as they are, formula-like text behind a
    single quote."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if formula_like(text) else text


def table_csv(table: Table) -> str:
    """The table as CSV text, beginning with the byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in table.header])
    writer.writerows([neutralise(v) for v in row] for row in table.rows)
    return BOM + out.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(c for c in title if c not in "[]:*?/\\")
    return cleaned[:31] or "Ark1"


def _put(sheet: Worksheet, row: int, column: int, value: Cell, *, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
    else:
        text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if formula_like(text):
            cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)


def table_xlsx(table: Table) -> bytes:
    """The table as an Excel workbook with one sheet; the heading row stays in view."""
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = _sheet_title(table.title)
    for column, heading in enumerate(table.header, start=1):
        _put(sheet, 1, column, heading, bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = max(12, len(heading) + 4)
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_number, column, value)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
