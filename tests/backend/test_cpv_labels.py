"""CPV labels in the reader's language: DFØ's official Norwegian names in bokmål, the EU's
English names in English, wherever a label is shown (look-up, a need, a search facet)."""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from backend.discovery.selectors import facet_label
from backend.reference.cpv import cpv_codes, cpv_search
from tests.backend.conftest import World

ELDERLY = "85311100"


def test_every_code_has_a_norwegian_and_an_english_name() -> None:
    codes = cpv_codes()

    assert len(codes) == 9454
    assert all(c.name_nb.strip() and c.name_en.strip() for c in codes.values())
    # Translated, not copied: most Norwegian names differ from the English ones.
    assert sum(c.name_nb != c.name_en for c in codes.values()) > 9000


@pytest.mark.parametrize(
    ("language", "label"),
    [("nb", "Alarmovervåkningstjenester"), ("en", "Alarm-monitoring services")],
)
def test_the_look_up_answers_in_the_request_language(language: str, label: str) -> None:
    response = APIClient().get("/api/reference/cpv/", {"q": "79711"}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    assert response.json() == [{"code": "79711000", "label": label}]


def test_a_norwegian_word_finds_its_codes_and_names_starting_with_it_come_first() -> None:
    with translation.override("nb"):
        found = [(c.code, c.label) for c in cpv_search("alarm")]

    assert ("79711000", "Alarmovervåkningstjenester") in found
    assert found[0][1].lower().startswith("alarm")


def test_an_english_word_still_finds_codes_in_bokmal() -> None:
    with translation.override("nb"):
        found = [(c.code, c.label) for c in cpv_search("welfare services for the elderly")]

    assert found == [(ELDERLY, "Omsorg for eldre")]


@pytest.mark.parametrize(
    ("language", "label"),
    [("nb", "Omsorg for eldre"), ("en", "Welfare services for the elderly")],
)
def test_a_need_shows_its_codes_in_the_reader_language(
    world: World, language: str, label: str
) -> None:
    response = world.client("visitor").get(
        f"/api/needs/{world.need.pk}/", HTTP_ACCEPT_LANGUAGE=language
    )

    assert response.status_code == 200
    assert response.json()["cpv_codes"] == [{"code": ELDERLY, "label": label}]


@pytest.mark.parametrize(
    ("language", "label"),
    [("nb", "Helse- og sosial tjenesteyting"), ("en", "Health and social work services")],
)
def test_a_search_facet_names_its_division_in_the_reader_language(
    language: str, label: str
) -> None:
    with translation.override(language):
        assert facet_label("cpv_division", "85") == label
