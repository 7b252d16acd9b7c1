"""Drafts are visible to members of the owning organisation (and advisors) only, and a
draft never shows through something public that links to it. An archived solution is no
longer public either. Asserted over every path, as every other role."""

from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from backend.dialogue.models import DialogueConference
from backend.discovery.alerts import saved_search_alert
from backend.discovery.models import SavedSearch
from backend.discovery.services import search_sync
from backend.needs.models import Need
from backend.needs.services import need_unpublish, need_update
from tests.backend.confidentiality.helpers import (
    ARCHIVED_SOLUTION,
    CO_BUYER_WRITES,
    CONFERENCE_WRITES,
    DRAFT_BODY,
    DRAFT_CONFERENCE,
    DRAFT_CPV,
    DRAFT_EFFECT,
    DRAFT_SECTOR,
    DRAFT_SOLUTION,
    DRAFT_STAGE,
    DRAFT_TITLE,
    MISSING,
    NEED_WRITES,
    OPTIONS_PROBES,
    ROLES,
    SLOT_WRITES,
    SOLUTION_WRITES,
    TRONDHEIM_DRAFT,
    Scene,
    admin_leaks,
    admin_reads,
    admin_search_count,
    conference_body,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    result_ids,
    same_answer,
    schema_leaks,
    search,
    unseen_markers,
    write_leaks,
)
from tests.factories import NeedFactory

HIDDEN = hidden_of("drafts")
API_ROLES = [r for r in ROLES if r not in ("advisor", "operator")]
WORDS = (
    DRAFT_TITLE,
    DRAFT_BODY,
    DRAFT_EFFECT,
    TRONDHEIM_DRAFT,
    DRAFT_CONFERENCE,
    DRAFT_SOLUTION,
    ARCHIVED_SOLUTION,
)


def _hidden_ids(s: Scene, role: str) -> dict[str, list[int]]:
    """The drafts (and the archived solution) of organisations `role` does not belong to."""
    return {
        "need": [
            *([s.draft_need.pk] if role != "owner" else []),
            *([s.other_draft.pk] if role != "other_buyer" else []),
        ],
        "solution": ([s.draft_solution.pk, s.archived_solution.pk] if role != "supplier" else []),
        "conference": [s.draft_conference.pk] if role != "owner" else [],
    }


# ------------------------------------------------------------------ list and detail, counts


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_draft_to_an_outsider(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_every_lookup_of_a_hidden_draft_answers_as_for_a_missing_id(
    market: Scene, role: str
) -> None:
    leaks = [
        leak
        for kind, ids in _hidden_ids(market, role).items()
        for leak in existence_leaks(market, role, kind, ids)
    ]
    assert leaks == [], "\n".join(leaks)


FILTERS = (
    f"sector={DRAFT_SECTOR}",
    f"stage={DRAFT_STAGE}",
    f"cpv_division={DRAFT_CPV[:2]}",
    "county=03",
    "status=draft",
    "search=zqdrafttitle",
    "search=zqtrondraft",
    "ordering=title",
)


@pytest.mark.parametrize("role", API_ROLES)
@pytest.mark.parametrize("query", FILTERS)
def test_a_filter_on_a_drafts_field_counts_only_what_the_role_sees(
    market: Scene, role: str, query: str
) -> None:
    # given: everything the role sees, unfiltered
    client = market.client(role)
    visible = set(result_ids(client.get("/api/needs/", {"page_size": 100})))
    # when
    answer = client.get(f"/api/needs/?{query}&page_size=100")
    # then
    found = result_ids(answer)
    hidden = _hidden_ids(market, role)["need"]
    assert set(found) <= visible
    assert answer.json()["count"] == len(found)
    assert not set(found) & set(hidden)


@pytest.mark.parametrize("role", API_ROLES)
def test_solution_filters_count_no_hidden_solution(market: Scene, role: str) -> None:
    client = market.client(role)
    hidden = set(_hidden_ids(market, role)["solution"])
    for query in ("status=draft", "status=archived", f"search={ARCHIVED_SOLUTION}", "trl=7"):
        answer = client.get(f"/api/solutions/?{query}&page_size=100")
        assert not set(result_ids(answer)) & hidden, query
        assert answer.json()["count"] == len(result_ids(answer)), query


@pytest.mark.parametrize("role", API_ROLES)
def test_conference_lists_count_no_hidden_draft(market: Scene, role: str) -> None:
    client = market.client(role)
    hidden = set(_hidden_ids(market, role)["conference"])
    for query in ("", "status=draft", f"search={DRAFT_CONFERENCE}", f"needs={market.need.pk}"):
        answer = client.get(f"/api/conferences/?{query}&page_size=100")
        assert not set(result_ids(answer)) & hidden, query
        assert answer.json()["count"] == len(result_ids(answer)), query


@pytest.mark.parametrize("role", [r for r in API_ROLES if r != "owner"])
def test_a_public_conference_that_links_a_draft_does_not_show_it(market: Scene, role: str) -> None:
    # when
    answer = market.client(role).get(f"/api/conferences/{market.draft_linked_conference.pk}/")
    # then
    assert answer.status_code == 200
    assert market.draft_need.pk not in [n["id"] for n in answer.json()["needs"]]


def test_the_owner_still_sees_its_draft_on_its_conference(market: Scene) -> None:
    answer = market.client("owner").get(f"/api/conferences/{market.draft_linked_conference.pk}/")
    assert [n["id"] for n in answer.json()["needs"]] == [market.draft_need.pk]


# ------------------------------------------------------------------ matches and similar needs


@pytest.mark.parametrize("role", ["owner", "co_buyer"])
def test_the_needs_buyers_see_no_draft_or_archived_counterpart_in_their_matches(
    market: Scene, role: str
) -> None:
    # given: the need's matches include a draft solution, an archived one and a draft need
    client = market.client(role)
    # when
    listed = set(result_ids(client.get("/api/matches/", {"page_size": 100})))
    suggested = set(result_ids(client.get(f"/api/needs/{market.need.pk}/matches/")))
    similar = set(result_ids(client.get(f"/api/needs/{market.need.pk}/similar/")))
    # then
    hidden = {
        market.archived_match.pk,
        market.draft_solution_match.pk,
        market.draft_other_need_match.pk,
    }
    assert not (listed | suggested | similar) & hidden


# ------------------------------------------------------------------ search


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("semantic", ["false", "true"])
def test_search_finds_no_draft(market: Scene, word: str, semantic: str) -> None:
    # when
    answer = market.client("visitor").get("/api/search/", {"q": word, "semantic": semantic})
    # then
    assert answer.status_code == 200
    assert word.encode() not in answer.content
    assert not {h["id"] for h in answer.json()["results"] if h["type"] == "need"} & {
        market.draft_need.pk,
        market.other_draft.pk,
    }


@pytest.mark.parametrize("word", WORDS)
def test_autocomplete_suggests_no_word_of_a_draft(market: Scene, word: str) -> None:
    # when
    answer = market.client("visitor").get("/api/search/autocomplete/", {"q": word[:6]})
    # then
    assert answer.status_code == 200
    assert not [s for s in answer.json()["suggestions"] if "zq" in s.lower()]


@pytest.mark.parametrize("word", WORDS)
def test_did_you_mean_suggests_no_word_that_occurs_only_in_a_draft(
    market: Scene, word: str
) -> None:
    # given: the word with one letter wrong
    typo = word[:-2] + ("x" if word[-2] != "x" else "y") + word[-1]
    # when
    answer = market.client("visitor").get("/api/search/", {"q": typo})
    # then
    assert answer.status_code == 200
    assert word not in (answer.json()["suggestion"] or "")


def _conference_hits(market: Scene, **params: Any) -> list[dict[str, Any]]:
    answer = market.client("visitor").get(
        "/api/search/", {"type": "conference", "page_size": 50, **params}
    )
    assert answer.status_code == 200, answer.content
    return [h for h in answer.json()["results"] if h["id"] == market.draft_linked_conference.pk]


@pytest.mark.parametrize(
    "search_filter",
    [
        {"sector": DRAFT_SECTOR},
        {"stage": DRAFT_STAGE},
        {"cpv_division": DRAFT_CPV[:2]},
        {"cpv_code": DRAFT_CPV},
    ],
    ids=lambda f: next(iter(f)),
)
def test_a_conference_is_not_found_by_the_fields_of_a_draft_it_links(
    market: Scene, search_filter: dict[str, str]
) -> None:
    assert _conference_hits(market, **search_filter) == []


def test_a_conferences_search_hit_and_facets_carry_nothing_of_a_draft_it_links(
    market: Scene,
) -> None:
    # when
    answer = market.client("visitor").get(
        "/api/search/", {"q": "zqlinkedconf", "type": "conference"}
    )
    # then
    hit = next(h for h in answer.json()["results"] if h["id"] == market.draft_linked_conference.pk)
    assert (hit.get("sector"), hit.get("stage")) != (DRAFT_SECTOR, DRAFT_STAGE)
    assert hit.get("sector") != DRAFT_SECTOR
    assert DRAFT_CPV not in (hit.get("cpv_codes") or [])
    facets = answer.json()["facets"]
    assert DRAFT_SECTOR not in [f["value"] for f in facets["sector"]]
    assert DRAFT_CPV[:2] not in [f["value"] for f in facets["cpv_division"]]


def test_a_saved_search_alert_tells_of_no_draft(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a rival saves a search for the draft's words
    created = market.client("rival").post(
        "/api/saved-searches/",
        {"name": "Utkast", "query": DRAFT_TITLE, "alert_frequency": "daily"},
        format="json",
    )
    saved = SavedSearch.objects.get(pk=created.json()["id"])
    # when: the day's alerts run
    with django_capture_on_commit_callbacks(execute=True):
        told = saved_search_alert(saved=saved, now=timezone.now())
    # then: nothing to tell, in the app or by e-mail
    assert told == 0
    assert mail_leaks(market, mail.outbox, HIDDEN) == []
    page = market.client("rival").get("/api/notifications/").content
    assert not [w for w in WORDS if w.encode() in page]


# ------------------------------------------------------------------ notifications and e-mails


def test_no_email_sent_while_building_the_market_shows_a_draft_to_an_outsider(
    market: Scene,
) -> None:
    assert market.mails, "the scene sends e-mails (introductions, co-buyer requests)"
    assert mail_leaks(market, market.mails, HIDDEN) == []


@pytest.mark.parametrize("match", ["draft_solution_match", "draft_other_need_match"])
def test_an_introduction_never_names_a_draft_to_the_other_party(
    market: Scene, match: str, django_capture_on_commit_callbacks: Any
) -> None:
    # given: an advisor introduces a pair whose counterpart is not public
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = market.client("advisor").post(
            f"/api/matches/{getattr(market, match).pk}/introduce/"
        )
    # then
    leaks = mail_leaks(market, mail.outbox, HIDDEN)
    assert leaks == [], "\n".join(leaks)
    seen = [market.client(r).get("/api/notifications/").content for r in ("owner", "co_buyer")]
    assert not [w for w in WORDS if any(w.encode() in page for page in seen)]
    assert answer.status_code == 404  # an open pair with a draft side is on no list


# ------------------------------------------------------------------ validation errors


@pytest.mark.parametrize("role", API_ROLES)
def test_every_write_that_names_a_hidden_draft_answers_as_for_a_missing_id(
    market: Scene, role: str
) -> None:
    hidden = _hidden_ids(market, role)
    leaks = [
        *write_leaks(market, role, OPTIONS_PROBES["need"], hidden["need"]),
        *write_leaks(market, role, OPTIONS_PROBES["solution"], hidden["solution"]),
        *write_leaks(market, role, OPTIONS_PROBES["conference"], hidden["conference"]),
        *write_leaks(market, role, NEED_WRITES, hidden["need"]),
        *write_leaks(market, role, SOLUTION_WRITES, hidden["solution"]),
        *write_leaks(market, role, CONFERENCE_WRITES, hidden["conference"]),
        *write_leaks(
            market,
            role,
            SLOT_WRITES,
            [market.draft_slot.pk] if hidden["conference"] else [],
        ),
    ]
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r not in ("owner", "pending_co_buyer")])
def test_deciding_on_a_co_buyer_request_for_a_draft_answers_outsiders_as_a_missing_one(
    market: Scene, role: str
) -> None:
    # given: Bergen asked Askøy to be co-buyer of its draft
    request = market.draft_need.co_buyer_requests.get()
    # when
    leaks = write_leaks(market, role, CO_BUYER_WRITES, [request.pk])
    # then
    assert leaks == [], "\n".join(leaks)
    assert market.draft_need.co_buyer_requests.get().status == "pending"


def test_a_rejected_write_changed_nothing(market: Scene) -> None:
    # given
    before = (Need.objects.count(), DialogueConference.objects.count())
    # when
    answer = market.client("other_buyer").post(
        "/api/conferences/", conference_body(market, market.draft_need.pk), format="json"
    )
    # then
    assert answer.status_code == 400
    assert DRAFT_TITLE.encode() not in answer.content
    assert (Need.objects.count(), DialogueConference.objects.count()) == before


# ------------------------------------------------------------------ schema and admin


def test_the_openapi_schema_carries_no_draft(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_draft_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)


def test_the_operator_sees_drafts_in_the_admin(market: Scene) -> None:
    pages = admin_reads(market, "operator").values()
    assert any(DRAFT_TITLE.encode() in body for _status, body in pages)


@pytest.mark.parametrize("word", [DRAFT_TITLE, DRAFT_BODY, TRONDHEIM_DRAFT])
def test_the_admin_search_finds_no_draft_for_staff(market: Scene, word: str) -> None:
    assert admin_search_count(market, "staff", Need, word) == 0
    assert admin_search_count(market, "operator", Need, word) == 1


def test_a_drafts_admin_page_answers_staff_as_for_a_missing_id(market: Scene) -> None:
    reads = admin_reads(market, "staff")
    base = "/admin/needs/need/{}/change/"
    missing = reads[base.format(MISSING)]
    assert same_answer(reads[base.format(market.draft_need.pk)], market.draft_need.pk, missing)


def test_an_operator_taking_a_need_back_to_draft_in_the_admin_takes_it_out_of_search(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a published need, indexed and found
    need = NeedFactory(organization=market.orgs["owner"], title="zqadminunpublish vannmålere")
    search_sync(entity="need", ids=[need.pk])
    found_before = search(market, "zqadminunpublish")["total"]
    # when: the operator takes it back to draft with the admin's action
    with django_capture_on_commit_callbacks(execute=True):
        answer = market.browser("operator").post(
            "/admin/needs/need/", {"action": "need_unpublish", "_selected_action": [need.pk]}
        )
    # then: the database and the index agree: a draft, found by no one
    need.refresh_from_db()
    assert answer.status_code == 302
    assert (found_before, need.status) == (1, Need.Status.DRAFT)
    assert search(market, "zqadminunpublish")["total"] == 0
    assert market.client("visitor").get(f"/api/needs/{need.pk}/").status_code == 404


def test_a_need_taken_back_to_draft_shows_nothing_new_through_a_suppliers_own_response(
    market: Scene,
) -> None:
    # given: Bergen takes its need back to draft and rewrites it; Helsetek and Konkurrent
    # had responded to it while it was published
    owner = market.user("owner")
    need_unpublish(user=owner, need=market.need)  # type: ignore[arg-type]
    need_update(user=owner, need=market.need, data={"title": "zqretitled nytt utkast"})  # type: ignore[arg-type]
    paths = {
        "supplier": (
            "/api/responses/",
            f"/api/responses/{market.response.pk}/",
            "/api/auth/me/export/",
            f"/api/organizations/{market.orgs['supplier'].pk}/response-access-log/",
        ),
        "rival": ("/api/responses/", f"/api/responses/{market.rival_response.pk}/"),
    }
    # when
    pages = {
        (role, path): market.client(role).get(path) for role, ps in paths.items() for path in ps
    }
    # then: they still read their responses, not the draft's new title
    assert {k: a.status_code for k, a in pages.items() if a.status_code != 200} == {}
    assert [k for k, a in pages.items() if b"zqretitled" in a.content] == []
    owners = market.client("owner").get(f"/api/responses/{market.response.pk}/")
    assert b"zqretitled" in owners.content


def test_a_withdrawn_co_buyer_request_shows_the_draft_no_more(market: Scene) -> None:
    # given: Bergen withdraws its request to Askøy and goes on writing its draft
    owner = market.user("owner")
    data = {"co_buyers": [], "title": "zqafterwithdrawal utkast"}
    need_update(user=owner, need=market.draft_need, data=data)  # type: ignore[arg-type]
    # when
    page = market.client("pending_co_buyer").get("/api/co-buyer-requests/")
    # then: Askøy still sees that it was asked, and withdrawn, not what the draft says now
    rows = {r["need"]["id"]: r for r in page.json()["results"]}
    assert rows[market.draft_need.pk]["status"] == "withdrawn"
    assert b"zqafterwithdrawal" not in page.content
    assert b"zqafterwithdrawal" in market.client("owner").get("/api/co-buyer-requests/").content
