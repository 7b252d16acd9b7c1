"""Business secrets stay where they were written: a text that is to be read by others (the
minutes of a meeting, what the buyer shares with every supplier, the ongoing dialogue's
topics) may not quote a section a supplier marked as a business secret.

Quoting is found on the words: the texts are compared case- and punctuation-blind, and a
run of QUOTE_WORDS words of a secret section (the whole section, if it is shorter) found in
the text counts as a quote. A paraphrase is the writer's responsibility; a copied passage
is refused, saying whose and which.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.responses.models import Response
from backend.responses.sections import sections_of

#: How many words in a row of a secret make a quote.
QUOTE_WORDS = 5
#: How many of a secret's first words the refusal shows (to its writer's reader only).
EXCERPT_WORDS = 8

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _windows(seq: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + size]) for i in range(len(seq) - size + 1)}


@dataclass(frozen=True)
class SecretPassage:
    """A section marked as a business secret, and the supplier that marked it."""

    organization: str
    text: str

    def quoted_in(self, text_words: list[str]) -> bool:
        secret = words(self.text)
        if not secret:
            return False
        size = min(QUOTE_WORDS, len(secret))
        return bool(_windows(secret, size) & _windows(text_words, size))

    def excerpt(self) -> str:
        head = self.text.split()
        return " ".join(head[:EXCERPT_WORDS]) + (" …" if len(head) > EXCERPT_WORDS else "")


def business_secrets(
    *, need_ids: Iterable[int], organization_ids: Iterable[int] | None = None
) -> list[SecretPassage]:
    """The sections marked as business secrets in the responses to the needs (of the given
    supplier organisations only, when given)."""
    responses = Response.objects.filter(need_id__in=list(need_ids)).select_related("organization")
    if organization_ids is not None:
        responses = responses.filter(organization_id__in=list(organization_ids))
    return [
        SecretPassage(organization=r.organization.name, text=s.text)
        for r in responses
        for s in sections_of(r.sections)
        if s.business_secret
    ]


def check_free_of_business_secrets(
    *,
    texts: Mapping[str, str],
    need_ids: Iterable[int],
    organization_ids: Iterable[int] | None = None,
) -> None:
    """Refuse (at the field that quotes it) a text that quotes a business secret of a
    response to the needs. `organization_ids` limits the secrets to those suppliers' own: a
    supplier is never told that its words match another's secret."""
    secrets = business_secrets(need_ids=need_ids, organization_ids=organization_ids)
    if not secrets:
        return
    errors: dict[str, list[str]] = {}
    for field, text in texts.items():
        text_words = words(text)
        for secret in secrets:
            if secret.quoted_in(text_words):
                errors.setdefault(field, []).append(
                    _(
                        "This quotes what %(supplier)s marked as a business secret in its "
                        "response (“%(passage)s”). Business secrets never enter minutes or "
                        "what is shared in the dialogue: leave it out."
                    )
                    % {"supplier": secret.organization, "passage": secret.excerpt()}
                )
                break
    if errors:
        raise ValidationError(errors)
