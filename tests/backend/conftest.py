"""Fixtures for the backend suites: one small market with an actor for every role.

PostgreSQL, Redis and Elasticsearch are real (scripts/test-services.sh); the test settings
refuse to load without them, so a missing service fails loudly.
"""

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.discovery.services import search_backend, search_reindex
from backend.matches.models import Match
from backend.needs.models import Need
from backend.responses.models import Response
from backend.solutions.models import Solution
from tests.factories import (
    ConferenceFactory,
    MatchFactory,
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    ResponseFactory,
    SlotFactory,
    SolutionFactory,
    UserFactory,
)

ROLES = ("visitor", "buyer", "other_buyer", "supplier", "advisor")


class _NoDelayWSGIServer(ThreadedWSGIServer):
    """The live server sends each response at once. wsgiref writes a response's headers and
    body separately; without TCP_NODELAY the body waits for the client's delayed ACK of the
    headers, some 40 ms a request on Linux (the schema-driven fuzzing sends thousands)."""

    def get_request(self) -> tuple[Any, Any]:
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


LiveServerThread.server_class = _NoDelayWSGIServer


@pytest.fixture(autouse=True)
def throttle_counters() -> None:
    """Each test starts with no throttle counts. Redis is shared with other runs: delete only
    this process's keys (settings/test.py prefixes them), never FLUSHDB."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        backend.clear()
        return
    client = backend._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{backend.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="session", autouse=True)
def search_indices() -> Iterator[None]:
    backend = search_backend()
    if not backend.ping():
        pytest.fail("Elasticsearch is not reachable: run `scripts/test-services.sh start`.")
    backend.ensure_indices()
    yield
    backend.clear()


def reindex() -> None:
    """Rebuild the search index from this test's rows. Matching takes its candidates from the
    index (matching.incremental), where rows made by factories are missing and earlier tests'
    documents (the index lives for the session) would crowd them out."""
    search_reindex()


@dataclass
class World:
    buyer_org: Organization
    other_buyer_org: Organization
    supplier_org: Organization
    advisory_org: Organization
    users: dict[str, User | None]
    need: Need
    draft_need: Need
    solution: Solution
    draft_solution: Solution
    conference: DialogueConference
    slot: MeetingSlot
    response: Response
    match: Match

    def client(self, role: str) -> APIClient:
        client = APIClient()
        user = self.users[role]
        if user is not None:
            client.force_authenticate(user)
        return client


def _member(org: Organization, email: str) -> User:
    user = UserFactory(email=email)
    MembershipFactory(user=user, organization=org)
    return user


@pytest.fixture
def world(db: None) -> World:
    buyer_org = OrganizationFactory(name="Bergen kommune")
    other_buyer_org = OrganizationFactory(name="Trondheim kommune", county="50")
    supplier_org = OrganizationFactory(name="Helsetek AS", kind=Organization.Kind.SUPPLIER)
    advisory_org = OrganizationFactory(name="LUP", kind=Organization.Kind.ADVISORY)
    users: dict[str, User | None] = {
        "visitor": None,
        "buyer": _member(buyer_org, "innkjoper@bergen.kommune.no"),
        "other_buyer": _member(other_buyer_org, "innkjoper@trondheim.kommune.no"),
        "supplier": _member(supplier_org, "grunder@helsetek.no"),
        "advisor": _member(advisory_org, "radgiver@lup.no"),
    }
    need = NeedFactory(organization=buyer_org)
    conference = ConferenceFactory(organization=buyer_org, needs=[need])
    return World(
        buyer_org=buyer_org,
        other_buyer_org=other_buyer_org,
        supplier_org=supplier_org,
        advisory_org=advisory_org,
        users=users,
        need=need,
        draft_need=NeedFactory(organization=buyer_org, status=Need.Status.DRAFT, published_at=None),
        solution=SolutionFactory(organization=supplier_org),
        draft_solution=SolutionFactory(
            organization=supplier_org, status="draft", published_at=None
        ),
        conference=conference,
        slot=SlotFactory(conference=conference),
        response=ResponseFactory(need=need, organization=supplier_org),
        match=MatchFactory(need=need, solution=SolutionFactory(organization=supplier_org)),
    )
