"""The registry of entities (backend/outbox/entities.py) is the one rule that the outbox,
search sync and matching follow: checked against the models and the real index."""

import pytest
from django.db import transaction

from backend.discovery.services import search_backend, search_sync
from backend.matches.engine import published_needs, published_solutions
from backend.outbox.entities import ENTITIES, Entity, entity_of
from backend.outbox.models import OutboxEntry
from backend.outbox.services import derived_refresh
from search.types import SearchRequest
from tests.backend.conftest import World
from tests.factories import NeedFactory, SolutionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_registrys_visibility_rule_is_the_models_for_every_status() -> None:
    agree = {
        (spec.entity, status): (status in spec.public_statuses)
        == spec.model(status=status).is_public  # type: ignore[attr-defined]
        for spec in ENTITIES.values()
        for status in spec.model.Status.values  # type: ignore[attr-defined]
    }
    assert set(agree.values()) == {True}


def test_only_registered_entities_are_refreshed_and_only_matched_ones_are_matched(
    world: World,
) -> None:
    # given
    before = OutboxEntry.objects.count()
    # when: a conference asks for matching too; a name nobody registered is refused
    with transaction.atomic():
        derived_refresh(entity=Entity.CONFERENCE, entity_id=world.conference.pk)
    with pytest.raises(ValueError), transaction.atomic():
        derived_refresh(entity="response", entity_id=world.response.pk)  # type: ignore[arg-type]
    # then
    topics = list(OutboxEntry.objects.order_by("id").values_list("topic", flat=True))[before:]
    assert topics == [OutboxEntry.Topic.SEARCH_INDEX]


def test_search_sync_indexes_the_public_rows_of_every_entity_and_deletes_the_rest(
    world: World,
) -> None:
    # given: a closed need (public), an archived solution (not), and the world's drafts
    closed = NeedFactory(organization=world.buyer_org, status="closed")
    archived = SolutionFactory(organization=world.supplier_org, status="archived")
    rows = [
        world.need,
        world.draft_need,
        closed,
        world.solution,
        world.draft_solution,
        archived,
        world.conference,
    ]
    # when
    for row in rows:
        search_sync(entity=entity_of(row), ids=[row.pk])
    # then
    hits = search_backend().search(SearchRequest(page_size=100)).hits
    found = {(h.kind, h.id) for h in hits}
    shown = {(entity_of(r), r.pk) for r in rows if r.is_public}  # type: ignore[attr-defined]
    hidden = {(entity_of(r), r.pk) for r in rows if not r.is_public}  # type: ignore[attr-defined]
    assert (shown - found, hidden & found) == (set(), set())


def test_matching_takes_the_registrys_matched_rows(world: World) -> None:
    # given: a closed need is public but no longer matched
    closed = NeedFactory(organization=world.buyer_org, status="closed")
    # when
    needs = {n.pk for n in published_needs()}
    solutions = {s.pk for s in published_solutions()}
    # then
    assert (closed.pk in needs, world.need.pk in needs) == (False, True)
    assert (world.solution.pk in solutions, world.draft_solution.pk in solutions) == (True, False)
