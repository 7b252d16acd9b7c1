"""A response in sections, each marked by the supplier as a business secret
(forretningshemmelighet) or not.

A procurement officer expects the supplier to say which parts are business secrets and why
(offentleglova § 13 with forvaltningsloven § 13 first ledd nr. 2: technical devices and
procedures, operating and business matters whose disclosure would give competitors an
advantage), so that a request for access can be answered without asking again. A section
marked secret therefore carries the supplier's reason. The buyer reads every section, with
its marker; a secret section never enters minutes, what is shared in the dialogue, exports,
notifications or search.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: Sections in one response, and the length of a reason.
SECTIONS_MAX = 30
REASON_MAX = 500
#: The whole text's length (Response.body's max_length).
BODY_MAX = 20_000
BODY_MIN = 20
#: What joins the sections into the whole text.
JOINER = "\n\n"


@dataclass(frozen=True)
class Section:
    text: str
    business_secret: bool
    reason: str

    def stored(self) -> dict[str, Any]:
        return {"text": self.text, "business_secret": self.business_secret, "reason": self.reason}


def sections_of(stored: Iterable[Mapping[str, Any]]) -> list[Section]:
    """The sections as stored on a response."""
    return [
        Section(
            text=str(s.get("text", "")),
            business_secret=bool(s.get("business_secret")),
            reason=str(s.get("reason", "")),
        )
        for s in stored
    ]


def one_section(body: str) -> list[Section]:
    """A text without markers: one section, not a business secret."""
    return [Section(text=body.strip(), business_secret=False, reason="")]


def body_of(sections: Iterable[Section]) -> str:
    return JOINER.join(s.text for s in sections)


def body_without_secrets(sections: Iterable[Section]) -> str:
    """The whole text with each business secret left out and a note in its place: for
    copies that leave the platform (an export), where the access log cannot follow."""
    note = _("[A section marked as a business secret is left out of this copy.]")
    return JOINER.join(note if s.business_secret else s.text for s in sections)


def has_business_secrets(sections: Iterable[Section]) -> bool:
    return any(s.business_secret for s in sections)


def _section_errors(n: int, section: Section) -> list[str]:
    label = _("Section %(n)d") % {"n": n}
    errors = []
    if not section.text:
        errors.append(_("%(section)s is empty: write its text or remove it.") % {"section": label})
    if section.business_secret and not section.reason:
        errors.append(
            _(
                "%(section)s is marked as a business secret: say why (for example prices, "
                "customers or a technical method competitors could use)."
            )
            % {"section": label}
        )
    if section.reason and not section.business_secret:
        errors.append(
            _("%(section)s has a reason but is not marked as a business secret.")
            % {"section": label}
        )
    return errors


def clean_sections(sections: list[Section], *, confidential: bool) -> list[Section]:
    """The sections with their texts trimmed, or a ValidationError saying what is wrong with
    which (by its number, as the form shows them)."""
    sections = [
        Section(text=s.text.strip(), business_secret=s.business_secret, reason=s.reason.strip())
        for s in sections
    ]
    errors: list[str] = []
    if not sections:
        errors.append(_("Write at least one section."))
    if len(sections) > SECTIONS_MAX:
        errors.append(_("At most %(max)d sections.") % {"max": SECTIONS_MAX})
    for n, section in enumerate(sections, start=1):
        errors.extend(_section_errors(n, section))
    body = body_of(sections)
    if len(body) > BODY_MAX:
        errors.append(_("The response is at most %(max)d characters long.") % {"max": BODY_MAX})
    elif len(body) < BODY_MIN and sections:
        errors.append(_("The response is at least %(min)d characters long.") % {"min": BODY_MIN})
    if errors:
        raise ValidationError({"sections": errors})
    if has_business_secrets(sections) and not confidential:
        raise ValidationError(
            {
                "confidential": [
                    _(
                        "A response with sections marked as business secrets is confidential: "
                        "keep it confidential, or remove the markers."
                    )
                ]
            }
        )
    return sections
