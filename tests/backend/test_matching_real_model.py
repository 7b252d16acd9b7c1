"""The backend's matching with the real default model (loaded offline from its package)."""

from django.test import override_settings

from backend.discovery.services import search_reindex
from backend.matches import engine as eng
from backend.matches.models import Embedding, Match
from backend.matches.services import matches_recompute_for_needs
from tests.backend.conftest import World, reindex
from tests.factories import SolutionFactory


@override_settings(EMBEDDING_MODEL="")
def test_a_norwegian_need_finds_the_english_solution_that_answers_it(world: World) -> None:
    # given: an English solution that answers the Norwegian need, and an unrelated one
    answer = SolutionFactory(
        organization=world.supplier_org,
        title="GPS safety alarm for elderly people",
        description="A wearable safety alarm with GPS and automatic fall detection. Elderly "
        "users living at home can call for help anywhere, and care staff answer.",
    )
    unrelated = SolutionFactory(
        organization=world.supplier_org,
        sector="bygg-og-eiendom",
        title="Electric excavator for city centres",
        description="A battery-powered excavator for digging in dense city streets without "
        "exhaust or engine noise.",
    )
    reindex()
    # when
    matches_recompute_for_needs(need_ids=[world.need.pk])
    # then
    scores = dict(Match.objects.filter(need=world.need).values_list("solution_id", "score"))
    assert scores[answer.pk] > scores.get(unrelated.pk, float("-inf"))
    assert Embedding.objects.filter(entity="solution", entity_id=answer.pk).exists()
    best = Match.objects.get(need=world.need, solution=answer)
    assert len(best.best_pair) == 2


@override_settings(EMBEDDING_MODEL="")
def test_embeddings_are_recomputed_only_when_the_text_changes(world: World) -> None:
    # given
    matches_recompute_for_needs(need_ids=[world.need.pk])
    stored = Embedding.objects.get(entity="need", entity_id=world.need.pk)
    # when: recompute without a change, then after a change
    matches_recompute_for_needs(need_ids=[world.need.pk])
    unchanged = Embedding.objects.get(pk=stored.pk)
    world.need.description += " Løsningen må fungere utendørs."
    world.need.save()
    matches_recompute_for_needs(need_ids=[world.need.pk])
    changed = Embedding.objects.get(pk=stored.pk)
    # then
    assert unchanged.updated_at == stored.updated_at
    assert changed.content_hash != stored.content_hash


@override_settings(EMBEDDING_MODEL="", MATCHING_RETRIEVAL="search")
def test_production_retrieval_takes_candidates_from_elasticsearch_knn(world: World) -> None:
    # given: the English answer is published, embedded and indexed, as the outbox does it
    answer = SolutionFactory(
        organization=world.supplier_org,
        title="Wearable fall detector with an alarm button",
        description="Elderly people living at home wear it on the wrist; it calls the care "
        "team automatically after a fall, anywhere.",
    )
    matches_recompute_for_needs(need_ids=[world.need.pk])
    # a rebuild from this test's rows: the session's index also holds earlier tests' documents,
    # which could fill the k nearest with rows that no longer exist
    search_reindex()
    # when
    engine = eng.engine_build(eng.published_needs(), eng.published_solutions())
    query = engine.queries([eng.need_item(world.need)])[0]
    side = engine._side("solution")
    hits = side.index.search(query.vector[None, :], 10)[0]
    matches_recompute_for_needs(need_ids=[world.need.pk])
    # then: k-NN in Elasticsearch returned it, and the engine suggests it
    assert isinstance(side.index, eng.SearchBackendVectorIndex)
    assert f"solution:{answer.pk}" in [item for item, _ in hits]
    assert Match.objects.filter(need=world.need, solution=answer).exists()
