"""A need and a solution say whether their suggestions are still being computed in the
background (``suggestions_pending``): while a matching outbox entry for the row is still to do."""

from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from backend.outbox.models import OutboxEntry
from tests.backend.conftest import World
from tests.factories import OutboxEntryFactory

MATCHING = OutboxEntry.Topic.MATCHING_RECOMPUTE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "pending"),
    [
        ({}, True),
        ({"lease_until": "soon"}, True),
        ({"attempts": 2, "last_error": "SearchUnavailable: down"}, True),
        ({"processed_at": "now"}, False),
        ({"dead_at": "now", "attempts": 8}, False),
    ],
    ids=["waiting", "being processed", "backing off", "done", "dead letter"],
)
def test_suggestions_are_pending_while_a_matching_entry_is_still_to_do(
    world: World, state: dict[str, Any], pending: bool
) -> None:
    # given: a matching entry for the need and for the solution in the given state, and a
    # done one and a search entry for each that say nothing about suggestions
    now = timezone.now()
    times = {"soon": now + settings.OUTBOX_LEASE, "now": now}
    fields = {k: times.get(v, v) if isinstance(v, str) else v for k, v in state.items()}
    for entity, entity_id in (("need", world.need.pk), ("solution", world.solution.pk)):
        OutboxEntryFactory(topic=MATCHING, entity=entity, entity_id=entity_id, **fields)
        OutboxEntryFactory(topic=MATCHING, entity=entity, entity_id=entity_id, processed_at=now)
        OutboxEntryFactory(entity=entity, entity_id=entity_id)
    # when / then: the need and the solution say whether their suggestions are still coming
    for path in (f"/api/needs/{world.need.pk}/", f"/api/solutions/{world.solution.pk}/"):
        response = world.client("buyer").get(path)
        assert response.json()["suggestions_pending"] is pending, path
    # and a row without any entry has nothing pending
    other = world.client("buyer").get(f"/api/needs/{world.draft_need.pk}/")
    assert other.json()["suggestions_pending"] is False
