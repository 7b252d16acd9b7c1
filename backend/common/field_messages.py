"""Human messages for the fields of the forms people fill in most (a need, a solution, signing
in and up): what to write, with an example where one helps, instead of Django REST
framework's generic ones ('Ensure this field has at least 40 characters.'); a choice from a
list is a ChoiceInput (backend/common/fields.py). The front end checks the same rules with the
same words before it sends (frontend/src/locales: need.errors, solution.errors, auth.errors,
forms.amount*).

Each function returns the `error_messages` of one field. DRF formats `{min_length}` and
`{max_value}` itself."""

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def required_text(message: Any, *, min_length: int | None = None) -> dict[str, Any]:
    """A text that must be written: blank, missing, null and (with `min_length`) too short
    all say `message`, whose {min_length} is the minimum."""
    if min_length is None:
        return {"blank": message, "required": message, "null": message}
    # DRF fills in {min_length} only for "min_length"; the others get the number here.
    filled = format_lazy(message, min_length=min_length)
    return {"blank": filled, "required": filled, "null": filled, "min_length": message}


def amount() -> dict[str, Any]:
    """Whole kroner written with digits."""
    digits = _("Write the amount in whole kroner with digits, for example 2000000.")
    return {
        "invalid": digits,
        "max_string_length": digits,
        "min_value": _("The amount cannot be negative."),
        "max_value": _("The amount can be at most {max_value} kroner."),
    }


def email(message: Any) -> dict[str, Any]:
    """An e-mail address: missing says `message`, a malformed one how it looks."""
    return {
        **required_text(message),
        "invalid": _("Enter an email address with @, for example name@municipality.no."),
    }
