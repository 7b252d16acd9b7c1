"""Organisation names for generated data: real municipalities and counties as buyers,
Norwegian-sounding companies as suppliers, and MOD11-valid organisation numbers."""

from __future__ import annotations

from collections.abc import Iterator

COUNTY_CODES = {
    "Oslo": "03",
    "Rogaland": "11",
    "Møre og Romsdal": "15",
    "Nordland": "18",
    "Østfold": "31",
    "Akershus": "32",
    "Buskerud": "33",
    "Innlandet": "34",
    "Vestfold": "39",
    "Telemark": "40",
    "Agder": "42",
    "Vestland": "46",
    "Trøndelag": "50",
    "Troms": "55",
    "Finnmark": "56",
}

#: (municipality, county code): a spread over every county, large and small.
MUNICIPALITIES: tuple[tuple[str, str], ...] = (
    ("Oslo", "03"),
    ("Stavanger", "11"),
    ("Sandnes", "11"),
    ("Haugesund", "11"),
    ("Ålesund", "15"),
    ("Molde", "15"),
    ("Kristiansund", "15"),
    ("Bodø", "18"),
    ("Narvik", "18"),
    ("Vefsn", "18"),
    ("Fredrikstad", "31"),
    ("Sarpsborg", "31"),
    ("Halden", "31"),
    ("Moss", "31"),
    ("Bærum", "32"),
    ("Asker", "32"),
    ("Lillestrøm", "32"),
    ("Nordre Follo", "32"),
    ("Drammen", "33"),
    ("Kongsberg", "33"),
    ("Ringerike", "33"),
    ("Hamar", "34"),
    ("Lillehammer", "34"),
    ("Gjøvik", "34"),
    ("Elverum", "34"),
    ("Tønsberg", "39"),
    ("Sandefjord", "39"),
    ("Larvik", "39"),
    ("Skien", "40"),
    ("Porsgrunn", "40"),
    ("Notodden", "40"),
    ("Kristiansand", "42"),
    ("Arendal", "42"),
    ("Grimstad", "42"),
    ("Bergen", "46"),
    ("Øygarden", "46"),
    ("Sunnfjord", "46"),
    ("Voss", "46"),
    ("Trondheim", "50"),
    ("Steinkjer", "50"),
    ("Levanger", "50"),
    ("Tromsø", "55"),
    ("Harstad", "55"),
    ("Alta", "56"),
    ("Hammerfest", "56"),
)

BUYER_UNITS = (
    "",
    "helse og velferd",
    "oppvekst og utdanning",
    "eiendom",
    "teknisk drift",
    "digitalisering",
)

_STEMS = (
    "Fjord",
    "Nordlys",
    "Vidde",
    "Bølge",
    "Skog",
    "Tind",
    "Lyng",
    "Kyst",
    "Elv",
    "Bre",
    "Myr",
    "Ask",
    "Eik",
    "Furu",
    "Ørn",
    "Lom",
    "Fjell",
    "Sol",
    "Is",
    "Vår",
    "Tun",
    "Stø",
    "Ny",
    "Lun",
    "Berg",
    "Dal",
    "Varde",
    "Bauta",
    "Hav",
    "Strand",
)
_TAILS = (
    "tek",
    "data",
    "sense",
    "labs",
    "vekst",
    "innsikt",
    "logikk",
    "kraft",
    "nett",
    "robotikk",
    "analyse",
    "helse",
    "bygg",
    "miljø",
    "system",
    "varme",
)
_FORMS = ("AS", "Teknologi AS", "Solutions AS", "Norge AS", "Systems AS", "Digital AS")

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def mod11_digit(first_eight: str) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(first_eight, _WEIGHTS, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def org_numbers(start: int = 95_000_000) -> Iterator[str]:
    """Distinct MOD11-valid organisation numbers, ascending from ``start``."""
    prefix = start
    while True:
        digit = mod11_digit(str(prefix))
        if digit is not None:
            yield f"{prefix}{digit}"
        prefix += 1


def buyer_name(index: int) -> tuple[str, str]:
    """(name, county code) of the index-th public buyer: a municipality or one of its units,
    then the county authorities."""
    units = len(MUNICIPALITIES) * len(BUYER_UNITS)
    if index % (units + len(COUNTY_CODES)) >= units:
        county = list(COUNTY_CODES.items())[index % (units + len(COUNTY_CODES)) - units]
        return f"{county[0]} fylkeskommune", county[1]
    municipality, county_code = MUNICIPALITIES[index % len(MUNICIPALITIES)]
    unit = BUYER_UNITS[(index // len(MUNICIPALITIES)) % len(BUYER_UNITS)]
    name = f"{municipality} kommune" + (f", {unit}" if unit else "")
    return name, county_code


def supplier_name(index: int) -> str:
    stem = _STEMS[index % len(_STEMS)]
    tail = _TAILS[(index // len(_STEMS)) % len(_TAILS)]
    form = _FORMS[(index // (len(_STEMS) * len(_TAILS))) % len(_FORMS)]
    return f"{stem}{tail} {form}"
