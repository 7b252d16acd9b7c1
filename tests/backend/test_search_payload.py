"""The search API's answer is built without running its serializer: it must be what the
serializer (the schema) renders, for every shape of stored document either backend returns."""

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.utils import translation

from backend.discovery.api.serializers import SearchOutput
from backend.discovery.selectors import search_payload
from search.types import FacetValue, Hit, SearchResponse, Suggestion
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _hit(kind: str, doc_id: int, **source: Any) -> Hit:
    return Hit(
        kind=kind,  # type: ignore[arg-type]
        id=doc_id,
        score=3,  # an int score renders as a float
        title=f"Trygghetsalarm {doc_id}",
        highlights=("<mark>Trygghetsalarm</mark>  for\\n eldre ", " <mark>alarm</mark>"),
        source={"kind": kind, "doc_id": doc_id, "title": f"Trygghetsalarm {doc_id}", **source},
    )


def _response(org_id: int) -> SearchResponse:
    elasticsearch_like = _hit(
        "solution",
        1,
        organization_id=str(org_id),  # a keyword in the index
        organization_name="Helsetek AS",
        sector="helse-og-omsorg",
        counties=["46", "03"],
        trl="7",
        language="nb",
        status="published",
        published_at="2026-01-05T09:00:00+00:00",
        cpv_codes=["33196200"],
        stage=None,
        deadline=None,
        snippet="not in the schema",
        text="the whole text is not sent",
    )
    embedded_like = _hit(
        "need",
        2,
        organization_id=org_id + 1_000_000,
        organization_name="Bergen kommune",
        sector="",
        counties=[],
        stage="markedsdialog",
        procedure="innovasjonspartnerskap",
        published_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
        deadline="",
    )
    return SearchResponse(
        total=2,
        hits=(elasticsearch_like, embedded_like, _hit("conference", 3)),
        facets={
            "sector": (FacetValue("helse-og-omsorg", 2), FacetValue("ukjent", 1)),
            "county": (FacetValue("46", 1),),
            "kind": (FacetValue("need", 1),),
            "cpv_division": (FacetValue("33", 1), FacetValue("99", 1)),
            "status": (FacetValue("published", 2),),
            "trl": (FacetValue("7", 1),),
        },
        suggestion=Suggestion("trygghetsalarm", 2),
        page=1,
        page_size=20,
        relaxation="most",
        semantic=False,
        all_words=1,
    )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_search_payload_is_what_its_serializer_renders(language: str) -> None:
    # given a page with documents of both backends' shapes, one organisation verified
    org = OrganizationFactory(verified=True)
    response = _response(org.pk)
    with translation.override(language):
        # when
        payload = search_payload(response)
        rendered = json.loads(json.dumps(SearchOutput(payload).data))
    # then
    assert payload == rendered
    assert [hit["organization_verified"] for hit in payload["results"]] == [True, False, False]
