"""The incremental ranker scores like the engine: same candidates, same ranking."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from matching.encoders import FakeEncoder
from matching.evaluate import read_items
from matching.incremental import IncrementalRanker, LexicalAsk, LexicalFound
from matching.pipeline import MatchingEngine
from matching.types import ItemKind, MatchItem
from tests.matching.items import DATA, no_bridge


class EngineCandidates:
    """Candidates from a fitted engine's in-process indexes (a stand-in for Elasticsearch)."""

    def __init__(self, engine: MatchingEngine) -> None:
        self.engine = engine

    def dense(self, kind: ItemKind, query: np.ndarray, k: int) -> list[str]:
        return [i for i, _ in self.engine._side(kind).index.search(query[None, :], k)[0]]

    def lexical(self, asks: Sequence[LexicalAsk]) -> list[LexicalFound]:
        return [self._answer(ask) for ask in asks]

    def _answer(self, ask: LexicalAsk) -> LexicalFound:
        lexical = self.engine._side(ask.kind).lexical
        top = lexical.search(ask.text, ask.language, ask.top) if ask.top else []
        scores = lexical.scores(ask.text, ask.language, ask.ids).tolist() if ask.ids else []
        found = {i: s for i, s in zip(ask.ids, scores, strict=True) if s > 0}
        return LexicalFound(tuple(top), found)


class EngineItems:
    def __init__(self, items: Sequence[MatchItem]) -> None:
        self.by_id = {item.id: item for item in items}

    def items(self, ids: Sequence[str]) -> list[MatchItem]:
        return [self.by_id[i] for i in ids if i in self.by_id]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[MatchItem], list[MatchItem]]:
    needs = read_items(DATA / "needs.jsonl", "need")
    return needs, read_items(DATA / "solutions.jsonl", "solution")


def test_incremental_ranking_equals_the_engine_on_the_dev_set(
    corpus: tuple[list[MatchItem], list[MatchItem]],
) -> None:
    # given an engine fitted on the dev set, and an incremental ranker with the engine's means
    needs, solutions = corpus
    encoder = FakeEncoder()
    engine = MatchingEngine(encoder, term_bridge=no_bridge).fit(solutions, needs)
    ranker = IncrementalRanker(
        encoder=encoder,
        centering=engine.centering,
        candidates=EngineCandidates(engine),
        store=EngineItems([*needs, *solutions]),
        cache=engine.cache,
        sentence_encoder=engine.encode_sentences,
        term_bridge=no_bridge,
    )
    for kind, sources in (("solution", needs), ("need", needs), ("need", solutions[:20])):
        # when each source is ranked both ways
        batch = engine.rank_many(sources, kind, k=10)  # type: ignore[arg-type]
        for source in sources:
            one = ranker.rank(source, kind, k=10)  # type: ignore[arg-type]
            # then the same targets in the same order, with the same scores and explanations
            expected = batch[source.id]
            assert [m.target_id for m in one] == [m.target_id for m in expected]
            assert [m.score for m in one] == pytest.approx([m.score for m in expected])
            assert [m.explanation.best_pair for m in one] == [
                m.explanation.best_pair for m in expected
            ]


def test_persisted_means_centre_like_the_fitted_ones(
    corpus: tuple[list[MatchItem], list[MatchItem]],
) -> None:
    # given an engine's centring, stored as means and read back
    needs, solutions = corpus
    engine = MatchingEngine(FakeEncoder()).fit(solutions, needs)
    restored = type(engine.centering).from_means(
        engine.centering.global_mean, engine.centering.means()
    )
    vectors = np.random.default_rng(1).normal(size=(3, engine.encoder.dim)).astype(np.float32)
    # then both centre alike, for known and unknown languages
    for languages in (["nb", "en", "nn"], ["de", "nb", "en"]):
        np.testing.assert_allclose(
            restored.transform(vectors, languages), engine.centering.transform(vectors, languages)
        )
