"""Does a search text look like personal data? Then it is never stored.

Erring on the side of not storing: an e-mail address (anything@anything), a phone number
(eight digits, or a number written with a country code, spaced or not) and a national
identity or D-number (eleven digits) each keep a query out of the log. Eight digits that are
a CPV code stay (buyers search for those), and so do nine (an organisation number, public in
Brønnøysund's register).
"""

import re

from backend.reference.cpv import cpv_codes

_EMAIL = re.compile(r"\S@\S")
#: A number as people type it: digits, single spaces or dots between groups, maybe a "+".
_NUMBER = re.compile(r"\+?\d(?:[ .]?\d)*")
PHONE_DIGITS = 8
ORGANISATION_NUMBER_DIGITS = 9


def _personal_number(token: str) -> bool:
    digits = re.sub(r"\D", "", token)
    if token.startswith("+"):
        return len(digits) >= PHONE_DIGITS
    if len(digits) == PHONE_DIGITS:
        return digits not in cpv_codes()
    return len(digits) > ORGANISATION_NUMBER_DIGITS


def looks_personal(text: str) -> bool:
    """An e-mail address, a phone number or a national identity number in `text`."""
    if _EMAIL.search(text):
        return True
    return any(_personal_number(m.group()) for m in _NUMBER.finditer(text))
