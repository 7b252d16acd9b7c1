"""Search snippets come out of the API as a reader sees them: no stray spaces around the
highlighted words, one mark over words that are highlighted side by side."""

import re

import pytest

from backend.discovery.highlights import highlight_tidy
from backend.discovery.services import search_sync
from tests.backend.conftest import World
from tests.factories import NeedFactory


@pytest.mark.parametrize(
    ("fragment", "tidy"),
    [
        (
            "bedre <mark>brøyting</mark> av <mark>snø</mark>.\n\nVi vil  vite  når",
            "bedre <mark>brøyting</mark> av <mark>snø</mark>. Vi vil vite når",
        ),
        (
            "<mark>snø</mark><mark>brøyting</mark> om vinteren",
            "<mark>snøbrøyting</mark> om vinteren",
        ),
        ("tidlig <mark>snø</mark>\n<mark>brøyting</mark>", "tidlig <mark>snø brøyting</mark>"),
        ("  Ved <mark> fall </mark>i hjemmet ", "Ved <mark>fall</mark> i hjemmet"),
        ("<mark></mark>Tom <mark>alarm</mark>", "Tom <mark>alarm</mark>"),
        (
            "Nav&#x27;s <mark>kontor</mark> &amp; <mark>lager</mark>",
            "Nav&#x27;s <mark>kontor</mark> &amp; <mark>lager</mark>",
        ),
    ],
    ids=["line breaks", "compound parts", "side by side", "spaces inside", "empty", "escaped"],
)
def test_a_fragment_is_tidied(fragment: str, tidy: str) -> None:
    assert highlight_tidy(fragment) == tidy


def test_the_search_api_sends_tidy_snippets(world: World) -> None:
    # given: a need whose text has paragraphs and double spaces
    need = NeedFactory(
        organization=world.buyer_org,
        title="Brøyting av gang- og sykkelveier",
        description=(
            "Kommunen trenger bedre brøyting av snø på gang- og sykkelveier.\n\n"
            "Vi vil  vite  når snøen faller, og når fortauene er glatte."
        ),
    )
    search_sync(entity="need", ids=[need.pk])
    # when
    answer = world.client("visitor").get("/api/search/", {"q": "brøyting snø glatte"})
    # then
    assert answer.status_code == 200, answer.content[:300]
    (hit,) = [h for h in answer.json()["results"] if (h["type"], h["id"]) == ("need", need.pk)]
    snippet = " … ".join(hit["highlights"])
    assert "<mark>" in snippet
    assert not re.search(r"\s\s|\n|<mark>\s|\s</mark>|</mark>\s?<mark>", snippet), snippet
