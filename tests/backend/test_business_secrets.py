"""Business secrets marked by the supplier: a response in sections, each marked as a
business secret (forretningshemmelighet) with the supplier's reason or not. The buyer sees
the markers; a secret never enters minutes, what is shared in the dialogue, exports,
notifications or search, and no other role reads it. Each path is attacked."""

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from backend.accounts.models import User
from backend.dialogue.models import DialogueConference, MeetingSlot
from backend.discovery.services import search_sync
from backend.notifications.models import Notification
from backend.responses.models import Response
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, competitor
from tests.backend.state import db_state
from tests.factories import (
    MembershipFactory,
    NeedFactory,
    OrganizationFactory,
    RegistrationFactory,
    ResponseFactory,
)

#: A marker the search analysers keep whole, inside the secret.
MARKER = "zqkvartsmetode"
OPEN = "Vi har levert radarbasert tilsyn til fem kommuner i Trøndelag siden 2023."
SECRET = (
    f"Prisen er 1 150 kroner per sensor og måned, og {MARKER} gir en rabatt på tolv prosent "
    "ved mer enn tre hundre sensorer."
)
REASON = "Prismodellen er konkurransesensitiv: konkurrentene kan underby oss med den."
SECTIONS = [
    {"text": OPEN, "business_secret": False},
    {"text": SECRET, "business_secret": True, "reason": REASON},
]


def _respond(world: World, sections: list[dict[str, Any]] = SECTIONS, **extra: Any) -> Any:
    body = {
        "need": world.need.pk,
        "organization": world.supplier_org.pk,
        "summary": "Radarbasert tilsyn uten kamera",
        "sections": sections,
    } | extra
    return world.client("supplier").post("/api/responses/", body)


@pytest.fixture
def response(world: World) -> Response:
    """The supplier's response with a secret section (the world's own response is removed)."""
    world.response.delete()
    answer = _respond(world)
    assert answer.status_code == 201, answer.content
    return Response.objects.get(pk=answer.json()["id"])


def _held(world: World) -> MeetingSlot:
    now = timezone.now()
    DialogueConference.objects.filter(pk=world.conference.pk).update(
        starts_at=now - timedelta(days=1),
        ends_at=now - timedelta(days=1, hours=-3),
        registration_deadline=now - timedelta(days=8),
    )
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    MeetingSlot.objects.filter(pk=world.slot.pk).update(
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=2),
        booked_by=world.supplier_org,
        booked_by_user=world.users["supplier"],
    )
    world.slot.refresh_from_db()
    return world.slot


# ----------------------------------------------------------------- writing and reading


def test_the_supplier_marks_a_section_and_the_buyer_sees_it_marked_with_the_reason(
    world: World, response: Response
) -> None:
    # when
    seen = world.client("buyer").get(f"/api/responses/{response.pk}/").json()
    # then
    assert seen["body"] == f"{OPEN}\n\n{SECRET}"
    assert seen["confidential"] is True
    assert seen["sections"] == [
        {"text": OPEN, "business_secret": False, "reason": ""},
        {"text": SECRET, "business_secret": True, "reason": REASON},
    ]


@pytest.mark.parametrize("role", ["buyer", "advisor", "supplier"])
def test_the_buyer_advisors_and_the_supplier_read_the_markers(
    world: World, response: Response, role: str
) -> None:
    listed = world.client(role).get(f"/api/needs/{world.need.pk}/responses/").json()["results"]
    [mine] = [r for r in listed if r["id"] == response.pk]
    assert [s["business_secret"] for s in mine["sections"]] == [False, True]


@pytest.mark.parametrize("role", ["other_buyer", "competitor", "visitor"])
def test_no_other_role_reads_the_response_through_any_api(
    world: World, response: Response, role: str
) -> None:
    # given
    users = world.users | {"competitor": competitor(world.conference)}
    client = client_of(users[role])
    # when
    answers = [
        client.get(f"/api/responses/{response.pk}/"),
        client.get("/api/responses/"),
        client.get(f"/api/needs/{world.need.pk}/responses/"),
        client.get(f"/api/responses/?need={world.need.pk}"),
        client.get(f"/api/needs/{world.need.pk}/"),
    ]
    # then
    assert answers[0].status_code in (403, 404)
    assert all(MARKER.encode() not in a.content for a in answers)


@pytest.mark.parametrize(
    ("sections", "extra", "field", "says"),
    [
        (
            [{"text": SECRET, "business_secret": True}],
            {},
            "sections",
            "Avsnitt 1 er merket som forretningshemmelighet: begrunn hvorfor",
        ),
        (
            [{"text": OPEN}, {"text": "  "}],
            {},
            "sections",
            "Avsnitt 2 er tomt: skriv teksten eller fjern avsnittet.",
        ),
        (
            [{"text": OPEN, "reason": REASON}],
            {},
            "sections",
            "Avsnitt 1 har en begrunnelse, men er ikke merket som forretningshemmelighet.",
        ),
        ([], {}, "sections", "Skriv minst ett avsnitt."),
        (SECTIONS, {"confidential": False}, "confidential", "Et innspill med avsnitt merket"),
        (SECTIONS, {"body": OPEN}, "sections", "Send innspillet som avsnitt eller som én tekst"),
        ([{"text": "For kort"}], {}, "sections", "Innspillet må være minst 20 tegn langt."),
        ([{"text": OPEN}] * 31, {}, "sections", "30"),
        ([{"text": OPEN, "business_secret": "ja"}], {}, "sections", "sann eller usann"),
        ([{"text": 7}], {}, "sections", "Skriv tekst"),
        ([{"text": OPEN, "business_secret": True, "reason": "x" * 501}], {}, "sections", "500"),
    ],
)
def test_a_bad_response_is_refused_saying_what_is_wrong_and_nothing_is_saved(
    world: World, sections: list[dict[str, Any]], extra: dict[str, Any], field: str, says: str
) -> None:
    # given
    before = db_state()
    # when
    answer = _respond(world, sections, **extra)
    # then
    assert answer.status_code == 400
    assert says in str(answer.json()[field]), answer.json()
    assert db_state() == before


def test_a_response_without_body_or_sections_is_refused(world: World) -> None:
    answer = world.client("supplier").post(
        "/api/responses/",
        {"need": world.need.pk, "organization": world.supplier_org.pk, "summary": "Innspill"},
    )
    assert answer.status_code == 400
    assert answer.json()["body"] == ["Skriv innspillet."]


def test_a_plain_text_response_is_one_unmarked_section(world: World) -> None:
    answer = world.client("supplier").post(
        "/api/responses/",
        {
            "need": world.need.pk,
            "organization": world.supplier_org.pk,
            "summary": "Innspill",
            "body": OPEN,
        },
    )
    assert answer.status_code == 201
    assert answer.json()["sections"] == [{"text": OPEN, "business_secret": False, "reason": ""}]


def test_replacing_the_text_of_a_marked_response_is_refused_so_no_marker_is_lost(
    world: World, response: Response
) -> None:
    # given
    before = db_state()
    # when
    answer = world.client("supplier").patch(f"/api/responses/{response.pk}/", {"body": OPEN * 2})
    # then
    assert answer.status_code == 400
    assert answer.json()["body"][0].startswith("Dette innspillet har avsnitt merket")
    assert db_state() == before


def test_the_supplier_removes_a_marker_by_changing_the_sections(
    world: World, response: Response
) -> None:
    # when
    answer = world.client("supplier").patch(
        f"/api/responses/{response.pk}/", {"sections": [{"text": OPEN}]}
    )
    # then
    assert answer.status_code == 200, answer.content
    assert answer.json()["body"] == OPEN


def test_making_a_marked_response_open_is_refused(world: World, response: Response) -> None:
    answer = world.client("supplier").patch(
        f"/api/responses/{response.pk}/", {"confidential": False}
    )
    assert answer.status_code == 400
    assert "confidential" in answer.json()


@pytest.mark.parametrize("role", ["buyer", "advisor", "other_buyer", "competitor"])
def test_nobody_but_the_supplier_changes_the_markers(
    world: World, response: Response, role: str
) -> None:
    users = world.users | {"competitor": competitor(world.conference)}
    before = db_state()
    answer = client_of(users[role]).patch(
        f"/api/responses/{response.pk}/", {"sections": [{"text": OPEN}]}
    )
    assert answer.status_code in (403, 404)
    assert db_state() == before


# ---------------------------------------------------- minutes and what is shared


QUOTES = [
    SECRET,
    SECRET.upper(),
    f"Leverandøren sa: «{SECRET.replace(' ', '  ').replace(',', '')}»",
    "Vi noterte at prisen er 1 150 kroner per sensor og måned.",
    f"De nevnte at {MARKER} gir en rabatt på tolv prosent.",
]


@pytest.mark.parametrize("text", QUOTES)
def test_minutes_that_quote_a_business_secret_are_refused_naming_whose(
    world: World, response: Response, text: str
) -> None:
    # given
    slot = _held(world)
    before = db_state()
    # when
    answer = world.client("buyer").put(f"/api/slots/{slot.pk}/minutes/", {"text": text})
    # then
    assert answer.status_code == 400
    [message] = answer.json()["text"]
    assert message.startswith(
        "Dette siterer det Helsetek AS har merket som forretningshemmelighet i innspillet sitt"
    )
    assert db_state() == before


def test_minutes_that_describe_it_in_their_own_words_are_accepted(
    world: World, response: Response
) -> None:
    slot = _held(world)
    answer = world.client("buyer").put(
        f"/api/slots/{slot.pk}/minutes/",
        {"text": "Leverandøren orienterte om prismodellen (forretningshemmelig, se innspillet)."},
    )
    assert answer.status_code == 200


@pytest.mark.parametrize("field", ["text", "document_title"])
def test_sharing_a_business_secret_is_refused_and_nobody_is_told(
    world: World, response: Response, field: str
) -> None:
    # given
    slot = _held(world)
    rival = competitor(world.conference)
    body = {"kind": "document", "text": "Prisnivå i markedet", "document_title": "Prisnivå"}
    body[field] = SECRET
    before = db_state()
    # when
    answer = world.client("buyer").post(f"/api/slots/{slot.pk}/shared-information/", body)
    # then
    assert answer.status_code == 400
    assert answer.json()[field][0].startswith("Dette siterer det Helsetek AS har merket")
    assert db_state() == before
    assert Notification.objects.filter(user=rival).count() == 0


def test_the_supplier_may_not_put_its_own_secret_in_a_comment_either(
    world: World, response: Response
) -> None:
    # given: minutes sent
    slot = _held(world)
    world.client("buyer").put(
        f"/api/slots/{slot.pk}/minutes/", {"text": "Referat fra møtet.", "send": True}
    )
    # when
    answer = world.client("supplier").post(
        f"/api/slots/{slot.pk}/minutes/comments/", {"text": f"Rettelse: {SECRET}"}
    )
    # then
    assert answer.status_code == 400
    assert answer.json()["text"][0].startswith("Dette siterer det Helsetek AS har merket")


def test_a_supplier_is_never_told_that_its_words_match_a_rivals_secret(world: World) -> None:
    # given: a rival's response holds the secret; the supplier's meeting has minutes
    rival_org = OrganizationFactory(name="Omsorgsteknikk AS", kind="supplier")
    ResponseFactory(
        need=world.need,
        organization=rival_org,
        body=SECRET,
        sections=[{"text": SECRET, "business_secret": True, "reason": REASON}],
    )
    slot = _held(world)
    world.client("buyer").put(
        f"/api/slots/{slot.pk}/minutes/", {"text": "Referat fra møtet.", "send": True}
    )
    # when: the supplier happens to write the same words
    answer = world.client("supplier").post(
        f"/api/slots/{slot.pk}/minutes/comments/", {"text": SECRET}
    )
    # then
    assert answer.status_code == 201
    assert b"Omsorgsteknikk" not in answer.content


# ---------------------------------------- notifications, exports and search


def _everything(world: World, response: Response) -> User:
    """Every path that could carry the secret on: an edit of the response, minutes sent,
    something shared, a comment; a competitor registered. Returns the competitor."""
    rival = competitor(world.conference)
    world.client("supplier").patch(
        f"/api/responses/{response.pk}/",
        {"summary": "Radarbasert tilsyn, oppdatert", "sections": SECTIONS},
    )
    slot = _held(world)
    world.client("buyer").put(
        f"/api/slots/{slot.pk}/minutes/",
        {"text": "Leverandøren orienterte om prismodellen.", "send": True},
    )
    world.client("buyer").post(
        f"/api/slots/{slot.pk}/shared-information/",
        {"kind": "clarification", "text": "Piloten gjelder tre sykehjem."},
    )
    world.client("supplier").post(
        f"/api/slots/{slot.pk}/minutes/comments/", {"text": "Takk for et godt møte."}
    )
    return rival


def test_no_notification_or_email_carries_a_business_secret(
    world: World, response: Response, django_capture_on_commit_callbacks: Any
) -> None:
    # when
    with django_capture_on_commit_callbacks(execute=True):
        _everything(world, response)
    # then
    texts = [f"{n.title}\n{n.body}" for n in Notification.objects.all()]
    assert len(texts) >= 4
    assert not [t for t in texts if MARKER in t or "1 150 kroner" in t]
    assert mail.outbox, "the notifications were e-mailed"
    assert not [m for m in mail.outbox if MARKER in f"{m.subject}\n{m.body}"]


def test_no_export_carries_a_business_secret(world: World, response: Response) -> None:
    # given
    _everything(world, response)
    conference = world.conference.pk
    reads = [
        ("buyer", f"/api/conferences/{conference}/registrations/export/"),
        ("buyer", f"/api/conferences/{conference}/registrations/export/?file_format=xlsx"),
        ("advisor", "/api/matches/export/"),
        ("advisor", "/api/matches/export/?file_format=xlsx"),
        ("supplier", "/api/auth/me/export/"),
        ("buyer", "/api/auth/me/export/"),
    ]
    # when
    answers = {path: world.client(role).get(path) for role, path in reads}
    # then
    assert {p: a.status_code for p, a in answers.items()} == {p: 200 for p in answers}
    bodies = {
        p: b"".join(a.streaming_content) if a.streaming else a.content for p, a in answers.items()
    }
    assert [p for p, body in bodies.items() if MARKER.encode() in body] == []


def test_the_suppliers_own_copy_leaves_the_secret_out_and_says_so(
    world: World, response: Response
) -> None:
    data = world.client("supplier").get("/api/auth/me/export/").json()
    [own] = [r for r in data["responses"] if r["id"] == response.pk]
    assert own["body"] == (
        f"{OPEN}\n\n[Et avsnitt merket som forretningshemmelighet er utelatt fra denne kopien.]"
    )


def test_search_never_finds_a_business_secret(world: World, response: Response) -> None:
    # given: the need indexed after the response was written
    need = NeedFactory(organization=world.buyer_org, title="Nattlig tilsyn i omsorgsboliger")
    ResponseFactory(
        need=need,
        organization=world.supplier_org,
        body=SECRET,
        sections=[{"text": SECRET, "business_secret": True, "reason": REASON}],
    )
    search_sync(entity="need", ids=[need.pk, world.need.pk])
    client = world.client("buyer")
    # when
    answers = [
        client.get("/api/search/", {"q": MARKER}),
        client.get("/api/search/", {"q": MARKER, "semantic": "true"}),
        client.get("/api/search/autocomplete/", {"q": MARKER[:6]}),
        client.get("/api/search/", {"q": "1 150 kroner per sensor"}),
    ]
    # then
    assert [a.status_code for a in answers] == [200] * 4
    assert [a for a in answers if MARKER.encode() in a.content] == []
    assert answers[0].json()["total"] == 0


def test_the_admin_never_shows_the_sections(world: World, response: Response) -> None:
    staff = MembershipFactory(organization=world.advisory_org).user
    User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    browser = Client()
    browser.force_login(User.objects.get(pk=staff.pk))
    page = browser.get(f"/admin/responses/response/{response.pk}/change/")
    assert page.status_code == 200
    assert MARKER.encode() not in page.content
