import numpy as np
import pytest

from matching.scoring import SIGNALS, combine, signal_matrix, trl_fit
from matching.types import ScoringWeights
from tests.matching.items import need, solution


def test_score_is_the_weighted_sum_of_signals() -> None:
    # given a need and two candidates, one in its sector
    source = need("n", "Alarm", "Tekst.", sector="helse-og-omsorg", stage="konkurranse")
    targets = [
        solution("a", "A", "x", sector="helse-og-omsorg", trl=9),
        solution("b", "B", "y", trl=3),
    ]
    # when signals are computed and combined
    signals = signal_matrix(source, targets, np.array([0.5, 0.5]), np.array([2.0, 1.0]))
    scores = combine(
        signals, ScoringWeights(dense=1, lexical=0.1, sector=0.2, trl=0.05, cpv=0, region=0)
    )
    # then every signal is in its column and the score is their weighted sum
    row = dict(zip(SIGNALS, signals[0], strict=True))
    assert row == {
        "dense": 0.5,
        "lexical": 1.0,
        "cpv": 0.0,
        "sector": 1.0,
        "region": 0.0,
        "trl": 1.0,
    }
    assert scores[0] == pytest.approx(0.5 + 0.1 + 0.2 + 0.05)
    assert scores[1] == pytest.approx(
        0.5 + 0.1 * 0.5 + 0.05 * 0.25
    )  # half the best BM25; TRL 3 of 6


def test_trl_fit_follows_the_lup_stage() -> None:
    assert trl_fit("markedsdialog", 6) == 1.0
    assert trl_fit("kontrakt", 5) == 0.5
    assert trl_fit(None, 9) == 0.0
    assert trl_fit("kontrakt", None) == 0.0
