"""Norwegian organisation numbers (organisasjonsnummer): 9 digits, MOD11 check digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_number_check_digit(first_eight: str) -> int | None:
    """The MOD11 check digit for the first eight digits, or None when none exists."""
    remainder = sum(int(d) * w for d, w in zip(first_eight, _WEIGHTS, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def normalize_org_number(value: str) -> str:
    return "".join(value.split())


def validate_org_number(value: str) -> None:
    number = normalize_org_number(value)
    if len(number) != 9 or not number.isdigit():
        raise ValidationError(_("An organisation number has exactly 9 digits."), code="format")
    if org_number_check_digit(number[:8]) != int(number[8]):
        raise ValidationError(
            _("%(value)s is not a valid organisation number (check digit)."),
            code="checksum",
            params={"value": number},
        )


def validate_postcode(value: str) -> None:
    """A Norwegian postcode: four digits (0001–9991)."""
    if len(value) != 4 or not value.isdigit():
        raise ValidationError(_("A postcode has exactly 4 digits."), code="postcode")


#: A telephone number as people write it: digits with spaces or hyphens, an optional + first
#: (e.g. "+47 55 56 55 56", "55 56 55 56", "800-12 345")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]*[0-9]$")


def validate_phone(value: str) -> None:
    digits = sum(c.isdigit() for c in value)
    if not _PHONE.match(value) or not 8 <= digits <= 15:
        raise ValidationError(
            _("Write the telephone number with 8 to 15 digits, e.g. +47 55 56 55 56."),
            code="phone",
        )
