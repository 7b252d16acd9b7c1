"""Cross-cutting API behaviour: sessions and CSRF, tokens, pagination, query counts."""

import pytest
from rest_framework.test import APIClient

from tests.backend.conftest import World
from tests.factories import ConferenceFactory, MatchFactory, NeedFactory, SolutionFactory

LISTS = (
    "/api/needs/",
    "/api/solutions/",
    "/api/conferences/",
    "/api/organizations/",
    "/api/responses/",
    "/api/matches/",
    "/api/matches/queue/",
)


def test_session_login_needs_csrf_for_writes(world: World) -> None:
    # given
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/session/").json()["csrf_token"]
    login = client.post(
        "/api/auth/session/",
        {"email": "innkjoper@bergen.kommune.no", "password": "hemmelig-passord-1"},
        format="json",
        HTTP_X_CSRFTOKEN=token,
    )
    token = client.cookies["csrftoken"].value
    body = {"title": "Nytt utkast"}
    # when
    without = client.patch(f"/api/needs/{world.need.pk}/", body, format="json")
    with_token = client.patch(
        f"/api/needs/{world.need.pk}/", body, format="json", HTTP_X_CSRFTOKEN=token
    )
    # then
    assert login.status_code == 200
    assert login.json()["user"]["roles"] == ["buyer"]
    assert (without.status_code, with_token.status_code) == (403, 200)


def test_wrong_password_is_refused_in_norwegian(world: World) -> None:
    # when
    response = APIClient().post(
        "/api/auth/session/",
        {"email": "innkjoper@bergen.kommune.no", "password": "feil"},
        format="json",
    )
    # then
    assert response.json() == {"non_field_errors": ["Feil e-postadresse eller passord."]}


def test_integrations_use_token_auth(world: World) -> None:
    # given
    token = world.client("supplier").post("/api/auth/tokens/").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    # when
    response = client.get(f"/api/solutions/{world.draft_solution.pk}/")
    # then
    assert response.status_code == 200


def test_lists_paginate_filter_and_order(world: World) -> None:
    # given
    NeedFactory.create_batch(3, organization=world.other_buyer_org, sector="bygg-og-eiendom")
    client = world.client("visitor")
    # when
    page = client.get("/api/needs/", {"page_size": 2, "ordering": "-published_at"}).json()
    filtered = client.get("/api/needs/", {"sector": "bygg-og-eiendom"}).json()
    # then
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
    assert filtered["count"] == 3


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow_with_rows(
    world: World,
    url: str,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    # given: many rows of every kind
    for _ in range(8):
        need = NeedFactory(organization=world.buyer_org)
        ConferenceFactory(organization=world.buyer_org, needs=[need])
        MatchFactory(need=need, solution=SolutionFactory(organization=world.supplier_org))
    client = world.client("advisor")
    # when / then: a bounded number of queries, whatever the number of rows
    with django_assert_max_num_queries(12):
        response = client.get(url, {"page_size": 50})
    assert response.status_code == 200


def test_openapi_schema_is_served(world: World) -> None:
    # when
    response = world.client("visitor").get("/api/schema/", HTTP_ACCEPT="application/json")
    # then
    assert response.status_code == 200
    assert "/api/search/" in response.json()["paths"]


def test_browsable_docs_are_served_without_a_cdn(world: World) -> None:
    # when
    response = world.client("visitor").get("/api/docs/")
    # then
    assert response.status_code == 200
    assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/" in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/api/needs/ikke-et-tall/",
        "/api/needs/-1/close/",
        "/api/needs/%0A/",
        "/api/finnes-ikke/",
        "/api/",
    ],
)
def test_a_path_that_names_no_endpoint_answers_like_a_missing_object(
    world: World, path: str
) -> None:
    # given
    client = world.client("buyer")
    missing = client.get("/api/needs/999999/")
    # when
    response = client.post(path, {}, format="json")
    # then
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == missing.json() == {"detail": "Ikke funnet."}


def test_a_refused_search_term_answers_an_object_of_messages_like_every_400(world: World) -> None:
    # when: DRF's search filter refuses a NUL with a bare list
    response = world.client("buyer").get("/api/co-buyer-requests/", {"search": "a\x00b"})
    # then
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Null-tegn er ikke tillatt."]}
