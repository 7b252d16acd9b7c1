"""Matching of needs and solutions: encoders, retrieval, scoring, explanations (no Django)."""

from matching.embeddings import EmbeddingCache, EmbeddingKey, InMemoryEmbeddingCache, embed_items
from matching.encoders import Encoder, FakeEncoder, load_encoder
from matching.lexical import BM25Scorer, LexicalScorer
from matching.pipeline import (
    MatchingEngine,
    MatchTables,
    rank_for_need,
    rank_for_solution,
    recompute_all,
    similar_needs,
)
from matching.retrieval import HNSWIndex, NumpyIndex, VectorIndex
from matching.text import content_hash
from matching.types import (
    Explanation,
    MatchItem,
    ScoredMatch,
    ScoringWeights,
    SignalContribution,
)

__all__ = [
    "BM25Scorer",
    "EmbeddingCache",
    "EmbeddingKey",
    "Encoder",
    "Explanation",
    "FakeEncoder",
    "HNSWIndex",
    "InMemoryEmbeddingCache",
    "LexicalScorer",
    "MatchItem",
    "MatchTables",
    "MatchingEngine",
    "NumpyIndex",
    "ScoredMatch",
    "ScoringWeights",
    "SignalContribution",
    "VectorIndex",
    "content_hash",
    "embed_items",
    "load_encoder",
    "rank_for_need",
    "rank_for_solution",
    "recompute_all",
    "similar_needs",
]
