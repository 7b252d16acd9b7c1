"""Search through the API on the real Elasticsearch: what is indexed, what never is."""

import logging
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from backend.discovery.services import search_sync
from backend.discovery.tasks import saved_search_alerts_task
from backend.outbox.models import OutboxEntry
from search.queries.relaxation import LITTLE
from tests.backend.conftest import World
from tests.factories import NeedFactory

# Real commits, so the outbox's on_commit hooks run as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def _need_body(w: World, title: str, text: str) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": title,
        "description": text,
        "sector": "helse-og-omsorg",
        "county": "46",
        "stage": "markedsdialog",
    }


def _search(w: World, query: str, **params: str) -> dict[str, Any]:
    response = w.client("visitor").get("/api/search/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return response.json()  # type: ignore[no-any-return]


def _own(result: dict[str, Any], kind: str, pk: int) -> dict[str, Any]:
    """This test's document among the hits. The session's index keeps earlier tests'
    documents (their rows are gone: an organisation of theirs reads as unverified), and one
    with the same words may rank first."""
    return next(h for h in result["results"] if (h["type"], h["id"]) == (kind, pk))


def test_a_published_need_is_found_with_highlights_and_facets(world: World) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Kvernsteinsmølle for skolekjøkkenet",
            "Skolene ønsker å male eget kvernsteinsmel til matlagingen i mat og helse.",
        ),
        format="json",
    ).json()
    client.post(f"/api/needs/{created['id']}/publish/")
    # when
    result = _search(world, "kvernsteinsmølle")
    # then
    hit = _own(result, "need", created["id"])
    assert any("<mark>" in h or "<em>" in h for h in hit["highlights"])
    sectors = {f["value"]: f for f in result["facets"]["sector"]}
    # (the session's index keeps earlier tests' documents: a word level that finds one hit
    # relaxes, and semantic neighbours may join the count)
    assert sectors["helse-og-omsorg"]["count"] >= 1
    assert sectors["helse-og-omsorg"]["label"] == "Helse og omsorg"


def test_drafts_and_responses_never_enter_the_index(world: World) -> None:
    # given
    client = world.client("buyer")
    draft = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Utkast om snøsmeltingsroboter",
            "Et hemmelig utkast om snøsmeltingsroboter "
            "som ingen andre skal se ennå, før forankringen er på plass.",
        ),
        format="json",
    ).json()
    world.client("supplier").post(
        "/api/responses/",
        {
            "need": world.need.pk,
            "organization": world.supplier_org.pk,
            "summary": "Hemmelig",
            "body": "Vår forretningshemmelige pris for isbjørnvakter er lav.",
        },
        format="json",
    )
    # when
    drafts = _search(world, "snøsmeltingsroboter")
    responses = _search(world, "isbjørnvakter")
    # then no word matches them (the semantic level may offer public needs of similar
    # meaning, never the draft or the response)
    assert ("need", draft["id"]) not in [(h["type"], h["id"]) for h in drafts["results"]]
    for result, word in ((drafts, "snøsmeltingsroboter"), (responses, "isbjørnvakter")):
        shown = " ".join(h["title"] + " ".join(h["highlights"]) for h in result["results"])
        assert word not in shown.lower()


def test_unpublishing_by_closing_keeps_the_need_searchable_as_closed(world: World) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Tangplukking langs fjorden",
            "Kommunen vil fjerne tang og tare som driver i land langs fjorden hver høst.",
        ),
        format="json",
    ).json()
    client.post(f"/api/needs/{created['id']}/publish/")
    # when
    client.post(f"/api/needs/{created['id']}/close/")
    result = _search(world, "tangplukking", status="closed")
    # then
    assert [h["status"] for h in result["results"]] == ["closed"]


def test_every_write_leaves_an_outbox_entry_that_is_processed(world: World) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Brøyting med selvkjørende traktorer",
            "Vi vil brøyte gang- og sykkelveier tidligere om morgenen uten flere sjåfører.",
        ),
        format="json",
    ).json()
    # when
    client.post(f"/api/needs/{created['id']}/publish/")
    # then
    entries = OutboxEntry.objects.filter(entity="need", entity_id=created["id"])
    assert {e.topic for e in entries} == {"search.index", "matching.recompute"}
    assert all(e.processed_at is not None for e in entries)


def test_autocomplete_suggests_titles_as_you_type(world: World) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Fjernavlesning av vannmålere",
            "Vi vil lese av vannmålerne uten å sende folk hjem til innbyggerne.",
        ),
        format="json",
    ).json()
    client.post(f"/api/needs/{created['id']}/publish/")
    # when
    response = world.client("visitor").get("/api/search/autocomplete/", {"q": "fjernavl"})
    # then
    assert "Fjernavlesning av vannmålere" in response.json()["suggestions"]


def test_bad_search_parameters_are_refused(world: World) -> None:
    # when
    response = world.client("visitor").get("/api/search/", {"sort": "tilfeldig", "page": 0})
    # then
    assert response.status_code == 400
    assert set(response.json()) == {"sort", "page"}


def test_reindex_command_rebuilds_from_the_database(world: World) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Isfri kai for hurtigbåten",
            "Hurtigbåtkaia fryser til om vinteren, og passasjerene sklir når de går om bord.",
        ),
        format="json",
    ).json()
    client.post(f"/api/needs/{created['id']}/publish/")
    # when
    call_command("search_reindex", stdout=StringIO())
    # then
    first = _search(world, "hurtigbåtkaia")["results"][0]
    assert (first["type"], first["id"]) == ("need", created["id"])


def test_saved_search_alert_mails_new_hits(world: World) -> None:
    # given
    client = world.client("supplier")
    saved = client.post(
        "/api/saved-searches/",
        {"name": "Sjøsikkerhet", "query": "redningsvest", "alert_frequency": "daily"},
        format="json",
    )
    buyer = world.client("buyer")
    created = buyer.post(
        "/api/needs/",
        _need_body(
            world,
            "Redningsvest som varsler selv",
            "Fiskere og fritidsbåtfolk trenger en "
            "redningsvest som varsler redningssentralen automatisk.",
        ),
        format="json",
    ).json()
    buyer.post(f"/api/needs/{created['id']}/publish/")
    # when
    sent = saved_search_alerts_task("daily")
    # then
    assert saved.status_code == 201
    assert sent == 1
    assert mail.outbox[-1].to == ["grunder@helsetek.no"]
    assert "Redningsvest som varsler selv" in mail.outbox[-1].body


def test_a_hit_says_whether_its_organisation_is_verified_as_of_now(world: World) -> None:
    # given
    supplier = world.client("supplier")
    created = supplier.post(
        "/api/solutions/",
        {
            "organization": world.supplier_org.pk,
            "title": "Kvernsteinsmølle som tjeneste",
            "description": "Vi leverer og vedlikeholder kvernsteinsmøller til skolekjøkken.",
            "sector": "oppvekst-og-utdanning",
            "trl": 9,
            "status": "published",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    before = _own(_search(world, "kvernsteinsmølle"), "solution", created.json()["id"])
    # when
    world.client("advisor").post(
        f"/api/organizations/{world.supplier_org.pk}/unverify/",
        {"reason": "Organisasjonsnummeret er slettet i Enhetsregisteret."},
        format="json",
    )
    # then
    after = _own(_search(world, "kvernsteinsmølle"), "solution", created.json()["id"])
    assert (before["organization_verified"], after["organization_verified"]) == (True, False)


def test_a_hit_gives_ids_and_levels_as_numbers_as_the_schema_says(world: World) -> None:
    # given: the index keeps them as keyword strings
    created = world.client("supplier").post(
        "/api/solutions/",
        {
            "organization": world.supplier_org.pk,
            "title": "Kvernsteinsmølle som tjeneste",
            "description": "Vi leverer og vedlikeholder kvernsteinsmøller til skolekjøkken.",
            "sector": "oppvekst-og-utdanning",
            "trl": 7,
            "status": "published",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    # when
    result = _search(world, "kvernsteinsmølle")
    # then
    hit = _own(result, "solution", created.json()["id"])
    assert (hit["organization_id"], hit["trl"]) == (world.supplier_org.pk, 7)


def test_a_misspelt_query_finds_through_its_typo_and_suggests_the_words_with_their_hits(
    world: World,
) -> None:
    # given
    client = world.client("buyer")
    created = client.post(
        "/api/needs/",
        _need_body(
            world,
            "Tangrensing i fjæra",
            "Vi vil rense tang fra fjæra om høsten, før den råtner langs strandpromenaden.",
        ),
        format="json",
    ).json()
    client.post(f"/api/needs/{created['id']}/publish/")
    # when
    result = _search(world, "tangrensnig fjæra")
    # then: the need is found in spite of the typo, and the correction says what it finds
    assert (result["results"][0]["type"], result["results"][0]["id"]) == ("need", created["id"])
    assert (result["suggestion"], result["suggestion_hits"]) == ("tangrensing fjæra", 1)
    assert result["all_words_total"] >= 1
    assert result["relaxation"] in ("all", "most", "any", "semantic")


def test_the_mode_of_a_search_without_semantic_is_the_sites_default(world: World) -> None:
    # given: enough needs of this test's own with the word that a words search answers at a
    # word level (with fewer than LITTLE hits it would relax to semantic neighbours, and the
    # session's index holds only what earlier tests happened to leave)
    needs = [
        NeedFactory(organization=world.buyer_org, title=f"Brannvarsling i kommunale bygg {n}")
        for n in range(LITTLE)
    ]
    search_sync(entity="need", ids=[n.pk for n in needs])
    # when
    with override_settings(SEARCH_SEMANTIC_DEFAULT=True):
        hybrid = _search(world, "brannvarsling")
    words = _search(world, "brannvarsling")
    explicit = _search(world, "brannvarsling", semantic="false")
    # then
    assert (hybrid["semantic"], words["semantic"], explicit["semantic"]) == (True, False, False)


def test_the_search_page_facets_are_counted_unless_others_are_asked_for(world: World) -> None:
    # when
    default = _search(world, "kommune")
    asked = world.client("visitor").get(
        "/api/search/", {"q": "kommune", "facet": ["organization_id", "sector"]}
    )
    unknown = world.client("visitor").get("/api/search/", {"q": "kommune", "facet": "colour"})
    # then
    assert "organization_id" not in default["facets"]
    assert {"kind", "sector", "county", "stage", "status"} <= set(default["facets"])
    assert set(asked.json()["facets"]) == {"sector", "organization_id"}
    assert unknown.status_code == 400


def test_a_search_writes_no_log_line_per_elasticsearch_request(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """The web log at its default level (INFO) gets no line for each request the search
    client makes; the client's warnings still come through."""
    # given
    caplog.set_level(logging.INFO)
    # when
    _search(world, "trygghetsalarm")
    # then
    assert not [r for r in caplog.records if r.name.startswith("elastic_transport")]
    assert logging.getLogger("elastic_transport.transport").isEnabledFor(logging.WARNING)
