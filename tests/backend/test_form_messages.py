"""The forms people fill in most answer bad input with a message that says what to write, in
the reader's language, never a raw 'is not a valid choice' (issue 12). The front end checks
the same rules with the same words before it sends (frontend/src/locales)."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.needs.models import Need
from backend.solutions.models import Solution
from tests.backend.conftest import World

NB, EN = "nb", "en"


def _need(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": "Færre fall blant eldre som bor hjemme",
        "description": "Hjemmetjenesten oppdager fall for sent, og mange ligger lenge.",
        "sector": "helse-og-omsorg",
        **over,
    }


def _solution(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.supplier_org.pk,
        "title": "Fallsensor med varsling til hjemmetjenesten",
        "description": "Sensoren oppdager fall og varsler hjemmetjenesten innen ett minutt.",
        "sector": "helse-og-omsorg",
        "trl": 7,
        **over,
    }


NEED_CASES = [
    ("no sector chosen", {"sector": ""}, "sector", {
        NB: "Velg sektoren behovet hører til.",
        EN: "Choose the sector the need belongs to.",
    }),
    ("an unknown sector", {"sector": "romfart"}, "sector", {
        NB: "«romfart» er ikke et av valgene. Velg et av alternativene i listen.",
        EN: "“romfart” is not one of the options. Choose one of the options in the list.",
    }),
    ("no title", {"title": "  "}, "title", {
        NB: "Skriv en tittel på behovet.",
        EN: "Enter a title for the need.",
    }),
    ("a description too short", {"description": "Fall."}, "description", {
        NB: "Beskriv behovet med minst 40 tegn.",
        EN: "Describe the need in at least 40 characters.",
    }),
    ("a budget in words", {"budget_min": "to millioner"}, "budget_min", {
        NB: "Skriv beløpet i hele kroner med tall, for eksempel 2000000.",
        EN: "Write the amount in whole kroner with digits, for example 2000000.",
    }),
    ("a budget with øre", {"budget_max": "2500000.50"}, "budget_max", {
        NB: "Skriv beløpet i hele kroner med tall, for eksempel 2000000.",
        EN: "Write the amount in whole kroner with digits, for example 2000000.",
    }),
    ("a negative budget", {"budget_min": -1}, "budget_min", {
        NB: "Beløpet kan ikke være negativt.",
        EN: "The amount cannot be negative.",
    }),
    ("a budget beyond the limit", {"budget_max": 10**13}, "budget_max", {
        NB: "Beløpet kan være høyst 1000000000000 kroner.",
        EN: "The amount can be at most 1000000000000 kroner.",
    }),
    ("an unknown county", {"county": "99"}, "county", {
        NB: "«99» er ikke et av valgene. Velg et av alternativene i listen.",
        EN: "“99” is not one of the options. Choose one of the options in the list.",
    }),
]  # fmt: skip


@pytest.mark.parametrize("language", [NB, EN])
@pytest.mark.parametrize(
    ("name", "over", "field", "says"), NEED_CASES, ids=[c[0] for c in NEED_CASES]
)
def test_a_need_form_error_says_what_to_write(
    world: World, language: str, name: str, over: dict[str, Any], field: str, says: dict[str, str]
) -> None:
    # given
    before = Need.objects.count()
    # when
    response = world.client("buyer").post(
        "/api/needs/", _need(world, **over), format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    # then
    assert response.status_code == 400
    assert response.json() == {field: [says[language]]}
    assert Need.objects.count() == before


def test_a_need_form_with_every_required_field_empty_names_each_in_bokmal(world: World) -> None:
    body = _need(world, title="", description="", sector="")

    response = world.client("buyer").post(
        "/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE=NB
    )

    assert response.json() == {
        "title": ["Skriv en tittel på behovet."],
        "description": ["Beskriv behovet med minst 40 tegn."],
        "sector": ["Velg sektoren behovet hører til."],
    }


def test_the_desired_effect_is_optional_as_the_form_shows(world: World) -> None:
    response = world.client("buyer").post(
        "/api/needs/", _need(world, desired_effect=""), format="json", HTTP_ACCEPT_LANGUAGE=NB
    )

    assert response.status_code == 201


SOLUTION_CASES = [
    ("no sector chosen", {"sector": ""}, "sector", {
        NB: "Velg sektoren løsningen hører til.",
        EN: "Choose the sector the solution belongs to.",
    }),
    ("no name", {"title": ""}, "title", {
        NB: "Skriv navnet på løsningen.",
        EN: "Enter the name of the solution.",
    }),
    ("a description too short", {"description": "Sensor."}, "description", {
        NB: "Beskriv løsningen med minst 40 tegn.",
        EN: "Describe the solution in at least 40 characters.",
    }),
    ("a TRL beyond 9", {"trl": 10}, "trl", {
        NB: "Velg en modenhet fra TRL 1 til TRL 9.",
        EN: "Choose a maturity from TRL 1 to TRL 9.",
    }),
    ("an unknown region", {"regions": ["46", "99"]}, "regions", {
        NB: "«99» er ikke et av valgene. Velg et av alternativene i listen.",
        EN: "“99” is not one of the options. Choose one of the options in the list.",
    }),
]  # fmt: skip


@pytest.mark.parametrize("language", [NB, EN])
@pytest.mark.parametrize(
    ("name", "over", "field", "says"), SOLUTION_CASES, ids=[c[0] for c in SOLUTION_CASES]
)
def test_a_solution_form_error_says_what_to_write(
    world: World, language: str, name: str, over: dict[str, Any], field: str, says: dict[str, str]
) -> None:
    # given
    before = Solution.objects.count()
    # when
    response = world.client("supplier").post(
        "/api/solutions/", _solution(world, **over), format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    # then
    assert response.status_code == 400
    messages = response.json()[field]
    assert says[language] in str(messages)
    assert list(response.json()) == [field]
    assert Solution.objects.count() == before


ACCOUNT_CASES = [
    ("sign-in without e-mail", "/api/auth/session/", {"email": "", "password": "x"}, "email", {
        NB: "Skriv e-postadressen din.",
        EN: "Enter your email address.",
    }),
    ("sign-in with an address without @", "/api/auth/session/",
     {"email": "kari.bergen.kommune.no", "password": "x"}, "email", {
        NB: "Skriv en e-postadresse med @, for eksempel navn@kommune.no.",
        EN: "Enter an email address with @, for example name@municipality.no.",
    }),
    ("sign-in without password", "/api/auth/session/",
     {"email": "kari@bergen.kommune.no", "password": ""}, "password", {
        NB: "Skriv passordet ditt.",
        EN: "Enter your password.",
    }),
    ("registration without a name", "/api/auth/register/",
     {"email": "kari@bergen.kommune.no", "password": "et-langt-passord", "full_name": " "},
     "full_name", {
        NB: "Skriv hele navnet ditt.",
        EN: "Enter your full name.",
    }),
    ("registration with a short password", "/api/auth/register/",
     {"email": "kari@bergen.kommune.no", "password": "kort", "full_name": "Kari Nordmann"},
     "password", {
        NB: "Passordet må ha minst 8 tegn.",
        EN: "The password must have at least 8 characters.",
    }),
]  # fmt: skip


@pytest.mark.parametrize("language", [NB, EN])
@pytest.mark.parametrize(
    ("name", "url", "body", "field", "says"), ACCOUNT_CASES, ids=[c[0] for c in ACCOUNT_CASES]
)
def test_an_account_form_error_says_what_to_write(
    db: None,
    language: str,
    name: str,
    url: str,
    body: dict[str, Any],
    field: str,
    says: dict[str, str],
) -> None:
    response = APIClient().post(url, body, format="json", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 400
    assert response.json() == {field: [says[language]]}
