"""A need's market dialogue as an OCDS 1.1 release package (tag planning).

The ocid is OCDS_OCID_PREFIX and the need's id; a release's id changes with every saved
change of the need (its updated time). Texts in another language than the need's own go in
OCDS's language variants (title_en, description_nb). docs/notices.md maps every field.
"""

from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from backend.notices import mapping, words
from backend.notices.content import Buyer, DialogueNotice
from backend.reference.cpv import cpv_codes

#: A prefix for development; production sets the one registered with the Open Contracting
#: Partnership (OCDS_OCID_PREFIX).
DEFAULT_OCID_PREFIX = "ocds-lupnor"
OCDS_CATEGORY = {"supplies": "goods", "works": "works", "services": "services"}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def ocid(need_id: int) -> str:
    prefix = getattr(settings, "OCDS_OCID_PREFIX", DEFAULT_OCID_PREFIX)
    return f"{prefix}-need-{need_id}"


def _party_id(buyer: Buyer) -> str:
    return f"NO-BRC-{buyer.org_number}"


def _party(buyer: Buyer) -> dict[str, Any]:
    """A buyer as an OCDS party: the need's buyer or one of its co-buyers (a joint procurement
    names each buyer a party with the role buyer)."""
    address = {"countryName": "Norge"}
    if buyer.municipality:
        address["locality"] = buyer.municipality
    if buyer.postcode:
        address["postalCode"] = buyer.postcode
    if buyer.county:
        address["region"] = mapping.county_label(buyer.county, "nb")
    party: dict[str, Any] = {
        "id": _party_id(buyer),
        "name": buyer.name,
        "identifier": {"scheme": "NO-BRC", "id": buyer.org_number, "legalName": buyer.name},
        "address": address,
        "roles": ["buyer"],
    }
    contact = {
        key: value
        for key, value in (
            ("email", buyer.email),
            ("telephone", buyer.phone),
            ("url", buyer.website),
        )
        if value
    }
    if contact:
        party["contactPoint"] = contact
    return party


def _items(notice: DialogueNotice) -> list[dict[str, Any]]:
    names = cpv_codes()
    items = []
    for n, code in enumerate(notice.cpv_codes, start=1):
        cpv = names.get(code)
        label = (cpv.name_en if notice.language == "en" else cpv.name_nb) if cpv else code
        items.append(
            {
                "id": str(n),
                "description": label,
                "classification": {"scheme": "CPV", "id": code, "description": label},
            }
        )
    return items


def _milestones(notice: DialogueNotice) -> list[dict[str, Any]]:
    language = notice.language
    milestones = []
    if notice.response_deadline is not None:
        milestones.append(
            {
                "id": "input-deadline",
                "title": "Deadline for input" if language == "en" else "Frist for innspill",
                "type": "preProcurement",
                "dueDate": _iso(notice.response_deadline),
                "status": "scheduled",
            }
        )
    for n, c in enumerate(notice.conferences, start=1):
        milestones.append(
            {
                "id": f"conference-{n}",
                "title": c.title,
                "description": words.dialogue_conference(c, language),
                "type": "engagement",
                "dueDate": _iso(c.starts_at),
                "status": "scheduled",
            }
        )
    return milestones


def _variants(notice: DialogueNotice, field: str) -> dict[str, str]:
    """title_en / description_nb …: the notice texts in other languages than the need's."""
    return {f"{field}_{t.language}": getattr(t, field) for t in notice.texts[1:]}


def _tender(notice: DialogueNotice) -> dict[str, Any]:
    own = notice.texts[0]
    tender: dict[str, Any] = {
        "id": f"need-{notice.need_id}",
        "title": own.title,
        **_variants(notice, "title"),
        "description": own.description,
        **_variants(notice, "description"),
        "status": "planning",
        "items": _items(notice),
        "procurementMethodDetails": mapping.procedure_label(notice.procedure, own.language),
        "procurementMethodRationale": words.innovation_sentence(notice, own.language),
    }
    if notice.cpv_codes:
        tender["mainProcurementCategory"] = OCDS_CATEGORY[notice.nature]
    if notice.estimated_value is not None:
        tender["value"] = {"amount": notice.estimated_value, "currency": "NOK"}
    return tender


def _planning(notice: DialogueNotice) -> dict[str, Any]:
    planning: dict[str, Any] = {"milestones": _milestones(notice)}
    if notice.desired_effect:
        planning["rationale"] = notice.desired_effect
    if notice.estimated_value is not None:
        amount: dict[str, Any] = {"amount": notice.estimated_value, "currency": "NOK"}
        planning["budget"] = {"amount": amount}
    return planning


def release(notice: DialogueNotice) -> dict[str, Any]:
    party = _party(notice.buyer)
    stamp = notice.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    return {
        "ocid": ocid(notice.need_id),
        "id": f"{ocid(notice.need_id)}-planning-{stamp}",
        "date": _iso(notice.updated_at),
        "tag": ["planning"],
        "initiationType": "tender",
        "language": notice.language,
        "parties": [party, *(_party(b) for b in notice.co_buyers)],
        "buyer": {"id": party["id"], "name": party["name"]},
        "planning": _planning(notice),
        "tender": _tender(notice),
    }


def release_package(notice: DialogueNotice, *, uri: str) -> dict[str, Any]:
    """The release in a package (OCDS 1.1), published by the platform."""
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": _iso(notice.updated_at),
        "publisher": {"name": "Innovasjonstorget"},
        "releases": [release(notice)],
    }
