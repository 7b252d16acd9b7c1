"""Why a pair matched: shared stemmed terms and the best-matching pair of sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from matching.text import STOPWORDS, normalise_language, sentences, words
from matching.text import terms as stemmed_terms
from matching.types import MatchItem

MAX_TERMS = 8
SentenceEncoder = Callable[[Sequence[str]], np.ndarray]


def _surface_forms(item: MatchItem) -> dict[str, str]:
    """stem -> the most frequent word form of the item that has it."""
    text = f"{item.title} {item.description} {item.desired_effect}"
    language = normalise_language(item.language, text)
    kept = [w for w in words(text) if w not in STOPWORDS and len(w) > 1]
    counts = Counter(zip(stemmed_terms(" ".join(kept), language), kept, strict=True))
    forms: dict[str, str] = {}
    for (stem, word), _ in counts.most_common():
        forms.setdefault(stem, word)
    return forms


def shared_terms(
    source: MatchItem, target: MatchItem, idf: Callable[[str], float]
) -> tuple[str, ...]:
    """Stems both texts contain (after each side's own stemming), rarest first, as words."""
    a, b = _surface_forms(source), _surface_forms(target)
    common = sorted(set(a) & set(b), key=lambda stem: (-idf(stem), stem))
    return tuple(a[stem] for stem in common[:MAX_TERMS])


def item_sentences(item: MatchItem) -> list[str]:
    return [s for s in sentences(f"{item.title}.\n{item.description}") if len(s.split()) >= 3]


def best_pair(
    source: MatchItem, target: MatchItem, encode: SentenceEncoder
) -> tuple[str, str] | None:
    """The source and target sentences whose embeddings are closest (cosine)."""
    left, right = item_sentences(source), item_sentences(target)
    if not left or not right:
        return None
    similarity = encode(left) @ encode(right).T
    i, j = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    return left[int(i)], right[int(j)]
