"""The Common Procurement Vocabulary (CPV 2008), loaded from the copies in data/.

Codes are stored as 8 digits (the check digit that Doffin and TED append after a
dash is accepted on input and dropped). Every code has its English name (the EU's
Regulation (EC) No 213/2008) and its official Norwegian name (DFØ's translation, as
Doffin shows it; data/README.md says where both come from); a label is in the
request's language.
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
    name_nb: str

    @property
    def division(self) -> str:
        return self.code[:2]

    @property
    def group(self) -> str:
        return self.code[:3]

    @property
    def label(self) -> str:
        """The name in the active language: English for English, Norwegian otherwise."""
        return self.name_en if (get_language() or "nb").startswith("en") else self.name_nb


def _names(file: str, column: str) -> dict[str, str]:
    with (DATA / file).open(encoding="utf-8") as fh:
        return {row["code"]: row[column] for row in csv.DictReader(fh, delimiter="\t")}


@cache
def cpv_codes() -> dict[str, CpvCode]:
    english = _names("cpv-2008-en.tsv", "name_en")
    norwegian = _names("cpv-2008-nb.tsv", "name_nb")
    # Every code has both names (tests/backend/test_cpv_labels.py); English stands in otherwise.
    return {code: CpvCode(code, en, norwegian.get(code) or en) for code, en in english.items()}


def normalize_cpv(value: str) -> str:
    """Return the 8-digit code for "48000000" or "48000000-8"; raise ValidationError otherwise."""
    raw = value.strip()
    code = raw.partition("-")[0]
    if len(code) != 8 or not code.isdigit() or code not in cpv_codes():
        raise ValidationError(_("%(code)s is not a CPV code.") % {"code": raw}, code="invalid_cpv")
    return code


def cpv_search(query: str, limit: int = 20) -> list[CpvCode]:
    """Codes starting with the digits, or whose Norwegian or English name holds the text:
    names in the request's language that start with it first, then the other matches, each
    in code order."""
    q = query.strip().lower()
    codes = cpv_codes().values()
    if q.isdigit():
        return [c for c in codes if c.code.startswith(q)][:limit]
    found = [c for c in codes if q in c.name_nb.lower() or q in c.name_en.lower()]
    return sorted(found, key=lambda c: not c.label.lower().startswith(q))[:limit]


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
