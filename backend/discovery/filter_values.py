"""Which values each search filter takes: a saved search keeps only filters that can match."""

from collections.abc import Callable, Mapping

from django.utils.translation import gettext as _

from backend.cases.models import Gain
from backend.reference.cpv import cpv_codes
from backend.reference.vocabularies import (
    COUNTY_CODES,
    LANGUAGES,
    PROCEDURES,
    SECTOR_CODES,
    STAGES,
)
from search.types import FILTER_KEYS, INDEXABLE_STATUSES, KINDS


def _digits(n: int) -> Callable[[str], bool]:
    return lambda value: len(value) == n and value.isdigit()


_ACCEPTS: Mapping[str, Callable[[str], bool]] = {
    "kind": frozenset(KINDS).__contains__,
    "sector": SECTOR_CODES.__contains__,
    "cpv_division": _digits(2),
    "cpv_group": _digits(3),
    "cpv_code": lambda value: value in cpv_codes(),
    "county": COUNTY_CODES.__contains__,
    "stage": frozenset(t.code for t in STAGES).__contains__,
    "status": INDEXABLE_STATUSES.__contains__,
    "procedure": frozenset(t.code for t in PROCEDURES).__contains__,
    "trl": frozenset(str(n) for n in range(1, 10)).__contains__,
    "language": frozenset(t.code for t in LANGUAGES).__contains__,
    "organization_id": lambda value: value.isdigit() and len(value) <= 18,
    "seeks_pilot": frozenset({"true", "false"}).__contains__,
    "gain_type": frozenset(Gain.Type.values).__contains__,
}
assert set(_ACCEPTS) == set(FILTER_KEYS), "every search filter says which values it takes"


def filter_errors(filters: Mapping[str, list[str]]) -> list[str]:
    """Messages for unknown filters and for values a filter never takes."""
    errors = [_("Unknown filter: %(name)s.") % {"name": k} for k in filters if k not in _ACCEPTS]
    for name, values in filters.items():
        accepts = _ACCEPTS.get(name)
        errors += [
            _("“%(value)s” is not a value of the filter %(name)s.") % {"value": v, "name": name}
            for v in values
            if accepts is not None and not accepts(v)
        ]
    return errors
