"""Words inside words, for both backends (see README.md, "Compounds, both ways" and "English").

``Decompounder`` splits a Norwegian compound into modifier and head from the hunspell dictionaries
(nb_NO, nn_NO): "snøbrøyting" -> "snø" + "brøyting". ``EnglishRoots`` reduces an English
derivation to the verb it comes from: "detectors" -> "detect". Core Elasticsearch has neither
(``dictionary_decompounder`` and the English stemmers are in ``analysis-common``), so both run
here, at index time (``analysis.Analysis.compound_parts``/``english_root_terms``) and at query time
(``queries/plan.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from search.analysis import HunspellStemmer

#: the dictionaries' COMPOUNDFLAG: an entry that may take part in a compound
COMPOUND_FLAG = "z"
#: a part of three letters ("snø", "tak", "dør") must carry the compound flag, as must the other
#: part, which must have four letters or more; longer parts need the flag or five letters
SHORT_PART = 3
LONG_PART = 5
COMPOUND_WORD_MIN = 7
LINKING_LETTERS = ("s", "e")
#: modifiers that take a linking "s" ("fritids|kort", "trygghets|alarm"): by suffix, or compounds
S_LINKED_SUFFIXES = (
    "het", "heit", "ing", "sjon", "dom", "skap", "else", "tet", "nad", "sel", "ment", "land", "tid",
)  # fmt: skip
#: prefixes and particles that hunspell knows as words but that do not make a compound's modifier
#: ("gjennom|føre", "sammen|ligne", "fore|slå"), and suffixes it knows as words that are no head
#: ("eksister|ende", "dimensjon|ert", "tilgjenge|leg")
NOT_MODIFIERS = frozenset(
    """all bak best bort etter foran fore fores fram frem gjen gjennom god hen kont mellom mis
    ned opp over platt sam sammen til tilbake under ut ved vedlike videre""".split()  # noqa: SIM905
)
NOT_HEADS = frozenset(
    """att else ende ene ert erte ette het heit ille ing inga inge ingen kring leg lig lige ring
    ske ska""".split()  # noqa: SIM905
)
#: common words that look like compounds of two dictionary words but are not ("spørs|mål")
NOT_COMPOUNDS = frozenset(
    """spørsmål forankring registrering veiledning rettleiing plattform infrastruktur frivillig
    godkjenning samarbeid samarbeide samtale samtykke gjennomsnitt kontroll kontakt kontrakt
    korrekt allerede budsjett velferd mistenkelig midlertidig verktøy dimensjonere""".split()  # noqa: SIM905
)
#: English derivations reduced to their verb ("detection" -> "detect"): (suffix, replacement)
EN_ION_RULES = (
    ("ication", "y"),
    ("ation", "ate"),
    ("ation", "e"),
    ("ation", ""),
    ("ion", "e"),
    ("ion", ""),
)
EN_ROOT_MIN = 6


@dataclass(frozen=True)
class WordInfo:
    """A word as the dictionaries know it: at all, as an entry itself (no affix), and whether the
    entry (``base_flag``) or any entry it derives from (``any_flag``) may take part in compounds."""

    known: bool
    base: bool
    base_flag: bool
    any_flag: bool


@dataclass(frozen=True)
class Split:
    """A compound's first split: ``modifier`` (linking letter dropped) + ``head``."""

    modifier: str
    head: str
    words: int  # dictionary words in the whole compound (fewer is better)
    flagged: int  # how many of them carry the compound flag (more is better)
    odd_linking: int  # linkings against the modifier's habit (fewer is better)

    @property
    def rank(self) -> tuple[int, int, int, int]:
        return (self.words, -self.flagged, self.odd_linking, -len(self.modifier))


class Decompounder:
    """Norwegian compounds split from the bokmål and nynorsk dictionaries (cached per word)."""

    def __init__(
        self,
        stemmers: Sequence[HunspellStemmer],
        english: HunspellStemmer,
        stopwords: frozenset[str],
    ) -> None:
        self.stemmers, self.english, self.stopwords = tuple(stemmers), english, stopwords
        self._split = lru_cache(maxsize=200_000)(self._best_split)
        self._modifier = lru_cache(maxsize=200_000)(self._as_modifier)
        self.decompound = lru_cache(maxsize=200_000)(self._decompound)
        self.word_parts = lru_cache(maxsize=200_000)(self._word_parts)

    def _word_parts(self, word: str) -> tuple[str, ...]:
        split = self.decompound(word)
        if split is None:
            return ()
        modifier, head = split
        nested = [
            part
            for word_part in (modifier, head)
            if (inner := self.decompound(word_part)) and min(map(len, inner)) > SHORT_PART
            for part in self.word_parts(word_part)
        ]
        return tuple(dict.fromkeys((modifier, head, *nested)))

    def _decompound(self, word: str) -> tuple[str, str] | None:
        """The modifier and head of a Norwegian compound ("snøbrøyting" -> "snø", "brøyting"),
        ``None`` for any other word. A word the dictionary knows is split through its stems
        ("sykehjemsplasser" -> "sykehjemsplass" -> "sykehjem", "plass"), so that an inflection
        ending never passes for a head ("skolen" is no "sko" + "len")."""
        if len(word) < COMPOUND_WORD_MIN or not word.isalpha() or word in NOT_COMPOUNDS:
            return None
        if self.english.is_word(word):  # "transport", "operating": not Norwegian compounds
            return None
        stems = {str(form.stem) for stemmer in self.stemmers for form in stemmer.forms(word)}
        if stems & NOT_COMPOUNDS:
            return None
        candidates = [
            split
            for stem in sorted(stems or {word})
            if len(stem) >= COMPOUND_WORD_MIN
            if (split := self._split(stem)) is not None
        ]
        if not candidates:
            return None
        best = min(candidates, key=lambda split: split.rank)
        return (best.modifier, best.head)

    def _info(self, word: str) -> WordInfo:
        infos = [stemmer.word_info(word) for stemmer in self.stemmers]
        return WordInfo(
            any(info.known for info in infos),
            any(info.base for info in infos),
            any(info.base_flag for info in infos),
            any(info.any_flag for info in infos),
        )

    def _head_ok(self, word: str) -> bool:
        """A head is a word in any inflection, flagged as a compound part or long."""
        if len(word) < SHORT_PART or word in self.stopwords or word in NOT_HEADS:
            return False
        info = self._info(word)
        return info.known and (info.any_flag or len(word) >= LONG_PART)

    def _core_ok(self, word: str) -> bool:
        """A modifier's word is an entry itself (no inflection), flagged as a compound part or
        long."""
        if len(word) < SHORT_PART or word in self.stopwords or word in NOT_MODIFIERS:
            return False
        info = self._info(word)
        return info.base and (info.base_flag or len(word) >= LONG_PART)

    def _takes_s(self, core: str) -> bool:
        return core.endswith(S_LINKED_SUFFIXES) or self._split(core) is not None

    def _as_modifier(self, text: str) -> Split | None:
        """``text`` as a compound's first part: a word, a word + linking letter, or a compound.
        The answer's ``modifier`` is its normal form; ``head`` is unused."""
        if self._core_ok(text):
            flagged = int(self._info(text).base_flag)
            return Split(text, "", 1, flagged, int(self._takes_s(text)))
        core, link = text[:-1], text[-1:]
        if link in LINKING_LETTERS and self._core_ok(core):
            odd = int(link == "e" or not self._takes_s(core))
            return Split(core, "", 1, int(self._info(core).base_flag), odd)
        split = self._split(text)
        if split is not None:
            return Split(text, "", split.words, split.flagged, split.odd_linking)
        return None

    def _best_split(self, word: str) -> Split | None:
        """The best modifier + head split of ``word``: fewest dictionary words, most flagged,
        linking as the modifier usually links, longest modifier."""
        best: Split | None = None
        for cut in range(SHORT_PART, len(word) - SHORT_PART + 1):
            text, head = word[:cut], word[cut:]
            if not self._head_ok(head):
                continue
            modifier = self._modifier(text)
            if modifier is None or not self._short_parts_ok(modifier.modifier, head):
                continue
            head_flagged = int(self._info(head).any_flag)
            split = Split(
                modifier.modifier,
                head,
                modifier.words + 1,
                modifier.flagged + head_flagged,
                modifier.odd_linking,
            )
            if best is None or split.rank < best.rank:
                best = split
        return best

    def _short_parts_ok(self, modifier: str, head: str) -> bool:
        """A part of three letters must be a flagged entry, beside a flagged part of 4+ letters."""
        for short, other in ((modifier, head), (head, modifier)):
            if len(short) <= SHORT_PART and not (
                self._info(short).base_flag
                and len(other) > SHORT_PART
                and self._info(other).any_flag
            ):
                return False
        return True


class EnglishRoots:
    """English derivations reduced to their verb with the en_US dictionary (cached per word)."""

    def __init__(self, english: HunspellStemmer, stopwords: frozenset[str]) -> None:
        self.english, self.stopwords = english, stopwords
        self.roots = lru_cache(maxsize=200_000)(self._roots)

    def _roots(self, token: str) -> tuple[str, ...]:
        """ "detection", "detections", "detector", "detectors" -> "detect"; "operator",
        "operation" -> "operate". Only roots of 6+ letters the dictionary knows ("station" is no
        "state", "million" no "mill")."""
        english = self.english
        if token in self.stopwords or not token.isalpha() or not english.is_word(token):
            return ()
        roots: dict[str, None] = {}
        for stem in english.stems(token):
            nouns = [stem]
            if stem.endswith("or") and english.is_word(stem[:-2] + "ion"):
                nouns.append(stem[:-2] + "ion")  # "detector" -> "detection"
            for noun in nouns:
                root = self._ion_root(noun)
                if root is not None:
                    roots[root] = None
        return tuple(roots)

    def _ion_root(self, noun: str) -> str | None:
        english = self.english
        for suffix, replacement in EN_ION_RULES:
            if noun.endswith(suffix) and len(noun) - len(suffix) >= SHORT_PART:
                root = noun[: -len(suffix)] + replacement
                if len(root) >= EN_ROOT_MIN and english.is_word(root):
                    return root
        return None
