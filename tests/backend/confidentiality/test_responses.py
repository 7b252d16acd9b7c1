"""A response is visible to the supplier that wrote it, the buyer organisation(s) of the need
and advisors. It never enters the public index, counts, suggestions, exports or
notifications of anyone else, and where it exists is itself confidential the answer is 404."""

from typing import Any

import pytest
from django.core import mail

from backend.needs.services import co_buyer_request_decide
from backend.responses.models import Response
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    BUSINESS_SECRET,
    OPTIONS_PROBES,
    RESPONSE_BODY,
    RESPONSE_SUMMARY,
    RESPONSE_WRITES,
    RIVAL_RESPONSE,
    ROLES,
    Scene,
    Write,
    admin_leaks,
    admin_reads,
    admin_search_count,
    existence_leaks,
    hidden_of,
    mail_leaks,
    read_leaks,
    result_ids,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("responses")
WORDS = (RESPONSE_SUMMARY, RESPONSE_BODY, RIVAL_RESPONSE, BUSINESS_SECRET)
#: Who reads which response, by role (besides advisors).
READERS = {
    "response": {"owner", "co_buyer", "supplier"},
    "rival_response": {"owner", "co_buyer", "rival"},
}


def _hidden_ids(s: Scene, role: str) -> list[int]:
    return [getattr(s, name).pk for name, readers in READERS.items() if role not in readers]


def _readable_ids(s: Scene, role: str) -> set[int]:
    return {getattr(s, name).pk for name, readers in READERS.items() if role in readers}


def test_the_insiders_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_shows_a_response_to_an_outsider(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", API_ROLES)
def test_looking_up_a_hidden_response_answers_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    leaks = existence_leaks(market, role, "response", _hidden_ids(market, role))
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", [r for r in API_ROLES if r != "visitor"])
@pytest.mark.parametrize(
    "url",
    [
        "/api/responses/",
        "/api/responses/?need={need}",
        "/api/responses/?organization={supplier}",
        "/api/responses/?organization={rival}",
        "/api/responses/?confidential=true",
        "/api/responses/?confidential=false",
        "/api/responses/?ordering=-created_at",
        "/api/needs/{need}/responses/",
        "/api/needs/{need}/responses/?confidential=true",
    ],
)
def test_response_lists_filters_and_counts_hold_only_what_the_role_reads(
    market: Scene, role: str, url: str
) -> None:
    # when
    answer = market.client(role).get(
        url.format(
            need=market.need.pk,
            supplier=market.orgs["supplier"].pk,
            rival=market.orgs["rival"].pk,
        )
    )
    # then: the need is public, so a 404 cannot be told from an empty list by anyone
    ids = result_ids(answer)
    assert set(ids) <= _readable_ids(market, role)
    assert answer.json()["count"] == len(ids)


def test_the_need_and_its_buyers_pages_count_no_responses_for_outsiders(market: Scene) -> None:
    # when: everything a rival reads about the need
    client = market.client("rival")
    pages = [
        client.get(f"/api/needs/{market.need.pk}/").json(),
        client.get(f"/api/conferences/{market.conference.pk}/").json(),
    ]
    # then: no field counts or names responses; the need says the rival may not read them
    allowed = {"response_deadline", "can_read_responses"}
    assert [k for p in pages for k in p if "response" in k and k not in allowed] == []
    assert pages[0].get("can_read_responses", False) is False


def test_search_autocomplete_and_did_you_mean_never_show_a_response(market: Scene) -> None:
    assert search_leaks(market, WORDS) == []


def test_no_email_sent_while_building_the_market_shows_a_response(market: Scene) -> None:
    assert mail_leaks(market, market.mails, HIDDEN) == []


def test_a_new_co_buyer_is_announced_to_the_responders_without_their_text(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the pending co-buyer accepts
    request = market.need.co_buyer_requests.get(organization=market.orgs["pending_co_buyer"])
    # when
    with django_capture_on_commit_callbacks(execute=True):
        co_buyer_request_decide(
            user=market.user("pending_co_buyer"),  # type: ignore[arg-type]
            request=request,
            accept=True,
        )
    # then: both responders are told, and no e-mail carries a response's text
    told = {to for m in mail.outbox for to in m.to}
    assert {"supplier@scene.no", "rival@scene.no"} <= told
    assert not [w for w in WORDS for m in mail.outbox if w in m.body or w in m.subject]


@pytest.mark.parametrize("role", API_ROLES)
def test_editing_a_hidden_response_answers_as_for_a_missing_one(market: Scene, role: str) -> None:
    # given
    before = list(Response.objects.order_by("pk").values_list("summary", "body"))
    # when
    writes = (*RESPONSE_WRITES, *OPTIONS_PROBES["response"])
    leaks = write_leaks(market, role, writes, _hidden_ids(market, role))
    # then
    assert leaks == [], "\n".join(leaks)
    assert list(Response.objects.order_by("pk").values_list("summary", "body")) == before


def test_a_response_to_a_need_the_supplier_may_not_see_answers_as_for_a_missing_need(
    market: Scene,
) -> None:
    # given: a supplier answers Bergen's draft (it may not see it) and a need that does not exist
    def body(s: Scene, pk: int) -> dict[str, Any]:
        return {
            "need": pk,
            "organization": s.orgs["rival"].pk,
            "summary": "Innspill",
            "body": "Vi har en løsning som passer godt til dette behovet.",
        }

    writes = (Write("respond", "post", "/api/responses/", body),)
    # when
    leaks = write_leaks(market, "rival", writes, [market.draft_need.pk])
    # then
    assert leaks == []


def test_the_openapi_schema_carries_no_response(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_see_no_response_in_the_admin(market: Scene) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)


def test_the_admin_shows_no_confidential_response_text_even_to_the_operator(
    market: Scene,
) -> None:
    pages = admin_reads(market, "operator")
    shown = [p for p, (_status, body) in pages.items() if RESPONSE_BODY.encode() in body]
    assert shown == []


def test_the_admin_search_finds_no_response_for_staff(market: Scene) -> None:
    assert admin_search_count(market, "staff", Response, RESPONSE_SUMMARY) == 0
