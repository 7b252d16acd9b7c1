"""Every list endpoint runs the same number of SQL queries whatever its page size: a row
never costs a query of its own (an N+1 guard per list, as NetBox keeps baselines).

Each list gets more rows than the larger page holds, for a role that may read them; the
same request at two page sizes must return that many rows with the same number of queries.
A guard test checks that the table names every paginated GET of the served OpenAPI schema,
so a new list endpoint fails here until it is covered.
"""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.joint.models import GroupMembership
from backend.matches.models import Match
from tests.backend.conftest import World
from tests.factories import (
    CoBuyerRequestFactory,
    ConferenceFactory,
    ConferenceInvitationFactory,
    JoinRequestFactory,
    MatchFactory,
    MatchNoteFactory,
    MeetingRequestFactory,
    MembershipFactory,
    MissedSearchFactory,
    NeedFactory,
    NotificationFactory,
    OngoingDialogueFactory,
    OrganizationFactory,
    QuestionFactory,
    RegistrationFactory,
    ResponseFactory,
    SavedSearchFactory,
    SharedInformationFactory,
    SlotFactory,
    SolutionFactory,
)
from tests.factories.cases import CaseFactory, CaseReuseFactory, GainFactory
from tests.factories.joint import GroupMembershipFactory, ProcurementGroupFactory
from tests.factories.research import CompetenceProfileFactory, ResearchPartnershipFactory

ROWS = 6
SIZES = (2, 5)

#: schema path -> (role that reads it, the concrete URL for the world)
LISTS: dict[str, tuple[str, Callable[[World], str]]] = {
    "/api/needs/": ("visitor", lambda w: "/api/needs/"),
    "/api/solutions/": ("visitor", lambda w: "/api/solutions/"),
    "/api/conferences/": ("visitor", lambda w: "/api/conferences/"),
    "/api/organizations/": ("visitor", lambda w: "/api/organizations/"),
    "/api/cases/": ("visitor", lambda w: "/api/cases/"),
    "/api/co-buyer-requests/": ("buyer", lambda w: "/api/co-buyer-requests/"),
    "/api/conferences/{id}/invitations/": (
        "buyer",
        lambda w: f"/api/conferences/{w.conference.pk}/invitations/",
    ),
    "/api/conferences/{id}/questions/": (
        "buyer",
        lambda w: f"/api/conferences/{w.conference.pk}/questions/",
    ),
    "/api/conferences/{id}/registrations/": (
        "buyer",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/",
    ),
    "/api/conferences/{id}/shared-information/": (
        "buyer",
        lambda w: f"/api/conferences/{w.conference.pk}/shared-information/",
    ),
    "/api/needs/{id}/meeting-requests/": (
        "buyer",
        lambda w: f"/api/needs/{w.need.pk}/meeting-requests/",
    ),
    "/api/needs/{id}/shared-information/": (
        "buyer",
        lambda w: f"/api/needs/{w.need.pk}/shared-information/",
    ),
    "/api/conferences/{id}/slots/": (
        "visitor",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
    ),
    "/api/join-requests/": ("supplier", lambda w: "/api/join-requests/"),
    "/api/joint-groups/": ("advisor", lambda w: "/api/joint-groups/"),
    "/api/joint-memberships/": ("buyer", lambda w: "/api/joint-memberships/"),
    "/api/matches/": ("advisor", lambda w: "/api/matches/"),
    "/api/matches/queue/": ("advisor", lambda w: "/api/matches/queue/"),
    "/api/matches/{id}/notes/": ("advisor", lambda w: f"/api/matches/{w.match.pk}/notes/"),
    "/api/needs/{id}/matches/": ("buyer", lambda w: f"/api/needs/{w.need.pk}/matches/"),
    "/api/needs/{id}/responses/": ("buyer", lambda w: f"/api/needs/{w.need.pk}/responses/"),
    "/api/needs/{id}/similar/": ("advisor", lambda w: f"/api/needs/{w.need.pk}/similar/"),
    "/api/notifications/": ("advisor", lambda w: "/api/notifications/"),
    "/api/organizations/{id}/invitations/": (
        "buyer",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/invitations/",
    ),
    "/api/organizations/{id}/join-requests/": (
        "buyer",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/join-requests/",
    ),
    "/api/organizations/{id}/members/": (
        "buyer",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/members/",
    ),
    "/api/organizations/{id}/response-access-log/": (
        "supplier",
        lambda w: f"/api/organizations/{w.supplier_org.pk}/response-access-log/",
    ),
    "/api/research/profiles/": ("visitor", lambda w: "/api/research/profiles/"),
    "/api/research/partnerships/": ("buyer", lambda w: "/api/research/partnerships/"),
    "/api/responses/": ("advisor", lambda w: "/api/responses/"),
    "/api/responses/{id}/access-log/": (
        "supplier",
        lambda w: f"/api/responses/{w.response.pk}/access-log/",
    ),
    "/api/saved-searches/": ("advisor", lambda w: "/api/saved-searches/"),
    "/api/search/missed/": ("advisor", lambda w: "/api/search/missed/"),
    "/api/slots/mine/": ("supplier", lambda w: "/api/slots/mine/"),
    "/api/solutions/{id}/matches/": (
        "supplier",
        lambda w: f"/api/solutions/{w.solution.pk}/matches/",
    ),
}


def _crowd(world: World) -> None:
    """More than the larger page of rows for every list, each visible to its reader."""
    w = world
    needs = NeedFactory.create_batch(ROWS, organization=w.other_buyer_org)
    solutions = SolutionFactory.create_batch(ROWS, organization=w.supplier_org)
    ConferenceFactory.create_batch(ROWS, organization=w.buyer_org, needs=[w.need])
    for org in OrganizationFactory.create_batch(ROWS):
        CoBuyerRequestFactory(need=w.need, organization=org)
        JoinRequestFactory(user=w.users["supplier"], organization=org)
    RegistrationFactory.create_batch(ROWS, conference=w.conference)
    QuestionFactory.create_batch(ROWS, conference=w.conference)
    ConferenceInvitationFactory.create_batch(ROWS, conference=w.conference)
    SharedInformationFactory.create_batch(ROWS, conference=w.conference)
    MeetingRequestFactory.create_batch(ROWS, dialogue=OngoingDialogueFactory(need=w.need))
    SlotFactory.create_batch(ROWS, conference=w.conference, booked_by=w.supplier_org)
    JoinRequestFactory.create_batch(ROWS, organization=w.buyer_org)
    MembershipFactory.create_batch(ROWS, organization=w.buyer_org)
    for solution in solutions:
        MatchFactory(need=w.need, solution=solution)
    for need in needs:
        MatchFactory(need=need, solution=w.solution)
        MatchFactory(need=w.need, solution=None, other_need=need, kind=Match.Kind.NEED_NEED)
    MatchNoteFactory.create_batch(ROWS, match=w.match)
    SavedSearchFactory.create_batch(ROWS, user=w.users["advisor"])
    MissedSearchFactory.create_batch(ROWS)
    for other in needs:  # joint procurement: groups led by the buyer, each inviting another
        group = ProcurementGroupFactory(lead_need=NeedFactory(organization=w.buyer_org))
        GroupMembershipFactory(group=group, need=group.lead_need)
        GroupMembershipFactory(group=group, need=other, state=GroupMembership.State.INVITED)
    NotificationFactory.create_batch(ROWS, user=w.users["advisor"])
    responses = ResponseFactory.create_batch(ROWS, need=w.need, organization=w.supplier_org)
    for _ in range(ROWS):  # cases with gains, platform suppliers and reuses
        case = CaseFactory(need=NeedFactory(organization=w.buyer_org, stage="kontrakt"))
        case.suppliers.add(w.supplier_org)
        GainFactory.create_batch(2, case=case)
        CaseReuseFactory(case=case, need=NeedFactory(organization=w.other_buyer_org))
    CompetenceProfileFactory.create_batch(ROWS)
    for _ in range(ROWS):
        ResearchPartnershipFactory(need=NeedFactory(organization=w.buyer_org))
    buyer, advisor = w.client("buyer"), w.client("advisor")
    for n in range(ROWS):
        buyer.post(
            f"/api/organizations/{w.buyer_org.pk}/invitations/",
            {"email": f"ny.kollega{n}@bergen.kommune.no"},
            format="json",
        )
        advisor.get(f"/api/responses/{w.response.pk}/")  # each read is logged
    for response in responses:
        advisor.get(f"/api/responses/{response.pk}/")


def _queries(world: World, role: str, url: str, size: int) -> tuple[int, int]:
    client = world.client(role)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"page_size": size})
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return len(captured), len(response.json()["results"])


@pytest.mark.parametrize("path", sorted(LISTS))
def test_list_queries_are_constant_in_page_size(world: World, path: str) -> None:
    # given: more rows than the larger page holds
    _crowd(world)
    role, url_for = LISTS[path]
    url = url_for(world)
    _queries(world, role, url, SIZES[0])  # one-off work of a first request (caches)
    # when
    small_queries, small_rows = _queries(world, role, url, SIZES[0])
    large_queries, large_rows = _queries(world, role, url, SIZES[1])
    # then: full pages, and the larger one costs no extra query
    assert (small_rows, large_rows) == SIZES
    assert large_queries == small_queries, f"{path}: {small_queries} → {large_queries} queries"


def test_every_paginated_list_endpoint_is_counted(world: World) -> None:
    # given
    schema = world.client("visitor").get("/api/schema/", HTTP_ACCEPT="application/json").json()
    # when: every GET whose answer is a page of results
    paginated = {
        path
        for path, operations in schema["paths"].items()
        if "Paginated" in str(operations.get("get", {}).get("responses", {}).get("200", {}))
    }
    # then
    assert paginated == set(LISTS)
