"""Why a pair was suggested, in plain words for a procurement officer or a supplier.

The same signals the engine scored with (`Match.signals`, the best-matching sentence pair,
the two sides' TRL, regions, sector and CPV codes) become one to four short sentences in the
reader's language (the active translation): what the other side says that matches, how
mature a solution is, where it is offered, and whether sector and kind of purchase agree.
`fit_level` turns a pair's relevance into the words "very good", "good" or "weak" shown in
place of a number. Every function here is pure given the active language and its arguments.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from backend.matches.models import Match
from backend.reference.vocabularies import COUNTIES, SECTORS, STAGES, label_for
from matching.filler import content_terms
from matching.scoring import NATIONWIDE, STAGE_MIN_TRL, TOPICAL_SIGNALS

Fit = Literal["weak", "good", "very_good"]
#: Whose page the pair is read on: a need's (its buyer: the other side is described) or a
#: solution's (its supplier: the need is described).
Perspective = Literal["need", "solution"]
RegionFit = Literal["nationwide", "county", "elsewhere"]
PairKind = Literal["need_solution", "need_need"]

MAX_QUOTE_WORDS = 30
ALL_COUNTIES = frozenset(t.code for t in COUNTIES)

# The first sentence: how well the other side fits, with its best-matching sentence when
# there is one. By what is read on whose page, then by fit: (with the quote, without).
_TOPICS: dict[str, dict[Fit, tuple[StrOrPromise, StrOrPromise]]] = {
    "solution_for_need": {
        "very_good": (
            gettext_lazy("Meets the same need: “%(quote)s”."),
            gettext_lazy("Meets the same need."),
        ),
        "good": (
            gettext_lazy("May meet the need: “%(quote)s”."),
            gettext_lazy("May meet the need."),
        ),
        "weak": (
            gettext_lazy("Only loosely related to the need: “%(quote)s”."),
            gettext_lazy("Only loosely related to the need."),
        ),
    },
    "need_for_solution": {
        "very_good": (
            gettext_lazy("Asks for what the solution does: “%(quote)s”."),
            gettext_lazy("Asks for what the solution does."),
        ),
        "good": (
            gettext_lazy("May suit the solution: “%(quote)s”."),
            gettext_lazy("May suit the solution."),
        ),
        "weak": (
            gettext_lazy("Only loosely related to the solution: “%(quote)s”."),
            gettext_lazy("Only loosely related to the solution."),
        ),
    },
    "need_need": {
        "very_good": (
            gettext_lazy("Describes the same need: “%(quote)s”."),
            gettext_lazy("Describes the same need."),
        ),
        "good": (
            gettext_lazy("Describes a similar need: “%(quote)s”."),
            gettext_lazy("Describes a similar need."),
        ),
        "weak": (
            gettext_lazy("Only loosely related to the need: “%(quote)s”."),
            gettext_lazy("Only loosely related to the need."),
        ),
    },
}


@dataclass(frozen=True)
class Thresholds:
    """Relevance from `floor` up is shown to buyers and suppliers ("good"), from `strong` up
    it is "very good"; below the floor only advisors see the pair ("weak")."""

    floor: float
    strong: float


@dataclass(frozen=True)
class PairFacts:
    """What the sentences are made from: plain values, no model instances."""

    kind: PairKind
    perspective: Perspective
    fit: Fit
    quote: str = ""  # the other side's sentence that best matches the reader's side
    trl: int | None = None  # the solution's
    mature_enough: bool = True  # the solution's TRL reaches what the need's stage calls for
    stage: str = ""  # the need's stage (code)
    same_stage: bool = False  # need ↔ need: both needs in the same stage
    sector: str = ""  # the shared sector (code), empty when the sectors differ
    cpv_shared: bool = False
    region: RegionFit | None = None
    county: str = ""  # the need's county (code)


def relevance_of(signals: Iterable[Mapping[str, object]]) -> float:
    """The topical part of a stored score (matching.scoring.relevance over `Match.signals`)."""
    return float(
        sum(
            float(str(s.get("contribution", 0.0)))
            for s in signals
            if s.get("name") in TOPICAL_SIGNALS
        )
    )


def fit_level(relevance: float, thresholds: Thresholds) -> Fit:
    if relevance >= thresholds.strong:
        return "very_good"
    return "good" if relevance >= thresholds.floor else "weak"


def shown_terms(terms: Sequence[str]) -> list[str]:
    """Stored shared terms as shown: content words only (rows written before the filler
    list existed still hold filler words)."""
    return list(content_terms(terms))


def quote(sentence: str) -> str:
    """A sentence as quoted: at most MAX_QUOTE_WORDS words, its final full stop dropped."""
    words = sentence.split()
    if len(words) > MAX_QUOTE_WORDS:
        return " ".join(words[:MAX_QUOTE_WORDS]).rstrip(",;:") + " …"
    return " ".join(words).rstrip(".")


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def region_fit(county: str, regions: Sequence[str]) -> RegionFit | None:
    """Where a solution is offered, seen from a need's county; None when either is unknown."""
    served = {r.strip() for r in regions if r.strip()}
    if not county or not served:
        return None
    if served >= ALL_COUNTIES or {r.lower() for r in served} & NATIONWIDE:
        return "nationwide"
    return "county" if county in served else "elsewhere"


def mature_enough(stage: str, trl: int | None) -> bool:
    return trl is None or stage not in STAGE_MIN_TRL or trl >= STAGE_MIN_TRL[stage]


def explanation(facts: PairFacts) -> list[str]:
    """The sentences for one pair, most telling first."""
    found = [_topic(facts)]
    if facts.kind == "need_solution":
        found += [_maturity(facts), _geography(facts)]
    else:
        found += [_stage(facts), _same_county(facts)]
    found.append(_sector_and_cpv(facts))
    return [sentence for sentence in found if sentence]


def _topic(facts: PairFacts) -> str:
    if facts.kind == "need_need":
        reading = "need_need"
    else:
        reading = "solution_for_need" if facts.perspective == "need" else "need_for_solution"
    with_quote, without = _TOPICS[reading][facts.fit]
    said = quote(facts.quote)
    return str(with_quote) % {"quote": said} if said else str(without)


def _maturity(facts: PairFacts) -> str:
    trl = facts.trl
    if trl is None:
        return ""
    if trl >= 9:
        maturity = _("Fully developed and in use")
    elif trl >= 7:
        maturity = _("Proven in real operation")
    elif trl >= 5:
        maturity = _("Prototype tested in realistic conditions")
    else:
        maturity = _("Early in development")
    if facts.mature_enough or not facts.stage:
        return _("%(maturity)s (TRL %(trl)s).") % {"maturity": maturity, "trl": trl}
    return _("%(maturity)s (TRL %(trl)s), less mature than the stage %(stage)s calls for.") % {
        "maturity": maturity,
        "trl": trl,
        "stage": _lower_first(label_for(STAGES, facts.stage)),
    }


def _geography(facts: PairFacts) -> str:
    county = label_for(COUNTIES, facts.county)
    if facts.region == "nationwide":
        return _("Offered nationwide.")
    if facts.region == "county":
        return _("Offered in %(county)s.") % {"county": county}
    if facts.region == "elsewhere":
        return _("Not offered in %(county)s today.") % {"county": county}
    return ""


def _stage(facts: PairFacts) -> str:
    if not (facts.same_stage and facts.stage):
        return ""
    return _("In the same stage: %(stage)s.") % {
        "stage": _lower_first(label_for(STAGES, facts.stage))
    }


def _same_county(facts: PairFacts) -> str:
    if facts.region != "county":
        return ""
    return _("Also in %(county)s.") % {"county": label_for(COUNTIES, facts.county)}


def _sector_and_cpv(facts: PairFacts) -> str:
    sector = label_for(SECTORS, facts.sector) if facts.sector else ""
    if sector and facts.cpv_shared:
        return _("Same sector (%(sector)s) and the same kind of purchase (CPV).") % {
            "sector": _lower_first(sector)
        }
    if sector:
        return _("Same sector: %(sector)s.") % {"sector": _lower_first(sector)}
    return _("The same kind of purchase (CPV).") if facts.cpv_shared else ""


# --- from a stored match -------------------------------------------------------------------


def thresholds_get() -> Thresholds:
    return Thresholds(
        floor=settings.MATCHING_RELEVANCE_FLOOR, strong=settings.MATCHING_STRONG_RELEVANCE
    )


def _signal_values(match: Match) -> dict[str, float]:
    return {
        str(s.get("name")): float(str(s.get("value", 0.0)))
        for s in match.signals or []
        if isinstance(s, dict)
    }


def match_facts(match: Match, perspective: Perspective, thresholds: Thresholds) -> PairFacts:
    """The facts of a stored pair (its need, solution and other need loaded with it)."""
    values, need, pair = _signal_values(match), match.need, list(match.best_pair or [])
    other, solution = match.other_need, match.solution
    # The reader's side is the need's unless a supplier reads a need on its solution's page;
    # best_pair reads (need's sentence, other side's sentence): quote the side described.
    side = 0 if perspective == "solution" and other is None else 1
    trl = solution.trl if solution is not None else None
    if other is not None:
        region: RegionFit | None = "county" if need.county and other.county == need.county else None
    else:
        region = region_fit(need.county, solution.regions if solution is not None else [])
    return PairFacts(
        kind="need_need" if other is not None else "need_solution",
        perspective="need" if other is not None else perspective,
        fit=fit_level(match.relevance, thresholds),
        quote=pair[side] if len(pair) > side else "",
        trl=trl,
        mature_enough=mature_enough(need.stage, trl),
        stage=need.stage,
        same_stage=other is not None and other.stage == need.stage,
        sector=need.sector if values.get("sector", 0.0) >= 1.0 else "",
        cpv_shared=values.get("cpv", 0.0) > 0.0,
        region=region,
        county=need.county,
    )


def match_explanation(match: Match, perspective: Perspective, thresholds: Thresholds) -> list[str]:
    return explanation(match_facts(match, perspective, thresholds))
