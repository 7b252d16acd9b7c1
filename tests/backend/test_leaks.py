"""The leaks found by review and black-box probes (issue 9), each attacked from outside.

An id of a row the user may not see is answered exactly like an id that does not exist:
in request bodies (validation errors) and in query-parameter filters.
"""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from rest_framework.response import Response as ApiResponse

from backend.dialogue.models import DialogueConference
from backend.dialogue.services import conference_create
from backend.matches.models import Match
from backend.needs.models import Need
from backend.responses.models import Response
from tests.backend.conftest import World
from tests.factories import ConferenceFactory, NeedFactory

MISSING = 987654321


def _same(hidden: ApiResponse, missing: ApiResponse, hidden_id: int) -> None:
    """Both answers are equal once the id the caller sent is taken out."""
    assert hidden.status_code == missing.status_code
    body = hidden.content.decode().replace(str(hidden_id), "ID")
    assert body == missing.content.decode().replace(str(MISSING), "ID")


def _conference(w: World, need_ids: list[int], **over: Any) -> dict[str, Any]:
    return {
        "organization": w.other_buyer_org.pk,
        "need_ids": need_ids,
        "title": "Dialogkonferanse om trygghet",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Trondheim rådhus",
        "capacity": 30,
        **over,
    }


def test_another_buyers_draft_need_on_a_new_conference_is_answered_as_missing(
    world: World,
) -> None:
    # given: Bergen's draft, and a Trondheim buyer who may not see it
    client = world.client("other_buyer")
    draft = world.draft_need
    before = DialogueConference.objects.count()
    # when
    hidden = client.post("/api/conferences/", _conference(world, [draft.pk]), format="json")
    missing = client.post("/api/conferences/", _conference(world, [MISSING]), format="json")
    # then
    assert hidden.status_code == 400
    assert draft.title not in hidden.content.decode()
    _same(hidden, missing, draft.pk)
    assert DialogueConference.objects.count() == before


def test_another_buyers_draft_need_on_a_conference_edit_is_answered_as_missing(
    world: World,
) -> None:
    # given: Trondheim's own conference
    conference = ConferenceFactory(organization=world.other_buyer_org)
    client = world.client("other_buyer")
    url = f"/api/conferences/{conference.pk}/"
    # when
    hidden = client.patch(url, {"need_ids": [world.draft_need.pk]}, format="json")
    missing = client.patch(url, {"need_ids": [MISSING]}, format="json")
    # then
    assert hidden.status_code == 400
    assert world.draft_need.title not in hidden.content.decode()
    _same(hidden, missing, world.draft_need.pk)
    assert not conference.needs.exists()


def test_another_buyers_published_need_is_refused_by_name(world: World) -> None:
    # given: Bergen's published need is public
    client = world.client("other_buyer")
    # when
    answer = client.post("/api/conferences/", _conference(world, [world.need.pk]), format="json")
    # then: naming it reveals nothing hidden
    assert answer.status_code == 400
    assert world.need.title in answer.json()["need_ids"][0]


def test_the_service_never_names_a_hidden_need(world: World) -> None:
    # given: a caller that skips the API's scoping
    user = world.users["other_buyer"]
    data = _conference(world, [])
    data = {k: v for k, v in data.items() if k not in ("organization", "need_ids")}
    data |= {"needs": [world.draft_need]}
    # when
    with pytest.raises(ValidationError) as refused:
        conference_create(user=user, organization=world.other_buyer_org, data=data)  # type: ignore[arg-type]
    # then
    assert world.draft_need.title not in str(refused.value)
    assert f"#{world.draft_need.pk}" in str(refused.value)


def test_a_response_to_a_hidden_draft_need_is_answered_as_missing(world: World) -> None:
    # given
    client = world.client("supplier")
    before = Response.objects.count()

    def post(need_id: int) -> ApiResponse:
        body = {
            "need": need_id,
            "organization": world.supplier_org.pk,
            "summary": "Innspill",
            "body": "Vi har en løsning som passer godt til dette behovet.",
        }
        return client.post("/api/responses/", body, format="json")

    # when
    hidden, missing = post(world.draft_need.pk), post(MISSING)
    # then
    assert hidden.status_code == 400
    _same(hidden, missing, world.draft_need.pk)
    assert Response.objects.count() == before


@pytest.mark.parametrize("field", ["need", "other_need", "solution"])
def test_a_manual_match_from_a_non_advisor_does_not_tell_hidden_ids_from_missing(
    world: World, field: str
) -> None:
    # given: a buyer, and ids of drafts it may not see
    other_draft = NeedFactory(organization=world.other_buyer_org, status=Need.Status.DRAFT)
    hidden_ids = {
        "need": other_draft.pk,
        "other_need": other_draft.pk,
        "solution": world.draft_solution.pk,
    }
    client = world.client("buyer")
    base = {"need": world.need.pk, "solution": world.solution.pk}
    before = Match.objects.count()
    # when
    hidden = client.post("/api/matches/", base | {field: hidden_ids[field]}, format="json")
    missing = client.post("/api/matches/", base | {field: MISSING}, format="json")
    # then
    assert hidden.status_code == 400
    _same(hidden, missing, hidden_ids[field])
    assert Match.objects.count() == before


@pytest.mark.parametrize(
    ("role", "url", "hidden"),
    [
        ("visitor", "/api/conferences/?needs={}", "draft_need"),
        ("other_buyer", "/api/conferences/?needs={}", "draft_need"),
        ("other_buyer", "/api/matches/?need={}", "draft_need"),
        ("other_buyer", "/api/matches/?solution={}", "draft_solution"),
        ("other_buyer", "/api/responses/?need={}", "draft_need"),
        ("supplier", "/api/slots/mine/?conference={}", "draft_conference"),
    ],
)
def test_a_filter_on_a_hidden_id_answers_as_for_a_missing_one(
    world: World, role: str, url: str, hidden: str
) -> None:
    # given: a published conference that links the draft need (what a filter could probe)
    world.conference.needs.add(world.draft_need)
    draft_conference = ConferenceFactory(
        organization=world.buyer_org, status=DialogueConference.Status.DRAFT
    )
    ids = {
        "draft_need": world.draft_need.pk,
        "draft_solution": world.draft_solution.pk,
        "draft_conference": draft_conference.pk,
    }
    client = world.client(role)
    # when
    hidden_answer = client.get(url.format(ids[hidden]))
    missing_answer = client.get(url.format(MISSING))
    # then
    assert hidden_answer.status_code == 400
    _same(hidden_answer, missing_answer, ids[hidden])
