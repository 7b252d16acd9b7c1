import numpy as np

from matching.encoders import normalise_rows
from matching.lexical import BM25Scorer
from matching.retrieval import HNSWIndex, NumpyIndex


def test_numpy_and_hnsw_indexes_find_the_same_neighbours() -> None:
    # given 2,000 random unit vectors in both indexes
    vectors = normalise_rows(np.random.default_rng(0).normal(size=(2000, 32)))
    ids = [f"v{i}" for i in range(2000)]
    exact, approximate = NumpyIndex(32), HNSWIndex(32)
    exact.add(ids, vectors)
    approximate.add(ids, vectors)
    # when 20 of them are searched for, batched
    found_exact = exact.search(vectors[:20], 10)
    found_hnsw = approximate.search(vectors[:20], 10)
    # then each finds itself first and the two agree on almost all neighbours
    assert [hits[0][0] for hits in found_exact] == ids[:20]
    overlap = np.mean(
        [
            len({i for i, _ in a} & {i for i, _ in b}) / 10
            for a, b in zip(found_exact, found_hnsw, strict=True)
        ]
    )
    assert overlap >= 0.9


def test_bm25_matches_inflected_forms_in_each_language() -> None:
    # given a Norwegian and an English document
    scorer = BM25Scorer()
    scorer.add(["no", "en"], ["Trygghetsalarmer for eldre", "Waste sensors for bins"], ["no", "en"])
    # when searched with other inflections
    norwegian = scorer.search("trygghetsalarmen", "no", 5)
    english = scorer.search("sensor", "en", 5)
    # then each finds its document, and scores() follows the order of the ids given
    assert [i for i, _ in norwegian] == ["no"]
    assert [i for i, _ in english] == ["en"]
    assert list(scorer.scores("sensor", "en", ["no", "en", "missing"]) > 0) == [False, True, False]
