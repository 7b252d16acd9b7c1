"""Text analysis shared by both backends (see README.md, "Analysis chain").

Elasticsearch analyses with core pieces only (``standard`` tokenizer, pre-configured ``lowercase``,
``stop`` with ``_norwegian_``/``_english_``, ``hunspell``). The embedded backend runs the same chain
here in Python: an approximation of the Unicode standard tokenizer, the same stop lists, and
``spylls`` (pure-Python hunspell) reading the very dictionaries Elasticsearch reads.

Norwegian compounds are split here, at index time (every part of every word goes into a separate
field) and at query time (a compound query word also matches its modifier and head standing apart),
for both backends: "snø" finds "snøbrøyting", "snøbrøyting" finds "brøyting av snø", each ranked
below documents that say the very word. English derivations are reduced the same way ("detection",
"detectors" -> "detect"), since core Elasticsearch has no English stemmer beyond hunspell.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from search.word_parts import COMPOUND_FLAG, Decompounder, EnglishRoots, WordInfo

DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionaries"

#: language code -> hunspell locale (a directory under Elasticsearch's config/hunspell/)
LOCALES: dict[str, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_US"}
#: analysed sub-fields of every text field, one per locale
STEMMED_SUBFIELDS: tuple[str, ...] = ("nb", "nn", "en")

# Lucene's Norwegian snowball stop list (Elasticsearch's ``_norwegian_``).
NORWEGIAN_STOP = frozenset(
    """og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
    ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor
    eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville
    dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette disse
    uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis
    både bare enn fordi før mange også slik vært båe begge siden dykk dykkar dei deira deires
    deim di då eg ein eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ingi inkje
    korleis korso kva kvar kvarhelst kven kvi kvifor me medan mi mine mykje no nokon noka nokor
    noko nokre sia sidan so somt somme um upp vere vore verte vort varte vart""".split()  # noqa: SIM905
)
# Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET (Elasticsearch's ``_english_``).
ENGLISH_STOP = frozenset(
    """a an and are as at be but by for if in into is it no not of on or such that the their
    then there these they this to was will with""".split()  # noqa: SIM905
)
STOPWORDS: dict[str, frozenset[str]] = {
    "nb": NORWEGIAN_STOP,
    "nn": NORWEGIAN_STOP,
    "en": ENGLISH_STOP,
}
ALL_STOPWORDS = NORWEGIAN_STOP | ENGLISH_STOP

# Unicode word segmentation, approximately: runs of letters/digits, joined across an inner
# apostrophe or full stop ("e.g", "it's", "1.5"), and across a comma between digits ("1,5").
TOKEN = re.compile(r"\w+(?:(?:['’.]|(?<=\d),(?=\d))\w+)*")
MAX_TOKEN_LENGTH = 255

MAX_COMPLETION_INPUT = 50  # Elasticsearch completion field max_input_length
MAX_COMPLETION_INPUTS = 10


def tokenize(text: str) -> list[str]:
    """Elasticsearch's ``standard`` analyzer: standard tokenizer + lowercase, no stop words."""
    return [m.group(0).lower()[:MAX_TOKEN_LENGTH] for m in TOKEN.finditer(text)]


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """Tokens with their character offsets, for highlighting."""
    return [(m.start(), m.end(), m.group(0).lower()) for m in TOKEN.finditer(text)]


class _LazyHomonyms(dict[str, list[Any]]):
    """``Dic.index`` that parses a dictionary line only when its stem is first looked up."""

    def __init__(self, raw: dict[str, list[tuple[int, str]]], aff: Any, context: Any) -> None:
        super().__init__()
        self.raw, self.aff, self.context = raw, aff, context

    def get(self, stem: str, default: Any = None) -> Any:
        if stem not in self:
            from spylls.hunspell.readers import read_dic  # type: ignore[import-untyped]

            lines = self.raw.get(stem)
            self[stem] = (
                read_dic(lines, aff=self.aff, context=self.context).index.get(stem, [])
                if lines
                else []
            )
        return self[stem] if self[stem] else default


def _dic_stem(line: str, context: Any) -> str:
    """The stem spylls' ``read_dic`` would parse from a ``.dic`` line (without building it)."""
    from spylls.hunspell.readers.dic import SLASH_REGEXP, TAG_REGEXP  # type: ignore[import-untyped]

    tag = TAG_REGEXP.search(line)
    start = tag.start() if tag else None
    tab = line.find("\t")
    if tab != -1 and (not start or start > tab):
        start = tab
    word = line[:start] if start else line
    if not word.startswith("/"):
        parts = SLASH_REGEXP.split(word, 2)
        word = parts[0] if len(parts) == 2 else word
    word = word.replace("\\/", "/")
    return str(word.translate(context.ignore.tr)) if context.ignore else word


def load_lookuper(path: Path) -> Any:
    """A spylls ``Lookup`` over ``path.aff``/``path.dic`` whose entries are parsed lazily.

    Equivalent to ``Dictionary.from_files(path).lookuper`` for lower-case words (the only ones
    the analysis looks up), but loads in a fraction of the time: spylls builds an object for
    each of nb_NO's 334 000 entries up front.
    """
    from spylls.hunspell import readers  # type: ignore[import-untyped]
    from spylls.hunspell.algo.lookup import Lookup  # type: ignore[import-untyped]
    from spylls.hunspell.data.dic import Dic  # type: ignore[import-untyped]
    from spylls.hunspell.readers.file_reader import FileReader  # type: ignore[import-untyped]

    aff, context = readers.read_aff(FileReader(f"{path}.aff"))
    raw: dict[str, list[tuple[int, str]]] = {}
    text = Path(f"{path}.dic").read_text(encoding=context.encoding, errors="surrogateescape")
    lines = [line.strip() for line in text.split("\n")]
    if lines and lines[0].split()[:1] and lines[0].split()[0].isdigit():
        lines = lines[1:]
    for line in lines:
        if not line:
            continue
        simple = line.count("/") <= 1 and not line.startswith("/") and not context.ignore
        if simple and not any(char in line for char in "\t:\\"):
            stem = line.split("/", 1)[0]
        else:
            stem = _dic_stem(line, context)
        raw.setdefault(stem, []).append((2, line))
    dic = Dic(words=[])
    dic.index = _LazyHomonyms(raw, aff, context)
    return Lookup(aff, dic)


class HunspellStemmer:
    """Stems like Elasticsearch's ``hunspell`` token filter (dedup, not longest_only)."""

    def __init__(self, locale: str, directory: Path = DICTIONARY_DIR) -> None:
        self.locale = locale
        self.directory = directory
        self._lookuper: Any = None
        self._lock = threading.Lock()
        self.stems = lru_cache(maxsize=200_000)(self._stems)
        self.is_word = lru_cache(maxsize=200_000)(self._is_word)
        self.word_info = lru_cache(maxsize=200_000)(self._word_info)

    def _load(self) -> Any:
        with self._lock:
            if self._lookuper is None:
                self._lookuper = load_lookuper(self.directory / self.locale)
        return self._lookuper

    def _forms(self, word: str) -> list[Any]:
        from spylls.hunspell.algo.capitalization import (  # type: ignore[import-untyped]
            Type as CapType,
        )

        return list(self._load().affix_forms(word, CapType.NO))

    def forms(self, word: str) -> list[Any]:
        """spylls' affix forms of a lower-cased word: its dictionary stems, affixes and flags."""
        return self._forms(word)

    def _stems(self, token: str) -> tuple[str, ...]:
        """Dictionary stems of a lower-cased token, else the token itself (as Lucene does)."""
        stems = sorted({str(form.stem) for form in self._forms(token)})
        return tuple(stems) or (token,)

    def _is_word(self, word: str) -> bool:
        return bool(self._forms(word))

    def _word_info(self, word: str) -> WordInfo:
        """What the dictionary says of a lower-cased word."""
        base = base_flag = any_flag = False
        forms = self._forms(word)
        for form in forms:
            flags = form.in_dictionary.flags if form.in_dictionary is not None else set()
            flagged = COMPOUND_FLAG in flags
            any_flag = any_flag or flagged
            if not form.prefix and not form.suffix:
                base = True
                base_flag = base_flag or flagged
        return WordInfo(bool(forms), base, base_flag, any_flag)


class Analysis:
    """The Python side of the analysis chain, with lazily loaded dictionaries."""

    def __init__(self, directory: Path = DICTIONARY_DIR) -> None:
        self.stemmers = {
            lang: HunspellStemmer(locale, directory) for lang, locale in LOCALES.items()
        }
        norwegian = (self.stemmers["nb"], self.stemmers["nn"])
        self.compounds = Decompounder(norwegian, self.stemmers["en"], ALL_STOPWORDS)
        self.derivations = EnglishRoots(self.stemmers["en"], ENGLISH_STOP)
        self.decompound = self.compounds.decompound
        self.word_parts = self.compounds.word_parts
        self.english_roots = self.derivations.roots

    def stemmed_terms(self, lang: str, tokens: Iterable[str]) -> list[str]:
        """Terms of the ``<field>.<lang>`` sub-field: stop words removed, every stem kept."""
        stop = STOPWORDS[lang]
        stemmer = self.stemmers[lang]
        return [stem for token in tokens if token not in stop for stem in stemmer.stems(token)]

    # --- Norwegian compounds ---------------------------------------------------------------------
    def compound_parts(self, text: str) -> list[str]:
        """Every part of every Norwegian compound in ``text``, at every level:
        "velferdsteknologiløsninger" -> "velferdsteknologi", "løsning", "velferd", "teknologi"."""
        parts: dict[str, None] = {}
        for token in tokenize(text):
            parts.update(dict.fromkeys(self.word_parts(token)))
        return list(parts)

    # --- English derivations ---------------------------------------------------------------------
    def english_root_terms(self, text: str) -> list[str]:
        """The verbs English derivations in ``text`` come from ("fall detectors" -> "detect")."""
        roots: dict[str, None] = {}
        for token in tokenize(text):
            roots.update(dict.fromkeys(self.english_roots(token)))
        return list(roots)


@lru_cache(maxsize=1)
def default_analysis() -> Analysis:
    """One shared instance per process: the dictionaries take seconds to load."""
    return Analysis()


def fuzziness(term: str) -> int:
    """Elasticsearch ``fuzziness: AUTO`` (AUTO:3,6) edits allowed for a query term."""
    if len(term) < 3:
        return 0
    return 1 if len(term) < 6 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (Lucene's fuzzy transpositions); ``limit + 1`` if above."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def significant_tokens(text: str) -> list[str]:
    """Query tokens that must all match: stop words dropped unless nothing else is left."""
    tokens = list(dict.fromkeys(tokenize(text)))
    kept = [token for token in tokens if token not in ALL_STOPWORDS]
    return kept or tokens


def completion_inputs(title: str) -> list[str]:
    """Autocomplete inputs: the title, and the title from each later word on."""
    words = title.split()
    inputs = [" ".join(words[i:]) for i in range(len(words)) if i == 0 or len(words[i]) > 1]
    return [text[:MAX_COMPLETION_INPUT] for text in inputs[:MAX_COMPLETION_INPUTS]]


def simple_analyze(text: str) -> str:
    """Elasticsearch's ``simple`` analyzer (letters only, lower-cased), tokens joined by spaces."""
    return " ".join(re.findall(r"[^\W\d_]+", text.lower()))
