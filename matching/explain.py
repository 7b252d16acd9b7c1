"""Why a pair matched: shared stemmed terms (content words only) and the best-matching pair
of sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from matching.bilingual import to_bokmal
from matching.filler import content_terms
from matching.text import STOPWORDS, normalise_language, sentences, words
from matching.text import terms as stemmed_terms
from matching.types import MatchItem

MAX_TERMS = 8
SentenceEncoder = Callable[[Sequence[str]], np.ndarray]
TermBridge = Callable[[str, str], frozenset[str]]  # (stem, language) -> bokmål stems


def explain_language(item: MatchItem) -> str:
    """'nb', 'nn' or 'en' (bokmål when unknown and not detected as English)."""
    if item.language in ("nb", "nn", "en"):
        return item.language
    guessed = normalise_language(item.language, f"{item.title} {item.description}")
    return "en" if guessed == "en" else "nb"


def surface_forms(item: MatchItem) -> dict[str, str]:
    """stem -> the most frequent word form of the item that has it."""
    text = f"{item.title} {item.description} {item.desired_effect}"
    language = "en" if explain_language(item) == "en" else "no"
    kept = [w for w in words(text) if w not in STOPWORDS and len(w) > 1]
    counts = Counter(zip(stemmed_terms(" ".join(kept), language), kept, strict=True))
    forms: dict[str, str] = {}
    for (stem, word), _ in counts.most_common():
        forms.setdefault(stem, word)
    return forms


def shared_terms(
    source: MatchItem,
    target: MatchItem,
    idf: Callable[[str], float],
    bridge: TermBridge = to_bokmal,
) -> tuple[str, ...]:
    """Terms both sides have after stemming, rarest (in the target's corpus) first; filler
    words (matching.filler: stop words, "kommune", "løsning", ...) are left out.

    Stems of English and nynorsk texts are bridged to bokmål stems (matching.bilingual), so
    'pasient' meets 'patient'; a bridged pair is shown as 'source word/target word'.
    """
    a, b = surface_forms(source), surface_forms(target)
    a_lang, b_lang = explain_language(source), explain_language(target)
    canonical = {c: t for t in sorted(b) for c in bridge(t, b_lang)}
    pairs = {s: canonical[c] for s in a for c in sorted(bridge(s, a_lang)) if c in canonical}
    ranked = sorted(pairs.items(), key=lambda pair: (-idf(pair[1]), pair[0]))
    shown = [a[s] if s == t or a[s] == b[t] else f"{a[s]}/{b[t]}" for s, t in ranked]
    return content_terms(dict.fromkeys(shown))[:MAX_TERMS]


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
