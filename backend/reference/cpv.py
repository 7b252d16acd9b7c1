"""The Common Procurement Vocabulary (CPV 2008), loaded from the copy in data/.

Codes are stored as 8 digits (the check digit that Doffin and TED append after a
dash is accepted on input and dropped). Divisions carry Norwegian labels; finer
codes fall back to their English name, prefixed by the Norwegian division.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CpvCode:
    code: str
    name_en: str
    division_nb: str

    @property
    def division(self) -> str:
        return self.code[:2]

    @property
    def group(self) -> str:
        return self.code[:3]

    @property
    def label(self) -> str:
        if (get_language() or "nb").startswith("en"):
            return self.name_en
        if self.code.endswith("000000"):
            return self.division_nb
        return f"{self.name_en} ({self.division_nb})"


@cache
def _divisions_nb() -> dict[str, str]:
    with (DATA / "cpv-divisions-nb.tsv").open(encoding="utf-8") as fh:
        return {row["code"][:2]: row["name_nb"] for row in csv.DictReader(fh, delimiter="\t")}


@cache
def cpv_codes() -> dict[str, CpvCode]:
    divisions = _divisions_nb()
    with (DATA / "cpv-2008-en.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {
            r["code"]: CpvCode(r["code"], r["name_en"], divisions.get(r["code"][:2], ""))
            for r in rows
        }


def normalize_cpv(value: str) -> str:
    """Return the 8-digit code for "48000000" or "48000000-8"; raise ValidationError otherwise."""
    raw = value.strip()
    code = raw.partition("-")[0]
    if len(code) != 8 or not code.isdigit() or code not in cpv_codes():
        raise ValidationError(_("%(code)s is not a CPV code.") % {"code": raw}, code="invalid_cpv")
    return code


def cpv_search(query: str, limit: int = 20) -> list[CpvCode]:
    q = query.strip().lower()
    codes = cpv_codes().values()
    if q.isdigit():
        return [c for c in codes if c.code.startswith(q)][:limit]
    return [c for c in codes if q in c.name_en.lower() or q in c.division_nb.lower()][:limit]


def clean_cpv_codes(values: list[str] | None) -> tuple[list[str], list[str]]:
    """Normalised, de-duplicated codes and the messages for the values that are not codes."""
    codes: list[str] = []
    errors: list[str] = []
    for raw in values or []:
        try:
            codes.append(normalize_cpv(str(raw)))
        except ValidationError as exc:
            errors.extend(exc.messages)
    return list(dict.fromkeys(codes)), errors
