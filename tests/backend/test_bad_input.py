"""Every write endpoint answers bad input with 400 and field-level messages in the
user's language, and saves nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db.models import Model

from backend.audit.models import AuditEvent
from backend.dialogue.models import MeetingSlot, Registration
from backend.needs.models import Need
from backend.outbox.models import OutboxEntry
from backend.responses.models import Response
from backend.solutions.models import Solution
from tests.backend.conftest import World


@dataclass(frozen=True)
class Bad:
    name: str
    role: str
    method: str
    url: Callable[[World], str]
    body: Callable[[World], dict[str, Any]]
    field: str
    model: type[Model]


def _need(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": "Bedre inneklima i klasserom",
        "description": "Elevene klager på tung luft og hodepine etter lunsj i eldre skoler.",
        "sector": "bygg-og-eiendom",
        **over,
    }


def _solution(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.supplier_org.pk,
        "title": "Indoor air sensors",
        "description": "Wireless CO2 and temperature sensors for classrooms, with a dashboard.",
        "sector": "bygg-og-eiendom",
        "trl": 7,
        **over,
    }


def _conference(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "need_ids": [w.need.pk],
        "title": "Dialogkonferanse om inneklima",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Bergen rådhus",
        "capacity": 30,
        **over,
    }


CASES = (
    Bad(
        "need without title",
        "buyer",
        "post",
        lambda w: "/api/needs/",
        lambda w: _need(w, title=""),
        "title",
        Need,
    ),
    Bad(
        "need with unknown CPV",
        "buyer",
        "post",
        lambda w: "/api/needs/",
        lambda w: _need(w, cpv_codes=["99999999"]),
        "cpv_codes",
        Need,
    ),
    Bad(
        "need with unknown sector",
        "buyer",
        "post",
        lambda w: "/api/needs/",
        lambda w: _need(w, sector="romfart"),
        "sector",
        Need,
    ),
    Bad(
        "need with inverted budget",
        "buyer",
        "post",
        lambda w: "/api/needs/",
        lambda w: _need(w, budget_min=500_000, budget_max=100_000),
        "budget_max",
        Need,
    ),
    Bad(
        "need with itself as co-buyer",
        "buyer",
        "post",
        lambda w: "/api/needs/",
        lambda w: _need(w, co_buyer_ids=[w.buyer_org.pk]),
        "co_buyers",
        Need,
    ),
    Bad(
        "need edit with negative budget",
        "buyer",
        "patch",
        lambda w: f"/api/needs/{w.need.pk}/",
        lambda w: {"budget_min": -5},
        "budget_min",
        Need,
    ),
    Bad(
        "solution with TRL 12",
        "supplier",
        "post",
        lambda w: "/api/solutions/",
        lambda w: _solution(w, trl=12),
        "trl",
        Solution,
    ),
    Bad(
        "solution with unknown county",
        "supplier",
        "post",
        lambda w: "/api/solutions/",
        lambda w: _solution(w, regions=["99"]),
        "regions",
        Solution,
    ),
    Bad(
        "conference ending before it starts",
        "buyer",
        "post",
        lambda w: "/api/conferences/",
        lambda w: _conference(w, ends_at="2030-03-01T08:00:00+01:00"),
        "ends_at",
        Need,
    ),
    Bad(
        "conference deadline after start",
        "buyer",
        "post",
        lambda w: "/api/conferences/",
        lambda w: _conference(w, registration_deadline="2030-03-02T08:00:00+01:00"),
        "registration_deadline",
        Need,
    ),
    Bad(
        "digital conference without stream",
        "buyer",
        "post",
        lambda w: "/api/conferences/",
        lambda w: _conference(w, format="digital"),
        "stream_url",
        Need,
    ),
    Bad(
        "registration without participants",
        "supplier",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/",
        lambda w: {"organization": w.supplier_org.pk, "participants": []},
        "participants",
        Registration,
    ),
    Bad(
        "registration with a bad e-mail",
        "supplier",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/",
        lambda w: {
            "organization": w.supplier_org.pk,
            "participants": [{"name": "Sara", "email": "ikke-en-epost"}],
        },
        "participants",
        Registration,
    ),
    Bad(
        "slot ending before it starts",
        "buyer",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: {
            "starts_at": "2030-03-02T10:00:00+01:00",
            "ends_at": "2030-03-02T09:00:00+01:00",
        },
        "ends_at",
        MeetingSlot,
    ),
    Bad(
        "response too short",
        "supplier",
        "post",
        lambda w: "/api/responses/",
        lambda w: {
            "need": w.need.pk,
            "organization": w.supplier_org.pk,
            "summary": "Hei",
            "body": "Kort",
        },
        "body",
        Response,
    ),
    Bad(
        "reject without reason",
        "advisor",
        "post",
        lambda w: f"/api/matches/{w.match.pk}/reject/",
        lambda w: {"reason": ""},
        "reason",
        AuditEvent,
    ),
    Bad(
        "organisation with bad check digit",
        "buyer",
        "post",
        lambda w: "/api/organizations/",
        lambda w: {"name": "Nye Testkommune", "org_number": "123456789", "kind": "public_buyer"},
        "org_number",
        AuditEvent,
    ),
    Bad(
        "saved search with unknown filter",
        "supplier",
        "post",
        lambda w: "/api/saved-searches/",
        lambda w: {"name": "Mine", "filters": {"farge": ["blå"]}},
        "filters",
        AuditEvent,
    ),
    Bad(
        "register with a weak password",
        "visitor",
        "post",
        lambda w: "/api/auth/register/",
        lambda w: {"email": "ny@example.no", "password": "12345678", "full_name": "Ny Bruker"},
        "password",
        AuditEvent,
    ),
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_is_refused_field_by_field_in_norwegian_and_nothing_is_saved(
    world: World, case: Bad
) -> None:
    # given
    client = world.client(case.role)
    before = (case.model.objects.count(), OutboxEntry.objects.count())
    # when
    response = getattr(client, case.method)(
        case.url(world), case.body(world), format="json", HTTP_ACCEPT_LANGUAGE="nb"
    )
    # then
    assert response.status_code == 400, response.content
    assert case.field in response.json(), response.json()
    assert (case.model.objects.count(), OutboxEntry.objects.count()) == before


def test_error_messages_follow_the_requested_language(world: World) -> None:
    # given
    client = world.client("buyer")
    body = _need(world, title="")
    # when
    norwegian = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="nb")
    english = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert norwegian.json()["title"] == ["Dette feltet må ikke være blankt."]
    assert english.json()["title"] == ["This field may not be blank."]


def test_unverified_buyer_cannot_publish(world: World) -> None:
    # given
    world.buyer_org.verified = False
    world.buyer_org.save()
    draft = world.draft_need
    # when
    response = world.client("buyer").post(f"/api/needs/{draft.pk}/publish/")
    # then
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Need.Status.DRAFT
