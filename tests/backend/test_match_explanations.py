"""A suggestion explained in plain words, in the reader's language, from the same signals."""

import pytest
from django.utils import translation

from backend.matches.explain import (
    PairFacts,
    Thresholds,
    explanation,
    fit_level,
    match_facts,
    quote,
    region_fit,
    shown_terms,
)
from backend.reference.vocabularies import COUNTIES
from tests.backend.conftest import World
from tests.factories import MatchFactory, NeedFactory, SolutionFactory

THRESHOLDS = Thresholds(floor=0.35, strong=0.45)
NIGHT = "Sensorer varsler nattevakten uten kamera når en beboer står opp."


def _say(facts: PairFacts, language: str) -> list[str]:
    with translation.override(language):
        return explanation(facts)


@pytest.mark.parametrize(
    ("facts", "nb", "en"),
    [
        pytest.param(
            PairFacts(
                kind="need_solution",
                perspective="need",
                fit="very_good",
                quote=NIGHT,
                trl=9,
                stage="markedsdialog",
                sector="helse-og-omsorg",
                region="nationwide",
                county="46",
            ),
            [
                f"Løser samme behov: «{NIGHT[:-1]}».",
                "Ferdig utviklet og i bruk (TRL 9).",
                "Tilbys i hele landet.",
                "Samme sektor: helse og omsorg.",
            ],
            [
                f"Meets the same need: “{NIGHT[:-1]}”.",
                "Fully developed and in use (TRL 9).",
                "Offered nationwide.",
                "Same sector: health and care.",
            ],
            id="a mature solution offered everywhere, very good",
        ),
        pytest.param(
            PairFacts(
                kind="need_solution",
                perspective="need",
                fit="good",
                quote="Appen lærer elevene brøk gjennom spill",
                trl=4,
                mature_enough=False,
                stage="konkurranse",
                sector="oppvekst-og-utdanning",
                cpv_shared=True,
                region="county",
                county="50",
            ),
            [
                "Kan løse behovet: «Appen lærer elevene brøk gjennom spill».",
                "Tidlig i utviklingen (TRL 4), mindre moden enn fasen konkurranse krever.",
                "Tilbys i Trøndelag.",
                "Samme sektor (oppvekst og utdanning) og samme type anskaffelse (CPV).",
            ],
            [
                "May meet the need: “Appen lærer elevene brøk gjennom spill”.",
                "Early in development (TRL 4), less mature than the stage competition calls for.",
                "Offered in Trøndelag.",
                "Same sector (childhood and education) and the same kind of purchase (CPV).",
            ],
            id="an early solution for a need in competition, good",
        ),
        pytest.param(
            PairFacts(
                kind="need_solution",
                perspective="need",
                fit="weak",
                trl=7,
                cpv_shared=True,
                region="elsewhere",
                county="56",
            ),
            [
                "Bare løst knyttet til behovet.",
                "Prøvd ut i reell drift (TRL 7).",
                "Tilbys ikke i Finnmark i dag.",
                "Samme type anskaffelse (CPV).",
            ],
            [
                "Only loosely related to the need.",
                "Proven in real operation (TRL 7).",
                "Not offered in Finnmark today.",
                "The same kind of purchase (CPV).",
            ],
            id="weak, without a sentence pair, offered elsewhere",
        ),
        pytest.param(
            PairFacts(
                kind="need_solution",
                perspective="solution",
                fit="very_good",
                quote="Hjemmetjenesten oppdager fall for sent.",
                trl=6,
                stage="forankring",
            ),
            [
                "Etterspør det løsningen gjør: «Hjemmetjenesten oppdager fall for sent».",
                "Prototype testet under realistiske forhold (TRL 6).",
            ],
            [
                "Asks for what the solution does: “Hjemmetjenesten oppdager fall for sent”.",
                "Prototype tested in realistic conditions (TRL 6).",
            ],
            id="a need read on the supplier's solution page",
        ),
        pytest.param(
            PairFacts(
                kind="need_need",
                perspective="need",
                fit="good",
                quote="Vi vil redusere matsvinn i skolekantinene.",
                stage="markedsdialog",
                same_stage=True,
                sector="klima-energi-miljo",
                region="county",
                county="03",
            ),
            [
                "Beskriver et lignende behov: «Vi vil redusere matsvinn i skolekantinene».",
                "I samme fase: markedsdialog.",
                "Også i Oslo.",
                "Samme sektor: klima, energi og miljø.",
            ],
            [
                "Describes a similar need: “Vi vil redusere matsvinn i skolekantinene”.",
                "In the same stage: market dialogue.",
                "Also in Oslo.",
                "Same sector: climate, energy and environment.",
            ],
            id="a similar need of another buyer",
        ),
    ],
)
def test_sentences_for_representative_signals_in_both_languages(
    facts: PairFacts, nb: list[str], en: list[str]
) -> None:
    assert _say(facts, "nb") == nb
    assert _say(facts, "en") == en


def test_a_long_sentence_is_quoted_shortened() -> None:
    # given a sentence of 40 words
    sentence = " ".join(f"ord{n}," for n in range(40))
    # then the quote keeps 30 words, without the trailing comma, and says it was cut
    assert quote(sentence) == " ".join(f"ord{n}," for n in range(30))[:-1] + " …"
    assert quote("  Kort   setning. ") == "Kort setning"


@pytest.mark.parametrize(
    ("relevance", "fit"),
    [(0.0, "weak"), (0.3499, "weak"), (0.35, "good"), (0.4499, "good"), (0.45, "very_good")],
)
def test_fit_in_words_follows_the_floor_and_the_strong_threshold(
    relevance: float, fit: str
) -> None:
    assert fit_level(relevance, THRESHOLDS) == fit


def test_where_a_solution_is_offered_seen_from_the_need() -> None:
    every = [t.code for t in COUNTIES]
    assert region_fit("46", every) == "nationwide"
    assert region_fit("46", ["Hele landet"]) == "nationwide"
    assert region_fit("46", ["46", "50"]) == "county"
    assert region_fit("46", ["50"]) == "elsewhere"
    assert region_fit("", ["50"]) is None
    assert region_fit("46", []) is None


def test_stored_shared_terms_are_shown_without_filler_words() -> None:
    # a row stored before the filler list: its terms are filtered when shown
    assert shown_terms(["går", "tilsyn", "tide", "kommune", "kamera", "løsningen/solution"]) == [
        "tilsyn",
        "kamera",
    ]


def test_facts_of_a_stored_pair_quote_the_side_described(db: None) -> None:
    # given a need in Vestland at the market dialogue stage and a solution offered there
    need = NeedFactory(county="46", stage="markedsdialog", sector="helse-og-omsorg")
    solution = SolutionFactory(trl=5, regions=["46"], sector="helse-og-omsorg")
    match = MatchFactory(
        need=need,
        solution=solution,
        relevance=0.5,
        signals=[
            {"name": "dense", "value": 0.35, "weight": 1.0, "contribution": 0.35},
            {"name": "cpv", "value": 0.0, "weight": 0.1, "contribution": 0.0},
            {"name": "sector", "value": 1.0, "weight": 0.15, "contribution": 0.15},
        ],
        best_pair=["Behovets setning.", "Løsningens setning."],
    )
    # when its facts are read from the buyer's side and from the supplier's
    for_buyer = match_facts(match, "need", THRESHOLDS)
    for_supplier = match_facts(match, "solution", THRESHOLDS)
    # then each quotes the other side, and the rest is the same
    assert (for_buyer.quote, for_supplier.quote) == ("Løsningens setning.", "Behovets setning.")
    assert for_buyer.fit == "very_good" and for_buyer.region == "county"
    assert for_buyer.sector == "helse-og-omsorg" and not for_buyer.cpv_shared
    assert for_buyer.trl == 5 and for_buyer.mature_enough


def test_the_api_explains_in_the_readers_language_and_keeps_weights_for_advisors(
    world: World,
) -> None:
    # given a suggestion stored with filler words among its shared terms
    MatchFactory(
        need=world.need,
        solution=SolutionFactory(organization=world.supplier_org, trl=9, regions=["46"]),
        shared_terms=["går", "tilsyn", "tide", "kommune"],
        best_pair=["Nattevakten må gå runder.", "Sensorer varsler uten kamera."],
    )
    url = f"/api/needs/{world.need.pk}/matches/"
    # when the buyer reads it in bokmål and in English, and an advisor reads it
    nb = world.client("buyer").get(url, HTTP_ACCEPT_LANGUAGE="nb").json()["results"]
    en = world.client("buyer").get(url, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    advisor = world.client("advisor").get(url).json()["results"]
    # then the buyer gets sentences and a word for the fit, no signals or relevance
    row_nb = next(r for r in nb if r["best_pair"][1] == "Sensorer varsler uten kamera.")
    row_en = next(r for r in en if r["id"] == row_nb["id"])
    assert row_nb["explanation"][0] == "Løser samme behov: «Sensorer varsler uten kamera»."
    assert row_en["explanation"][0] == "Meets the same need: “Sensorer varsler uten kamera”."
    assert "Ferdig utviklet og i bruk (TRL 9)." in row_nb["explanation"]
    assert row_nb["fit"] == "very_good" and row_nb["shared_terms"] == ["tilsyn"]
    assert all("signals" not in r and "relevance" not in r for r in nb + en)
    # and the advisor the same sentences with the signals and relevance behind them
    row_advisor = next(r for r in advisor if r["id"] == row_nb["id"])
    assert row_advisor["explanation"] == row_nb["explanation"]
    assert row_advisor["signals"][0]["name"] == "dense" and row_advisor["relevance"] == 0.7
