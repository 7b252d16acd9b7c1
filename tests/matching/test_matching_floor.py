"""The relevance floor: relevance is the topical part of a score, and the evaluation CLI
measures what a floor shows and hides on the development set."""

import json

import pytest

from matching.evaluate import main
from matching.metrics import FloorFigures, floor_figures
from matching.scoring import relevance
from matching.types import SignalContribution
from tests.matching.items import DATA


def test_relevance_is_the_sum_of_the_topical_contributions() -> None:
    # given every signal of a pair
    signals = [
        SignalContribution("dense", 0.5, 1.0, 0.5),
        SignalContribution("lexical", 0.4, 0.1, 0.04),
        SignalContribution("cpv", 1.0, 0.1, 0.1),
        SignalContribution("sector", 1.0, 0.15, 0.15),
        SignalContribution("region", 1.0, 0.05, 0.05),
        SignalContribution("trl", 1.0, 0.05, 0.05),
    ]
    # then region and TRL (where and when, not what) are left out
    assert relevance(signals) == pytest.approx(0.79)


def test_floor_figures_count_what_is_shown_and_hidden() -> None:
    # given two needs' top 3 with their relevance, and judgements
    run = {
        "n1": [("s1", 0.6), ("s2", 0.4), ("s3", 0.2)],
        "n2": [("s4", 0.3), ("s5", 0.1)],
        "unjudged": [("s1", 0.9)],
    }
    qrels = {"n1": {"s1": 2, "s3": 1}, "n2": {"s4": 1}}
    # when a floor of 0.35 is applied
    figures = floor_figures(run, qrels, 0.35, k=3, few=2)
    # then two pairs are shown (one good), three hidden (two good), and n2 shows none
    assert figures == FloorFigures(
        floor=0.35,
        shown=2,
        shown_precision=0.5,
        hidden=3,
        hidden_precision=pytest.approx(2 / 3),
        relevant_kept=pytest.approx(1 / 3),
        sources_with_few=1,
    )


def test_the_cli_reports_the_floors_in_both_directions(capsys: pytest.CaptureFixture[str]) -> None:
    # given the development set and the fake encoder (the real model: test_matching_real_model)
    args = [
        *("--needs", str(DATA / "needs.jsonl")),
        *("--solutions", str(DATA / "solutions.jsonl")),
        *("--qrels", str(DATA / "qrels.tsv")),
        *("--model", "fake", "--json", "--floors", "0.2,0.35"),
    ]
    # when the evaluation runs with two floors
    assert main(args) == 0
    out = capsys.readouterr().out
    summary = json.loads(out.strip().splitlines()[-1])
    # then each direction has a row per floor, and a higher floor shows fewer pairs
    assert "relevance floor, need->solution" in out and "relevance floor, solution->need" in out
    for direction in ("need->solution", "solution->need"):
        low, high = summary["floors"][direction]
        assert (low["floor"], high["floor"]) == (0.2, 0.35)
        assert high["shown"] <= low["shown"]
        assert low["shown"] + low["hidden"] == high["shown"] + high["hidden"]


def test_the_cli_refuses_floors_that_are_not_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--needs", "n", "--solutions", "s", "--qrels", "q", "--floors", "0.3,high"])
    assert "not a list of numbers: '0.3,high'" in capsys.readouterr().err
