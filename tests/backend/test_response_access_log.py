"""The access log of confidential responses: every path that returns a response's text logs
the read (a response in a list counts as read) in one INSERT per request, and the log is
shown to the response's owners only: the supplier that wrote it and the need's buyers."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.accounts.models import Organization
from backend.responses.models import ResponseRead
from tests.backend.conftest import World
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ResponseFactory,
    UserFactory,
)


def _reads(world: World) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            r.reader.email if r.reader else None,
            r.organization.name if r.organization else None,
            r.via,
        )
        for r in ResponseRead.objects.filter(response=world.response).order_by("id")
    ]


def _inserts(ctx: CaptureQueriesContext) -> list[str]:
    table = ResponseRead._meta.db_table
    return [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(f'INSERT INTO "{table}"')]


def test_reading_a_confidential_response_logs_who_and_for_which_organisation(
    world: World,
) -> None:
    # when
    world.client("buyer").get(f"/api/responses/{world.response.pk}/")
    world.client("advisor").get(f"/api/responses/{world.response.pk}/")
    world.client("supplier").get(f"/api/responses/{world.response.pk}/")
    # then
    assert _reads(world) == [
        ("innkjoper@bergen.kommune.no", "Bergen kommune", "detail"),
        ("radgiver@lup.no", "LUP", "detail"),
    ]


def test_every_response_in_a_list_counts_as_read_in_one_insert(world: World) -> None:
    # given
    more = ResponseFactory.create_batch(3, need=world.need, organization=world.supplier_org)
    open_response = ResponseFactory(
        need=world.need, organization=world.supplier_org, confidential=False
    )
    # when
    with CaptureQueriesContext(connection) as ctx:
        listed = world.client("advisor").get("/api/responses/")
    # then
    assert listed.status_code == 200
    assert len(_inserts(ctx)) == 1
    logged = set(ResponseRead.objects.filter(via="list").values_list("response_id", flat=True))
    assert logged == {world.response.pk, *(r.pk for r in more)}
    assert open_response.pk not in logged


def test_only_the_page_returned_is_logged(world: World) -> None:
    # given
    ResponseFactory.create_batch(4, need=world.need, organization=world.supplier_org)
    # when
    world.client("advisor").get("/api/responses/", {"page_size": 2})
    # then
    assert ResponseRead.objects.filter(via="list").count() == 2


def test_the_needs_responses_section_logs_each_response_once(world: World) -> None:
    # given
    second = ResponseFactory(need=world.need, organization=world.supplier_org)
    # when
    with CaptureQueriesContext(connection) as ctx:
        listed = world.client("buyer").get(f"/api/needs/{world.need.pk}/responses/")
    # then
    assert listed.status_code == 200
    assert len(_inserts(ctx)) == 1
    rows = ResponseRead.objects.filter(via="need").values_list(
        "response_id", "reader__email", "organization__name"
    )
    assert sorted(rows) == sorted(
        [
            (world.response.pk, "innkjoper@bergen.kommune.no", "Bergen kommune"),
            (second.pk, "innkjoper@bergen.kommune.no", "Bergen kommune"),
        ]
    )


def test_a_co_buyer_reads_as_its_own_organisation(world: World) -> None:
    # given
    world.need.co_buyers.add(world.other_buyer_org)
    # when
    read = world.client("other_buyer").get(f"/api/needs/{world.need.pk}/responses/")
    # then
    assert read.status_code == 200
    assert _reads(world) == [("innkjoper@trondheim.kommune.no", "Trondheim kommune", "need")]


def test_the_supplier_reading_its_own_responses_writes_nothing(world: World) -> None:
    # when
    with CaptureQueriesContext(connection) as ctx:
        world.client("supplier").get("/api/responses/")
        world.client("supplier").get(f"/api/needs/{world.need.pk}/responses/")
    # then
    assert _inserts(ctx) == []
    assert not ResponseRead.objects.exists()


def test_opening_a_response_in_the_django_admin_is_logged(world: World) -> None:
    # given
    operator = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(operator)
    # when
    page = client.get(f"/admin/responses/response/{world.response.pk}/change/")
    # then
    assert page.status_code == 200
    assert _reads(world) == [(operator.email, None, "admin")]


def test_the_supplier_and_the_buyer_see_who_read_the_response(world: World) -> None:
    # given
    world.client("advisor").get(f"/api/responses/{world.response.pk}/")
    world.client("buyer").get(f"/api/needs/{world.need.pk}/responses/")
    url = f"/api/responses/{world.response.pk}/access-log/"
    # when
    for_supplier = world.client("supplier").get(url)
    for_buyer = world.client("buyer").get(url)
    # then
    assert for_supplier.status_code == for_buyer.status_code == 200
    assert for_supplier.json() == for_buyer.json()
    rows = [
        (r["reader_name"], r["organization"]["name"], r["via"])
        for r in for_supplier.json()["results"]
    ]
    buyer, advisor = world.users["buyer"], world.users["advisor"]
    assert buyer is not None and advisor is not None
    assert rows == [
        (buyer.full_name, "Bergen kommune", "need"),
        (advisor.full_name, "LUP", "detail"),
    ]


def test_the_access_log_is_not_found_for_everyone_else(world: World) -> None:
    # given
    world.client("buyer").get(f"/api/responses/{world.response.pk}/")
    other_supplier = MembershipFactory(
        organization=OrganizationFactory(kind=Organization.Kind.SUPPLIER)
    ).user
    url = f"/api/responses/{world.response.pk}/access-log/"
    missing = world.client("other_buyer").get("/api/responses/999999/access-log/")
    # when
    answers = [world.client(role).get(url) for role in ("other_buyer", "advisor")]
    client = world.client("other_buyer")
    client.force_authenticate(other_supplier)
    answers.append(client.get(url))
    # then
    assert missing.status_code == 404
    assert [(a.status_code, a.json()) for a in answers] == [
        (404, missing.json()),
        (404, missing.json()),
        (404, missing.json()),
    ]
    assert world.client("visitor").get(url).status_code in (401, 403)


def test_an_unverified_buyer_cannot_see_the_log_of_its_needs(world: World) -> None:
    # given
    world.buyer_org.verified = False
    world.buyer_org.save(update_fields=["verified"])
    # when
    answer = world.client("buyer").get(f"/api/responses/{world.response.pk}/access-log/")
    # then
    assert answer.status_code == 404


def test_an_organisation_sees_every_read_of_its_responses(world: World) -> None:
    # given
    world.client("buyer").get(f"/api/responses/{world.response.pk}/")
    elsewhere = ResponseFactory(need=world.need)  # another supplier's response
    world.client("advisor").get(f"/api/responses/{elsewhere.pk}/")
    # when
    for_supplier = world.client("supplier").get(
        f"/api/organizations/{world.supplier_org.pk}/response-access-log/"
    )
    for_buyer = world.client("buyer").get(
        f"/api/organizations/{world.buyer_org.pk}/response-access-log/"
    )
    # then
    assert [r["response"]["id"] for r in for_supplier.json()["results"]] == [world.response.pk]
    assert {r["response"]["id"] for r in for_buyer.json()["results"]} == {
        world.response.pk,
        elsewhere.pk,
    }


def test_an_organisations_log_is_not_found_for_non_members(world: World) -> None:
    # given
    world.client("buyer").get(f"/api/responses/{world.response.pk}/")
    url = f"/api/organizations/{world.supplier_org.pk}/response-access-log/"
    missing = world.client("advisor").get("/api/organizations/999999/response-access-log/")
    # when
    answers = [world.client(role).get(url) for role in ("buyer", "other_buyer", "advisor")]
    # then
    assert [(a.status_code, a.json()) for a in answers] == [(404, missing.json())] * 3


def test_a_reader_who_deletes_their_account_stays_as_their_organisation(world: World) -> None:
    # given
    reader = MembershipFactory(organization=world.buyer_org).user
    client = world.client("buyer")
    client.force_authenticate(reader)
    client.get(f"/api/responses/{world.response.pk}/")
    # when
    reader.delete()
    log = world.client("supplier").get(f"/api/responses/{world.response.pk}/access-log/")
    # then
    assert [(r["reader_name"], r["organization"]["name"]) for r in log.json()["results"]] == [
        ("", "Bergen kommune")
    ]


def _queries(client: APIClient, url: str) -> int:
    """Queries of one GET, after a first one has warmed the per-user caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_logging_a_longer_list_costs_no_more_queries(world: World) -> None:
    # given
    client = world.client("advisor")
    few = _queries(client, "/api/responses/")
    ResponseFactory.create_batch(5, need=world.need, organization=world.supplier_org)
    # when
    many = _queries(client, "/api/responses/")
    # then
    assert many == few


def test_a_longer_access_log_costs_no_more_queries(world: World) -> None:
    # given
    url = f"/api/responses/{world.response.pk}/access-log/"
    world.client("advisor").get(f"/api/responses/{world.response.pk}/")
    few = _queries(world.client("supplier"), url)
    for role in ("buyer", "advisor", "buyer"):
        world.client(role).get(f"/api/responses/{world.response.pk}/")
    # when
    many = _queries(world.client("supplier"), url)
    # then
    assert many == few
