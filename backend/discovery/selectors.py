"""Search reads. The index only ever holds public documents (drafts and responses never
enter it), so every hit, count and suggestion already respects the visibility rules."""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from backend.accounts.models import Organization
from backend.common.types import AnyUser
from backend.discovery.highlights import highlight_tidy
from backend.discovery.models import SavedSearch
from backend.discovery.query_embedding import query_embedding
from backend.discovery.services import search_backend
from backend.reference.cpv import cpv_codes
from backend.reference.vocabularies import (
    COUNTIES,
    LANGUAGES,
    PROCEDURES,
    SECTORS,
    STAGES,
    Term,
    label_for,
)
from search.types import SearchRequest, SearchResponse

_VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "sector": SECTORS,
    "county": COUNTIES,
    "stage": STAGES,
    "procedure": PROCEDURES,
    "language": LANGUAGES,
}


def _kind_label(code: str) -> str:
    return {
        "need": _("Need"),
        "solution": _("Solution"),
        "conference": _("Dialogue conference"),
    }.get(code, code)


def facet_label(field: str, value: str) -> str:
    if field in _VOCABULARIES:
        return label_for(_VOCABULARIES[field], value)
    if field == "kind":
        return _kind_label(value)
    if field == "cpv_division":
        code = cpv_codes().get(value.ljust(8, "0")[:8])
        return code.label if code else value
    if field == "status":
        return {"published": _("Open"), "closed": _("Closed")}.get(value, value)
    if field == "trl":
        return f"TRL {value}"
    return value


def search_run(*, request: SearchRequest) -> SearchResponse:
    """The query is embedded only if the search needs it: semantic (hybrid) mode, or every
    word level found little (see search/queries/relaxation.py)."""
    return search_backend().search(replace(request, embed=query_embedding))


def _verified_org_ids(response: SearchResponse) -> set[int]:
    """Verification is read fresh from the database (one query per page), so a hit shows an
    organisation as unverified the moment an advisor withdraws it, without a reindex."""
    ids = {i for h in response.hits if (i := _org_id(h.source)) is not None}
    return set(Organization.objects.filter(pk__in=ids, verified=True).values_list("pk", flat=True))


def _org_id(source: Mapping[str, Any]) -> int | None:
    """The index keeps ids as keywords (strings); the embedded backend as given."""
    value = source.get("organization_id")
    return int(value) if value not in (None, "") else None


def search_payload(response: SearchResponse) -> dict[str, Any]:
    verified = _verified_org_ids(response) if response.hits else set()
    return {
        "total": response.total,
        "page": response.page,
        "page_size": response.page_size,
        "suggestion": response.suggestion.text if response.suggestion else None,
        "suggestion_hits": response.suggestion.hits if response.suggestion else None,
        "relaxation": response.relaxation,
        "all_words_total": response.all_words,
        "semantic": response.semantic,
        "results": [
            {
                "type": h.kind,
                "id": h.id,
                "title": h.title,
                "score": h.score,
                "highlights": [highlight_tidy(f) for f in h.highlights],
                **_public_fields(h.source),
                "organization_verified": _org_id(h.source) in verified,
            }
            for h in response.hits
        ],
        "facets": {
            field: [
                {"value": v.value, "label": facet_label(field, v.value), "count": v.count}
                for v in values
            ]
            for field, values in response.facets.items()
        },
    }


_PUBLIC_FIELDS = (
    "organization_name",
    "organization_id",
    "sector",
    "counties",
    "stage",
    "procedure",
    "trl",
    "language",
    "status",
    "published_at",
    "deadline",
    "starts_at",
    "cpv_codes",
    "snippet",
)


def _public_fields(source: Any) -> dict[str, Any]:
    out = {k: source.get(k) for k in _PUBLIC_FIELDS if k in source}
    if out.get("sector"):
        out["sector_label"] = facet_label("sector", out["sector"])
    if out.get("stage"):
        out["stage_label"] = facet_label("stage", out["stage"])
    return out


def saved_search_list(*, user: AnyUser) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user_id=user.pk or 0)
