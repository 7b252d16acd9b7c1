"""Equal treatment: an answer to one supplier's question is published to every registered
supplier, without naming who asked. Who asked (organisation and person), and a question not
yet answered, are for the host, advisors and the asker only, through every path."""

from typing import Any

import pytest
from django.core import mail

from backend.dialogue.models import Question
from tests.backend.confidentiality.helpers import (
    API_ROLES,
    ASKER_ORG,
    ASKER_PERSON,
    QUESTION_WRITES,
    ROLES,
    UNANSWERED_QUESTION,
    Scene,
    admin_leaks,
    admin_reads,
    hidden_of,
    leaks_in,
    mail_leaks,
    read_leaks,
    result_ids,
    schema_leaks,
    search_leaks,
    unseen_markers,
    write_leaks,
)

HIDDEN = hidden_of("question_askers")
REGISTERED = ("supplier", "rival", "booker", "unverified_supplier")


def _questions(s: Scene) -> str:
    return f"/api/conferences/{s.conference.pk}/questions/"


def test_the_host_and_the_asker_see_every_marker(market: Scene) -> None:
    assert unseen_markers(market, HIDDEN) == []


@pytest.mark.parametrize("role", ROLES)
def test_no_read_path_tells_who_asked(market: Scene, role: str) -> None:
    leaks = read_leaks(market, role, HIDDEN)
    assert leaks == [], "\n".join(leaks)


@pytest.mark.parametrize("role", REGISTERED)
def test_registered_suppliers_see_the_answer_but_not_who_asked(market: Scene, role: str) -> None:
    # when
    answer = market.client(role).get(_questions(market))
    # then: the answered question, anonymous; not the unanswered one; the count agrees
    assert result_ids(answer) == [market.answered_question.pk]
    assert answer.json()["count"] == 1
    assert [q["asked_by_organization"] for q in answer.json()["results"]] == [None]


@pytest.mark.parametrize("role", ["other_buyer", "co_buyer", "pending_co_buyer", "staff"])
def test_the_unregistered_see_no_question(market: Scene, role: str) -> None:
    answer = market.client(role).get(_questions(market))
    assert (answer.status_code, answer.json()["count"]) == (200, 0)


def test_the_host_sees_who_asked(market: Scene) -> None:
    answer = market.client("owner").get(_questions(market))
    asked_by = {q["id"]: q["asked_by_organization"] for q in answer.json()["results"]}
    assert asked_by == {
        market.answered_question.pk: f"{ASKER_ORG} AS",
        market.unanswered_question.pk: f"{ASKER_ORG} AS",
    }


@pytest.mark.parametrize("role", [r for r in API_ROLES if r not in ("owner", "asker")])
def test_answering_an_unanswered_question_answers_a_non_host_as_for_a_missing_one(
    market: Scene, role: str
) -> None:
    leaks = write_leaks(market, role, QUESTION_WRITES, [market.unanswered_question.pk])
    assert leaks == [], "\n".join(leaks)
    assert Question.objects.get(pk=market.unanswered_question.pk).answer == ""


def test_a_refused_answer_does_not_name_the_asker(market: Scene) -> None:
    # given: a registered rival tries to answer the published question
    url = f"/api/questions/{market.answered_question.pk}/answer/"
    # when
    answer = market.client("rival").post(url, {"answer": "Nei."}, format="json")
    # then
    assert answer.status_code == 403
    assert ASKER_ORG.encode() not in answer.content


def test_the_answers_notifications_and_emails_do_not_tell_who_asked(
    market: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the asker asks again and the host answers
    asked = market.client("asker").post(
        _questions(market),
        {"organization": market.orgs["asker"].pk, "text": "Hvor mange brukere er det?"},
        format="json",
    )
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answered = market.client("owner").post(
            f"/api/questions/{asked.json()['id']}/answer/",
            {"answer": "Omtrent 1 200 brukere."},
            format="json",
        )
    # then: every registered supplier is told the answer, none who asked
    assert (asked.status_code, answered.status_code) == (201, 200)
    assert mail_leaks(market, mail.outbox, HIDDEN) == []
    leaks = []
    for role in REGISTERED:
        page = market.client(role).get("/api/notifications/")
        assert b"1 200 brukere" in page.content, role
        leaks += leaks_in(role, {"/api/notifications/": page.content}, HIDDEN)
    assert leaks == []


def test_the_asker_is_answered_without_its_name_either(market: Scene) -> None:
    # the question as returned to the asker carries no name (it is the same for all)
    asked = market.client("asker").post(
        _questions(market),
        {"organization": market.orgs["asker"].pk, "text": "Er det krav om universell utforming?"},
        format="json",
    )
    assert asked.json()["asked_by_organization"] is None


def test_search_never_tells_who_asked(market: Scene) -> None:
    assert search_leaks(market, (ASKER_ORG, ASKER_PERSON, UNANSWERED_QUESTION)) == []


def test_the_openapi_schema_carries_no_asker(market: Scene) -> None:
    assert schema_leaks(market, HIDDEN) == []


def test_staff_without_advisor_powers_cannot_tell_who_asked_from_the_admin(
    market: Scene,
) -> None:
    leaks = admin_leaks(market, "staff", HIDDEN)
    assert leaks == [], "\n".join(leaks)


def test_the_operator_finds_the_asker_in_the_audit_trail(market: Scene) -> None:
    pages = admin_reads(market, "operator")
    audit = [b for p, (_s, b) in pages.items() if p.startswith("/admin/audit/")]
    assert any(ASKER_PERSON.encode() in b or b"zqasker@" in b for b in audit)
