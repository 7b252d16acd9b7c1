"""Search reads. The index only ever holds public documents (drafts and responses never
enter it), so every hit, count and suggestion already respects the visibility rules."""

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework.fields import DateTimeField

from backend.accounts.models import Organization
from backend.cases.models import Gain
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
)
from search.types import Hit, SearchRequest, SearchResponse

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
        "case": _("Case"),
    }.get(code, code)


def _english() -> bool:
    return (get_language() or "nb").startswith("en")


@cache
def _vocabulary_labels(field: str, english: bool) -> dict[str, str]:
    return {t.code: t.en if english else t.nb for t in _VOCABULARIES[field]}


def facet_label(field: str, value: str, *, english: bool | None = None) -> str:
    """A filter value's label in the request's language (``english``: already known)."""
    if field in _VOCABULARIES:
        in_english = _english() if english is None else english
        return _vocabulary_labels(field, in_english).get(value, value)
    if field == "kind":
        return _kind_label(value)
    if field == "cpv_division":
        code = cpv_codes().get(value.ljust(8, "0")[:8])
        return code.label if code else value
    if field == "status":
        return {"published": _("Open"), "closed": _("Closed")}.get(value, value)
    if field == "trl":
        return f"TRL {value}"
    if field == "gain_type" and value in Gain.Type.values:
        return str(Gain.Type(value).label)
    return value


def search_run(*, request: SearchRequest) -> SearchResponse:
    """The query is embedded only if the search needs it: semantic (hybrid) mode, or every
    word level found little (see search/queries/relaxation.py)."""
    return search_backend().search(replace(request, embed=query_embedding))


def _verified_org_ids(response: SearchResponse) -> set[int]:
    """Verification is read fresh from the database (one query per page), so a hit shows an
    organisation as unverified the moment an advisor withdraws it, without a reindex."""
    ids = {i for h in response.hits if (i := _org_id(h.source)) is not None}
    if not ids:
        return set()
    return set(Organization.objects.filter(pk__in=ids, verified=True).values_list("pk", flat=True))


def _org_id(source: Mapping[str, Any]) -> int | None:
    """The index keeps ids as keywords (strings); the embedded backend as given."""
    value = source.get("organization_id")
    return int(value) if value not in (None, "") else None


def search_payload(response: SearchResponse) -> dict[str, Any]:
    """The API's answer, exactly as ``SearchOutput`` renders it (ids and levels as numbers,
    only its fields), built directly: a serializer over a page of hits and a hundred facet
    values cost more than the search itself (``test_search_payload_is_what_its_serializer_
    renders`` holds the two equal)."""
    verified = _verified_org_ids(response)
    english = _english()
    return {
        "total": response.total,
        "page": response.page,
        "page_size": response.page_size,
        "suggestion": response.suggestion.text if response.suggestion else None,
        "suggestion_hits": response.suggestion.hits if response.suggestion else None,
        "relaxation": response.relaxation,
        "all_words_total": response.all_words,
        "semantic": bool(response.semantic),
        "results": [_hit_payload(hit, verified, english) for hit in response.hits],
        "facets": {
            field: [
                {
                    "value": str(v.value),
                    "label": facet_label(field, v.value, english=english),
                    "count": v.count,
                }
                for v in values
            ]
            for field, values in response.facets.items()
        },
    }


def _text(value: Any) -> str:
    return str(value)


def _texts(value: Any) -> list[str | None]:
    return [None if item is None else str(item) for item in value]


def _moment(value: Any) -> Any:
    """As ``DateTimeField`` renders it: the index's ISO strings as they are, nothing for
    an empty value."""
    if not value:
        return None
    return value if isinstance(value, str) else DateTimeField().to_representation(value)


#: the stored fields a result shows, each as its serializer field renders it (in its order),
#: and whether the field is nullable (then a document without it shows null, else nothing)
_HIT_FIELDS: tuple[tuple[str, Callable[[Any], Any], bool], ...] = (
    ("organization_name", _text, False),
    ("organization_id", int, False),
    ("sector", _text, False),
    ("counties", _texts, False),
    ("stage", _text, True),
    ("procedure", _text, True),
    ("trl", int, True),
    ("language", _text, False),
    ("status", _text, False),
    ("published_at", _moment, True),
    ("deadline", _moment, True),
    ("starts_at", _moment, True),
    ("cpv_codes", _texts, False),
)


def _hit_payload(hit: Hit, verified: set[int], english: bool) -> dict[str, Any]:
    source = hit.source
    out: dict[str, Any] = {
        "type": hit.kind,
        "id": hit.id,
        "title": hit.title,
        "score": float(hit.score),
        "highlights": [highlight_tidy(f) for f in hit.highlights],
    }
    for key, render, nullable in _HIT_FIELDS:
        if key in source or nullable:
            value = source.get(key)
            out[key] = None if value is None else render(value)
    out["organization_verified"] = _org_id(source) in verified
    if source.get("sector"):
        out["sector_label"] = facet_label("sector", source["sector"], english=english)
    if source.get("stage"):
        out["stage_label"] = facet_label("stage", source["stage"], english=english)
    return out


def saved_search_list(*, user: AnyUser) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user_id=user.pk or 0)
