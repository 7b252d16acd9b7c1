"""Text handling: composing an item's text, sentences, chunks, language, stemmed terms."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from matching.cpv import cpv_labels
from matching.types import MatchItem

TEXT_VERSION = "v1"  # bump when compose_text changes: every cached embedding is recomputed

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"«(])")

_STOP_NO = frozenset(
    (
        "og",
        "i",
        "er",
        "det",
        "som",
        "på",
        "for",
        "til",
        "en",
        "et",
        "av",
        "med",
        "at",
        "de",
        "den",
        "ikke",
        "har",
        "kan",
        "vi",
        "å",
        "om",
        "fra",
        "skal",
        "så",
        "seg",
        "var",
        "eller",
        "men",
        "også",
        "vil",
        "dei",
        "ikkje",
        "som",
        "ein",
        "eit",
        "og",
        "frå",
        "til",
        "vere",
        "være",
        "blir",
        "bli",
        "vert",
        "vart",
        "har",
        "hadde",
        "mer",
        "meir",
        "både",
        "alle",
        "andre",
        "slik",
        "at",
        "kunne",
        "bør",
        "må",
        "dette",
        "denne",
        "disse",
        "desse",
        "dag",
        "ved",
        "etter",
        "over",
        "under",
        "mot",
        "opp",
        "ut",
        "inn",
        "oss",
        "våre",
        "vårt",
        "vår",
        "sin",
        "sitt",
        "sine",
        "hvor",
        "kor",
        "når",
        "korleis",
        "hvordan",
        "hva",
        "kva",
        "enn",
        "da",
        "då",
        "no",
        "nå",
        "blant",
        "mellom",
        "løpet",
        "gi",
        "gir",
        "bruke",
        "brukes",
        "bruk",
        "nyttast",
        "lage",
        "laget",
        "gjennom",
        "uten",
        "utan",
        "mens",
        "aldri",
        "dagens",
        "store",
        "stor",
        "lite",
        "mange",
        "fleire",
        "flere",
        "hele",
        "heile",
        "noe",
        "noko",
        "nokre",
        "noen",
        "får",
        "fått",
        "ta",
        "tar",
        "ny",
        "nye",
        "mye",
        "mykje",
    )
)
_STOP_EN = frozenset(
    (
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "is",
        "are",
        "be",
        "been",
        "was",
        "were",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "at",
        "from",
        "our",
        "we",
        "us",
        "you",
        "your",
        "they",
        "their",
        "can",
        "will",
        "may",
        "not",
        "no",
        "into",
        "than",
        "then",
        "so",
        "such",
        "also",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "all",
        "any",
        "each",
        "more",
        "most",
        "other",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "but",
        "if",
        "about",
        "over",
        "under",
        "up",
        "out",
        "per",
        "via",
        "among",
        "use",
        "used",
        "uses",
        "while",
        "never",
        "give",
        "gives",
        "make",
        "makes",
        "many",
        "new",
        "get",
        "gets",
        "one",
        "two",
        "through",
        "without",
        "between",
    )
)
STOPWORDS = _STOP_NO | _STOP_EN


def normalise_language(language: str | None, text: str = "") -> str:
    """'nb', 'nn', 'no' -> 'no'; 'en' -> 'en'; unknown -> guessed from the text."""
    if language in ("nb", "nn", "no", "nob", "nno"):
        return "no"
    if language in ("en", "eng"):
        return "en"
    return detect_language(text)


def detect_language(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    english = sum(w in _STOP_EN for w in words)
    norwegian = sum(w in _STOP_NO for w in words) + 2 * sum(c in "æøå" for c in text[:2000])
    return "en" if english > norwegian else "no"


@lru_cache(maxsize=4)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english" if language == "en" else "norwegian")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def terms(text: str, language: str) -> list[str]:
    """Lower-cased, stop words removed, Snowball-stemmed (Norwegian or English)."""
    stem_language = "en" if language == "en" else "no"
    return [stem(w, stem_language) for w in words(text) if w not in STOPWORDS and len(w) > 1]


@lru_cache(maxsize=500_000)
def stem(word: str, language: str) -> str:
    """Snowball stem of one lower-cased word, memoised (vocabularies are small, corpora not)."""
    return str(_stemmer(language).stemWord(word))


def sentences(text: str) -> list[str]:
    parts = (p.strip() for line in text.splitlines() for p in _SENTENCE_END.split(line))
    return [p for p in parts if p]


def chunks(text: str, max_words: int) -> list[str]:
    """Greedy sentence packing into chunks of at most ~max_words words (long sentences split)."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences(text):
        n = len(sentence.split())
        if current and size + n > max_words:
            out.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += n
    if current:
        out.append(" ".join(current))
    return [piece for chunk in out for piece in _split_long(chunk, max_words)] or [text]


def _split_long(chunk: str, max_words: int) -> list[str]:
    tokens = chunk.split()
    if len(tokens) <= max_words:
        return [chunk]
    return [" ".join(tokens[i : i + max_words]) for i in range(0, len(tokens), max_words)]


def compose_text(item: MatchItem) -> str:
    """The text that is embedded: title, description, desired effect, sector, CPV labels."""
    parts = [item.title.strip().rstrip(".") + ".", item.description.strip()]
    if item.desired_effect:
        parts.append(item.desired_effect.strip())
    labels = [item.sector.replace("-", " ")] if item.sector else []
    labels += cpv_labels(item.cpv_codes)
    if labels:
        parts.append(". ".join(labels))
    return "\n".join(p for p in parts if p.strip(". "))


def content_hash(item: MatchItem) -> str:
    """Hash of everything that goes into the item's embedding (and of the text version)."""
    payload = "\x1f".join([TEXT_VERSION, compose_text(item)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
