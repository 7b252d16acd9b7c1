"""Every endpoint × every role, as a table: the visibility rules of DESIGN.md.

visitor = not signed in; buyer = member of the organisation that owns the need and the
conference; other_buyer = member of another public buyer; supplier = member of the supplier
that owns the solutions and wrote the response; advisor = member of an advisory organisation.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from backend.cases.models import Case as CaseRow
from tests.backend.conftest import ROLES, World
from tests.factories import NeedFactory, OrganizationFactory, RegistrationFactory
from tests.factories.cases import CaseFactory, GainFactory

Url = Callable[[World], str]
Body = Callable[[World], dict[str, Any]] | None


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: Url
    body: Body
    expected: tuple[int, int, int, int, int]  # visitor, buyer, other_buyer, supplier, advisor


def _need_body(w: World) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": "Bedre inneklima i klasserom",
        "description": "Elevene klager på tung luft og hodepine etter lunsj i eldre skoler.",
        "sector": "bygg-og-eiendom",
    }


def _pilot_body() -> dict[str, Any]:
    return {
        "scope": "Tre sykehjem prøver fallsensorer om natten.",
        "starts_on": "2027-02-01",
        "ends_on": "2027-07-31",
        "users": 30,
        "measures": [{"name": "Fall per måned", "unit": "count", "baseline": "12"}],
    }


def _response_body(w: World) -> dict[str, Any]:
    return {
        "need": w.need.pk,
        "organization": w.supplier_org.pk,
        "summary": "Vårt forslag",
        "body": "Vi har levert sensorbasert tilsyn til tolv kommuner siden 2021.",
    }


def _case(w: World, *, draft: bool) -> int:
    """Bergen's published or draft case (with a gain), made on first use."""
    status = "draft" if draft else "published"
    found = CaseRow.objects.filter(organization=w.buyer_org, status=status).first()
    if found is None:
        need = NeedFactory(organization=w.buyer_org, stage="kontrakt")
        found = CaseFactory(
            need=need, status=status, published_at=None if draft else need.published_at
        )
        GainFactory(case=found)
    return found.pk


def _case_body(w: World) -> dict[str, Any]:
    return {
        "need": NeedFactory(organization=w.buyer_org, stage="implementering").pk,
        "summary": "Digitale medisindispensere til 300 hjemmeboende, kjøpt i et partnerskap.",
        "procedure": "innovasjonspartnerskap",
    }


CASES = (
    Case("need list", "get", lambda w: "/api/needs/", None, (200, 200, 200, 200, 200)),
    Case(
        "published need",
        "get",
        lambda w: f"/api/needs/{w.need.pk}/",
        None,
        (200, 200, 200, 200, 200),
    ),
    Case(
        "draft need",
        "get",
        lambda w: f"/api/needs/{w.draft_need.pk}/",
        None,
        (404, 200, 404, 404, 200),
    ),
    Case("create need", "post", lambda w: "/api/needs/", _need_body, (403, 201, 403, 403, 403)),
    Case(
        "edit published need",
        "patch",
        lambda w: f"/api/needs/{w.need.pk}/",
        lambda w: {"title": "Trygghet hjemme – ny tittel"},
        (403, 200, 403, 403, 200),
    ),
    Case(
        "edit draft need",
        "patch",
        lambda w: f"/api/needs/{w.draft_need.pk}/",
        lambda w: {"title": "Ny tittel på utkast"},
        (403, 200, 404, 404, 200),
    ),
    Case(
        "publish draft need",
        "post",
        lambda w: f"/api/needs/{w.draft_need.pk}/publish/",
        None,
        (403, 200, 404, 404, 200),
    ),
    Case(
        "close need",
        "post",
        lambda w: f"/api/needs/{w.need.pk}/close/",
        None,
        (403, 200, 403, 403, 200),
    ),
    Case(
        "delete draft need",
        "delete",
        lambda w: f"/api/needs/{w.draft_need.pk}/",
        None,
        (403, 204, 404, 404, 204),
    ),
    Case(
        "suggested solutions of a need",
        "get",
        lambda w: f"/api/needs/{w.need.pk}/matches/",
        None,
        (403, 200, 403, 403, 200),
    ),
    Case(
        "similar needs",
        "get",
        lambda w: f"/api/needs/{w.need.pk}/similar/",
        None,
        (403, 200, 403, 403, 200),
    ),
    Case(
        "responses of a need",
        "get",
        lambda w: f"/api/needs/{w.need.pk}/responses/",
        None,
        (403, 200, 200, 200, 200),
    ),
    Case(
        "ask for a pilot on a published need",
        "put",
        lambda w: f"/api/needs/{w.need.pk}/pilot/",
        lambda w: _pilot_body(),
        (403, 200, 403, 403, 200),
    ),
    Case(
        "ask for a pilot on a draft need",
        "put",
        lambda w: f"/api/needs/{w.draft_need.pk}/pilot/",
        lambda w: _pilot_body(),
        (403, 200, 404, 404, 200),
    ),
    Case("innovation barometer", "get", lambda w: "/api/insights/barometer/", None, (200,) * 5),
    Case("solution list", "get", lambda w: "/api/solutions/", None, (200, 200, 200, 200, 200)),
    Case(
        "published solution",
        "get",
        lambda w: f"/api/solutions/{w.solution.pk}/",
        None,
        (200, 200, 200, 200, 200),
    ),
    Case(
        "draft solution",
        "get",
        lambda w: f"/api/solutions/{w.draft_solution.pk}/",
        None,
        (404, 404, 404, 200, 200),
    ),
    Case(
        "edit solution",
        "patch",
        lambda w: f"/api/solutions/{w.solution.pk}/",
        lambda w: {"trl": 8},
        (403, 403, 403, 200, 200),
    ),
    Case(
        "recommended needs",
        "get",
        lambda w: f"/api/solutions/{w.solution.pk}/matches/",
        None,
        (403, 403, 403, 200, 200),
    ),
    Case(
        "response",
        "get",
        lambda w: f"/api/responses/{w.response.pk}/",
        None,
        (403, 200, 404, 200, 200),
    ),
    Case(
        "edit response",
        "patch",
        lambda w: f"/api/responses/{w.response.pk}/",
        lambda w: {"summary": "Oppdatert innspill"},
        (403, 403, 404, 200, 403),
    ),
    Case(
        "answer a need",
        "post",
        lambda w: "/api/responses/",
        _response_body,
        (403, 403, 403, 201, 403),
    ),
    Case(
        "conference",
        "get",
        lambda w: f"/api/conferences/{w.conference.pk}/",
        None,
        (200, 200, 200, 200, 200),
    ),
    Case(
        "registrations",
        "get",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/",
        None,
        (403, 200, 200, 200, 200),
    ),
    Case(
        "export participants",
        "get",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/export/",
        None,
        (403, 200, 403, 403, 200),
    ),
    Case(
        "add a slot",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: {
            "starts_at": (w.conference.ends_at + timedelta(days=1)).isoformat(),
            "ends_at": (w.conference.ends_at + timedelta(days=1, minutes=45)).isoformat(),
        },
        (403, 201, 403, 403, 201),
    ),
    Case(
        "book a slot",
        "post",
        lambda w: f"/api/slots/{w.slot.pk}/book/",
        lambda w: {"organization": w.supplier_org.pk},
        (403, 403, 403, 200, 403),
    ),
    Case("match", "get", lambda w: f"/api/matches/{w.match.pk}/", None, (403, 200, 404, 200, 200)),
    Case("curation queue", "get", lambda w: "/api/matches/queue/", None, (403, 403, 403, 403, 200)),
    Case(
        "curation queue counts",
        "get",
        lambda w: "/api/matches/queue/counts/",
        None,
        (403, 403, 403, 403, 200),
    ),
    Case(
        "bulk shortlist",
        "post",
        lambda w: "/api/matches/bulk/",
        lambda w: {"action": "shortlist", "ids": [w.match.pk]},
        (403, 403, 403, 403, 200),
    ),
    Case(
        "shortlist",
        "post",
        lambda w: f"/api/matches/{w.match.pk}/shortlist/",
        None,
        (403, 403, 404, 403, 200),
    ),
    Case(
        "reject",
        "post",
        lambda w: f"/api/matches/{w.match.pk}/reject/",
        lambda w: {"reason": "Løsningen dekker ikke behovet"},
        (403, 403, 404, 403, 200),
    ),
    Case(
        "export matches", "get", lambda w: "/api/matches/export/", None, (403, 403, 403, 403, 200)
    ),
    Case(
        "pipeline overview",
        "get",
        lambda w: "/api/stats/pipeline/",
        None,
        (403, 403, 403, 403, 200),
    ),
    Case(
        "verify organisation",
        "post",
        lambda w: f"/api/organizations/{OrganizationFactory(verified=False).pk}/verify/",
        None,
        (403, 403, 403, 403, 200),
    ),
    Case("search", "get", lambda w: "/api/search/?q=alarm", None, (200, 200, 200, 200, 200)),
    Case(
        "what people could not find",
        "get",
        lambda w: "/api/search/missed/",
        None,
        (403, 403, 403, 403, 200),
    ),
    # the case library (issue 14)
    Case("case list", "get", lambda w: "/api/cases/", None, (200, 200, 200, 200, 200)),
    Case(
        "published case",
        "get",
        lambda w: f"/api/cases/{_case(w, draft=False)}/",
        None,
        (200, 200, 200, 200, 200),
    ),
    Case(
        "draft case",
        "get",
        lambda w: f"/api/cases/{_case(w, draft=True)}/",
        None,
        (404, 200, 404, 404, 200),
    ),
    Case("record a case", "post", lambda w: "/api/cases/", _case_body, (403, 201, 403, 403, 201)),
    Case(
        "edit published case",
        "patch",
        lambda w: f"/api/cases/{_case(w, draft=False)}/",
        lambda w: {"lessons": "Ta med farmasøyten tidlig."},
        (403, 200, 403, 403, 200),
    ),
    Case(
        "publish draft case",
        "post",
        lambda w: f"/api/cases/{_case(w, draft=True)}/publish/",
        None,
        (403, 200, 404, 404, 200),
    ),
    Case(
        "reuse a case for Bergen",
        "post",
        lambda w: f"/api/cases/{_case(w, draft=False)}/reuse/",
        lambda w: {"organization": w.buyer_org.pk},
        (403, 201, 403, 403, 403),
    ),
)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_endpoint_answers_each_role_as_the_visibility_rules_say(
    world: World, case: Case, role: str
) -> None:
    # given
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    client = world.client(role)
    url = case.url(world)
    body = case.body(world) if case.body else None
    # when
    response = getattr(client, case.method)(url, body, format="json")
    # then
    expected = case.expected[ROLES.index(role)]
    assert response.status_code == expected, (role, case.name, response.content[:300])
