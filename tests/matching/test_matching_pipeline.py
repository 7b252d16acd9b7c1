import pytest

from matching.encoders import FakeEncoder
from matching.pipeline import MatchingEngine, recompute_all
from matching.types import MatchItem
from tests.matching.items import need


def test_rank_for_need_puts_the_matching_solution_first(
    engine: MatchingEngine, needs: list[MatchItem]
) -> None:
    # given an engine fitted on needs and solutions
    # when solutions are ranked for the alarm need
    matches = engine.rank_for_need(needs[0], k=2)
    # then the alarm solution comes first, and no more than k come back
    assert [m.target_id for m in matches][:1] == ["s1"]
    assert len(matches) == 2


def test_every_match_explains_itself(engine: MatchingEngine, needs: list[MatchItem]) -> None:
    # given the best match for the alarm need
    match = engine.rank_for_need(needs[0], k=1)[0]
    explanation = match.explanation
    # then its signal contributions add up to the score, and it names shared terms and sentences
    assert sum(s.contribution for s in explanation.signals) == pytest.approx(match.score)
    assert {s.name for s in explanation.signals} == {
        "dense",
        "lexical",
        "cpv",
        "sector",
        "region",
        "trl",
    }
    assert "trygghetsalarm" in explanation.shared_terms
    assert explanation.best_pair is not None and "GPS" in explanation.best_pair[1]


def test_rank_for_solution_finds_needs(engine: MatchingEngine, solutions: list[MatchItem]) -> None:
    # when needs are ranked for the waste-sensor solution (written in English)
    matches = engine.rank_for_solution(solutions[1], k=4)
    # then the waste need is first
    assert matches[0].target_id == "n4"


def test_similar_needs_leaves_out_the_need_and_its_owner(
    engine: MatchingEngine, needs: list[MatchItem]
) -> None:
    # given need n1 owned by Skien, which also owns n3
    # when similar needs are asked for
    ids = [m.target_id for m in engine.similar_needs(needs[0], k=3)]
    # then the other buyer's alarm need comes first; n1 and Skien's n3 are not there
    assert ids[0] == "n2"
    assert "n1" not in ids and "n3" not in ids


def test_a_new_need_can_be_ranked_without_refitting(engine: MatchingEngine) -> None:
    # given a need the engine has not seen
    fresh = need(
        "new", "Avfallssensorer", "Sensorer i avfallsbeholdere.", sector="vann-avlop-renovasjon"
    )
    # when it is ranked
    matches = engine.rank_for_need(fresh, k=1)
    # then the waste sensor solution is found
    assert matches[0].target_id == "s2"


def test_recompute_all_fills_every_direction(
    needs: list[MatchItem], solutions: list[MatchItem]
) -> None:
    # when everything is recomputed in one batch
    tables = recompute_all(needs, solutions, FakeEncoder(), k=2)
    # then every item has its matches, in every direction
    assert set(tables.need_solutions) == {n.id for n in needs}
    assert set(tables.solution_needs) == {s.id for s in solutions}
    assert all(len(v) == 2 for v in tables.need_solutions.values())
    assert tables.similar_needs["n1"][0].target_id == "n2"


def test_ranking_before_fit_is_an_error(needs: list[MatchItem]) -> None:
    with pytest.raises(RuntimeError):
        MatchingEngine(FakeEncoder()).rank_for_need(needs[0])


def test_an_empty_side_gives_no_matches(needs: list[MatchItem]) -> None:
    # given an engine fitted on needs only
    engine = MatchingEngine(FakeEncoder()).fit([], needs)
    # when solutions are asked for
    # then there are none, and similar needs still work
    assert engine.rank_for_need(needs[0], k=5) == []
    assert engine.similar_needs(needs[0], k=1, explain=False)[0].target_id == "n2"
