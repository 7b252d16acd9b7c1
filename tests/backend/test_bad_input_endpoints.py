"""Every write endpoint, walked with every kind of bad input.

Each endpoint of backend/*/api/urls.py that takes a body is listed once with a body it
accepts (proven by the first test). Every kind of bad input is then made from that body:
malformed JSON, JSON nested too deeply, a list instead of an object, a body over the size
limit, a NUL in each of its strings, and for each of its plain texts one character too
many, an invisible control character, and a number instead of text. Each answer is a 400
(413 for the size) with the message at the field, in Norwegian unless English is asked for,
and the database, the audit log, the outbox and the mail are exactly as before.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
import requests
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from backend.accounts.auth_services import email_verification_token
from backend.accounts.models import Membership, Organization
from backend.accounts.services import invitation_create, invitation_token
from backend.dialogue.models import Question
from backend.dialogue.services import question_ask
from backend.discovery.models import SavedSearch
from backend.discovery.services import saved_search_create
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.backend.state import db_state
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    SolutionFactory,
    UserFactory,
    valid_org_number,
)

Path = tuple[str | int, ...]


@dataclass
class Scene:
    """The world, and the rows some endpoints act on."""

    world: World
    question: Question
    saved_search: SavedSearch
    colleague: Membership
    invitation_token: str
    second_supplier: Organization
    #: A published solution of a supplier neither invited nor registered.
    invitee: Solution


@pytest.fixture
def scene(world: World) -> Scene:
    supplier = world.users["supplier"]
    buyer = world.users["buyer"]
    assert supplier is not None and buyer is not None
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    invitee = world.users["other_buyer"]
    assert invitee is not None
    invitation = invitation_create(user=buyer, organization=world.buyer_org, email=invitee.email)
    second_supplier = OrganizationFactory(kind=Organization.Kind.SUPPLIER)
    MembershipFactory(organization=second_supplier, user=supplier)
    return Scene(
        world=world,
        question=question_ask(
            user=supplier,
            conference=world.conference,
            organization=world.supplier_org,
            text="Hvor mange brukere skal løsningen dekke det første året?",
        ),
        saved_search=saved_search_create(
            user=supplier, data={"name": "Sensorer i Vestland", "filters": {"county": ["46"]}}
        ),
        colleague=MembershipFactory(
            organization=world.buyer_org, user=UserFactory(), role=Membership.Role.MEMBER
        ),
        invitation_token=invitation_token(invitation),
        second_supplier=second_supplier,
        invitee=SolutionFactory(organization=OrganizationFactory(kind=Organization.Kind.SUPPLIER)),
    )


@dataclass(frozen=True)
class Endpoint:
    name: str
    role: str
    method: str
    url: Callable[[Scene], str]
    body: Callable[[Scene], dict[str, Any]]
    accepted: int
    #: The plain texts of the body (paths into it) and how many characters each takes.
    texts: dict[Path, int] = field(default_factory=dict)


def _need(s: Scene) -> dict[str, Any]:
    return {
        "organization": s.world.buyer_org.pk,
        "title": "Bedre inneklima i klasserom",
        "description": "Elevene klager på tung luft og hodepine etter lunsj i eldre skoler.",
        "desired_effect": "Friskere luft og færre sykedager.",
        "sector": "bygg-og-eiendom",
        "cpv_codes": ["38000000"],
        "county": "46",
        "municipality": "Bergen",
        "budget_min": 100_000,
        "budget_max": 500_000,
    }


def _solution(s: Scene) -> dict[str, Any]:
    return {
        "organization": s.world.supplier_org.pk,
        "title": "Sensorer for inneklima",
        "description": "Trådløse CO2- og temperatursensorer for klasserom, med oversikt på nett.",
        "sector": "bygg-og-eiendom",
        "cpv_codes": ["38000000"],
        "trl": 7,
        "regions": ["46"],
        "website": "https://sensor.example.no",
    }


def _conference(s: Scene) -> dict[str, Any]:
    return {
        "organization": s.world.buyer_org.pk,
        "need_ids": [s.world.need.pk],
        "title": "Dialogkonferanse om inneklima",
        "description": "Vi presenterer behovet og inviterer leverandører til dialog.",
        "agenda": "09.00 Velkommen\n09.15 Behovet",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Bergen rådhus",
        "capacity": 30,
    }


def _slot(s: Scene) -> dict[str, Any]:
    day_after = s.world.conference.ends_at + timedelta(days=1)
    return {
        "starts_at": day_after.isoformat(),
        "ends_at": (day_after + timedelta(minutes=45)).isoformat(),
    }


_NEED_TEXTS: dict[Path, int] = {
    ("title",): 200,
    ("description",): 10_000,
    ("desired_effect",): 5000,
    ("municipality",): 100,
    ("cpv_codes", 0): 12,
}
_SOLUTION_TEXTS: dict[Path, int] = {("title",): 200, ("description",): 10_000, ("cpv_codes", 0): 12}
_CONFERENCE_TEXTS: dict[Path, int] = {
    ("title",): 200,
    ("description",): 10_000,
    ("agenda",): 5000,
    ("location",): 200,
}
_RESPONSE_TEXTS: dict[Path, int] = {("summary",): 300, ("body",): 20_000}


ENDPOINTS = (
    Endpoint("create a need", "buyer", "post", lambda s: "/api/needs/", _need, 201, _NEED_TEXTS),
    Endpoint(
        "edit a need",
        "buyer",
        "patch",
        lambda s: f"/api/needs/{s.world.need.pk}/",
        lambda s: {k: v for k, v in _need(s).items() if k != "organization"},
        200,
        _NEED_TEXTS,
    ),
    Endpoint(
        "create a solution",
        "supplier",
        "post",
        lambda s: "/api/solutions/",
        _solution,
        201,
        _SOLUTION_TEXTS,
    ),
    Endpoint(
        "edit a solution",
        "supplier",
        "patch",
        lambda s: f"/api/solutions/{s.world.solution.pk}/",
        lambda s: {k: v for k, v in _solution(s).items() if k != "organization"},
        200,
        _SOLUTION_TEXTS,
    ),
    Endpoint(
        "create a conference",
        "buyer",
        "post",
        lambda s: "/api/conferences/",
        _conference,
        201,
        _CONFERENCE_TEXTS,
    ),
    Endpoint(
        "edit a conference",
        "buyer",
        "patch",
        lambda s: f"/api/conferences/{s.world.conference.pk}/",
        lambda s: {"title": "Ny tittel", "agenda": "09.00 Velkommen", "location": "Bryggen"},
        200,
        _CONFERENCE_TEXTS,
    ),
    Endpoint(
        "register for a conference",
        "supplier",
        "post",
        lambda s: f"/api/conferences/{s.world.conference.pk}/registrations/",
        lambda s: {
            "organization": s.second_supplier.pk,
            "participants": [
                {"name": "Sara Nilsen", "email": "sara@helsetek.no", "role": "Daglig leder"}
            ],
        },
        201,
        {("participants", 0, "name"): 200, ("participants", 0, "role"): 100},
    ),
    Endpoint(
        "invite suppliers to a conference",
        "buyer",
        "post",
        lambda s: f"/api/conferences/{s.world.conference.pk}/invitations/",
        lambda s: {"solution_ids": [s.invitee.pk], "message": "Vi håper dere vil delta."},
        201,
        {("message",): 2000},
    ),
    Endpoint(
        "add a 1:1 meeting slot",
        "buyer",
        "post",
        lambda s: f"/api/conferences/{s.world.conference.pk}/slots/",
        _slot,
        201,
    ),
    Endpoint(
        "ask a question",
        "supplier",
        "post",
        lambda s: f"/api/conferences/{s.world.conference.pk}/questions/",
        lambda s: {"organization": s.world.supplier_org.pk, "text": "Kan vi vise en demo?"},
        201,
        {("text",): 2000},
    ),
    Endpoint(
        "answer a question",
        "buyer",
        "post",
        lambda s: f"/api/questions/{s.question.pk}/answer/",
        lambda s: {"answer": "Om lag 2 000 brukere det første året."},
        200,
        {("answer",): 5000},
    ),
    Endpoint(
        "book a 1:1 meeting",
        "supplier",
        "post",
        lambda s: f"/api/slots/{s.world.slot.pk}/book/",
        lambda s: {"organization": s.world.supplier_org.pk},
        200,
    ),
    Endpoint(
        "answer a need",
        "supplier",
        "post",
        lambda s: "/api/responses/",
        lambda s: {
            "need": s.world.need.pk,
            "organization": s.world.supplier_org.pk,
            "summary": "Radarbasert tilsyn",
            "body": "Vi har radarsensorer som varsler fall uten kamera.",
            "confidential": True,
        },
        201,
        _RESPONSE_TEXTS,
    ),
    Endpoint(
        "edit a response",
        "supplier",
        "patch",
        lambda s: f"/api/responses/{s.world.response.pk}/",
        lambda s: {"summary": "Nytt sammendrag", "body": "En lengre tekst om løsningen vår."},
        200,
        _RESPONSE_TEXTS,
    ),
    Endpoint(
        "match by hand",
        "advisor",
        "post",
        lambda s: "/api/matches/",
        lambda s: {"need": s.world.need.pk, "solution": s.world.solution.pk, "note": "Passer"},
        201,
        {("note",): 5000},
    ),
    Endpoint(
        "reject a match",
        "advisor",
        "post",
        lambda s: f"/api/matches/{s.world.match.pk}/reject/",
        lambda s: {"reason": "Løsningen dekker ikke behovet."},
        200,
        {("reason",): 2000},
    ),
    Endpoint(
        "note on a match",
        "advisor",
        "post",
        lambda s: f"/api/matches/{s.world.match.pk}/notes/",
        lambda s: {"text": "Ring leverandøren."},
        201,
        {("text",): 5000},
    ),
    Endpoint(
        "register an organisation",
        "buyer",
        "post",
        lambda s: "/api/organizations/",
        lambda s: {
            "name": "Nye Testkommune",
            "org_number": valid_org_number(424_242),
            "kind": "public_buyer",
            "municipality": "Voss",
            "county": "46",
            "website": "https://voss.example.no",
            "description": "En kommune på Vestlandet.",
            "message": "Jeg jobber med innkjøp.",
        },
        201,
        {("name",): 200, ("municipality",): 100, ("description",): 2000, ("message",): 1000},
    ),
    Endpoint(
        "withdraw a verification",
        "advisor",
        "post",
        lambda s: f"/api/organizations/{s.world.buyer_org.pk}/unverify/",
        lambda s: {"reason": "Organisasjonsnummeret tilhører en annen virksomhet."},
        200,
        {("reason",): 1000},
    ),
    Endpoint(
        "hand over the administrator role",
        "buyer",
        "post",
        lambda s: f"/api/organizations/{s.world.buyer_org.pk}/hand-over/",
        lambda s: {"membership_id": s.colleague.pk},
        200,
    ),
    Endpoint(
        "change a member's role",
        "buyer",
        "patch",
        lambda s: f"/api/organizations/{s.world.buyer_org.pk}/members/{s.colleague.pk}/",
        lambda s: {"role": "admin"},
        200,
    ),
    Endpoint(
        "invite a person",
        "buyer",
        "post",
        lambda s: f"/api/organizations/{s.world.buyer_org.pk}/invitations/",
        lambda s: {"email": "ny.kollega@bergen.kommune.no", "role": "member"},
        201,
    ),
    Endpoint(
        "accept an invitation",
        "other_buyer",
        "post",
        lambda s: "/api/invitations/accept/",
        lambda s: {"token": s.invitation_token},
        200,
    ),
    Endpoint(
        "save a search",
        "supplier",
        "post",
        lambda s: "/api/saved-searches/",
        lambda s: {
            "name": "Mine søk",
            "query": "sensor",
            "filters": {"county": ["46"], "sector": ["bygg-og-eiendom"]},
            "alert_frequency": "weekly",
        },
        201,
        {("name",): 100, ("query",): 200, ("filters", "county", 0): 100},
    ),
    Endpoint(
        "edit a saved search",
        "supplier",
        "patch",
        lambda s: f"/api/saved-searches/{s.saved_search.pk}/",
        lambda s: {"name": "Nytt navn", "query": "radar", "filters": {"county": ["03"]}},
        200,
        {("name",): 100, ("query",): 200, ("filters", "county", 0): 100},
    ),
    Endpoint(
        "create an account",
        "visitor",
        "post",
        lambda s: "/api/auth/register/",
        lambda s: {
            "email": "ny.bruker@example.no",
            "password": "et-langt-og-godt-passord",
            "full_name": "Ny Bruker",
        },
        202,
        {("full_name",): 200},
    ),
    Endpoint(
        "sign in",
        "visitor",
        "post",
        lambda s: "/api/auth/session/",
        lambda s: {"email": "grunder@helsetek.no", "password": "hemmelig-passord-1"},
        200,
    ),
    Endpoint(
        "confirm an e-mail address",
        "visitor",
        "post",
        lambda s: "/api/auth/verify-email/",
        lambda s: {"token": email_verification_token(user=s.colleague.user)},
        200,
    ),
    Endpoint(
        "send the confirmation again",
        "visitor",
        "post",
        lambda s: "/api/auth/verify-email/resend/",
        lambda s: {"email": "grunder@helsetek.no"},
        202,
    ),
    Endpoint(
        "ask for a password reset",
        "visitor",
        "post",
        lambda s: "/api/auth/password-reset/",
        lambda s: {"email": "grunder@helsetek.no"},
        202,
    ),
    Endpoint(
        "set a new password from the link",
        "visitor",
        "post",
        lambda s: "/api/auth/password-reset/confirm/",
        lambda s: {
            "uid": urlsafe_base64_encode(force_bytes(s.colleague.user.pk)),
            "token": default_token_generator.make_token(s.colleague.user),
            "new_password": "et-helt-nytt-passord-2",
        },
        200,
    ),
    Endpoint(
        "change one's password",
        "buyer",
        "post",
        lambda s: "/api/auth/password/",
        lambda s: {"old_password": "hemmelig-passord-1", "new_password": "et-nytt-passord-9"},
        204,
    ),
    Endpoint(
        "delete one's account",
        "other_buyer",
        "post",
        lambda s: "/api/auth/me/deletion/",
        lambda s: {"password": "hemmelig-passord-1"},
        204,
    ),
)

#: Writes that take no body: only the size limit concerns them.
BODILESS: tuple[tuple[str, str, Callable[[Scene], str]], ...] = (
    ("buyer", "post", lambda s: f"/api/needs/{s.world.draft_need.pk}/publish/"),
    ("buyer", "post", lambda s: f"/api/needs/{s.world.need.pk}/close/"),
    ("buyer", "delete", lambda s: f"/api/needs/{s.world.draft_need.pk}/"),
    ("supplier", "post", lambda s: f"/api/solutions/{s.world.draft_solution.pk}/publish/"),
    ("supplier", "post", lambda s: f"/api/solutions/{s.world.solution.pk}/archive/"),
    ("buyer", "post", lambda s: f"/api/conferences/{s.world.conference.pk}/publish/"),
    ("supplier", "post", lambda s: f"/api/slots/{s.world.slot.pk}/cancel/"),
    ("advisor", "post", lambda s: f"/api/matches/{s.world.match.pk}/shortlist/"),
    ("advisor", "post", lambda s: f"/api/matches/{s.world.match.pk}/introduce/"),
    ("advisor", "post", lambda s: f"/api/organizations/{s.world.supplier_org.pk}/verify/"),
    ("supplier", "post", lambda s: "/api/auth/tokens/"),
    ("supplier", "delete", lambda s: f"/api/saved-searches/{s.saved_search.pk}/"),
)

NB = {
    "malformed": "Forespørselen er ikke gyldig JSON (linje 1, kolonne 16).",
    "deep": "JSON-en er nøstet for dypt (høyst 32 nivåer).",
    "not an object": "Ugyldige data: forventet et JSON-objekt, men fikk list.",
    "too large": "Forespørselen er for stor: høyst 512 kB tas imot. Gjør teksten kortere og "
    "prøv igjen.",
    "too long": "Forsikre deg om at dette feltet ikke har mer enn {n} tegn.",
    "control": "Fjern de usynlige kontrolltegnene (som NUL) fra teksten.",
    "number": "Skriv tekst, ikke et tall, en liste eller et objekt.",
    "not JSON": "Send JSON (Content-Type: application/json), ikke "
    "«application/x-www-form-urlencoded».",
}
EN = {
    "malformed": "The request is not valid JSON (line 1, column 16).",
    "deep": "The JSON is nested too deeply (at most 32 levels).",
    "not an object": "Invalid data. Expected a dictionary, but got list.",
    "too large": "The request is too large: at most 512 kB is accepted. Shorten the text and "
    "try again.",
    "too long": "Ensure this field has no more than {n} characters.",
    "control": "Remove the invisible control characters (such as NUL) from the text.",
    "number": "Enter text, not a number, a list or an object.",
}


def _ids(endpoint: Endpoint) -> str:
    return endpoint.name


def _with(body: Any, path: Path, value: Any) -> Any:
    """A copy of `body` with the value at `path` replaced."""
    copy = json.loads(json.dumps(body))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def _at(errors: Any, path: Path) -> Any:
    """The errors at `path` (a list's errors are keyed by the index as a string)."""
    for step in path:
        errors = errors[str(step)] if isinstance(errors, dict) else errors[step]
    return errors


def _scalars(body: Any, path: Path = ()) -> Iterator[Path]:
    """The paths of every string, number and boolean in `body`."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield from _scalars(value, (*path, key))
    elif isinstance(body, list):
        for i, value in enumerate(body):
            yield from _scalars(value, (*path, i))
    else:
        yield path


def _send(
    scene: Scene,
    endpoint: Endpoint,
    raw: bytes,
    language: str = "nb",
    content_type: str = "application/json",
) -> Any:
    client = scene.world.client(endpoint.role)
    return getattr(client, endpoint.method)(
        endpoint.url(scene), raw, content_type=content_type, HTTP_ACCEPT_LANGUAGE=language
    )


def _refused(scene: Scene, endpoint: Endpoint, raw: bytes, language: str = "nb") -> Any:
    """Send `raw`; assert a 400 or 413 that changed nothing and return the answer."""
    before = db_state()
    answer = _send(scene, endpoint, raw, language)
    assert answer.status_code in (400, 413), answer.content
    assert db_state() == before
    return answer


def _dumps(body: Any) -> bytes:
    return json.dumps(body).encode()


# ----------------------------------------------------------------------------- the control


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
def test_the_body_of_every_endpoint_is_accepted_as_it_stands(
    scene: Scene, endpoint: Endpoint
) -> None:
    # when
    answer = _send(scene, endpoint, _dumps(endpoint.body(scene)))
    # then: the cases below are refused for their bad part alone
    assert answer.status_code == endpoint.accepted, answer.content


# ------------------------------------------------------------------- the body as a whole


def _bad_bodies(body: dict[str, Any]) -> dict[str, bytes]:
    return {
        "malformed": b'{"title": "x", ',
        "one level too deep": b'{"x": ' + b"[" * 32 + b"]" * 32 + b"}",
        "deeper than Python recurses": b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "a list, not an object": _dumps([body]),
        "over the size limit": _dumps(
            _with(body, ("padding",), "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        ),
    }


REFUSED_AS_A_WHOLE = {
    "malformed": (400, {"detail": NB["malformed"]}),
    "one level too deep": (400, {"detail": NB["deep"]}),
    "deeper than Python recurses": (400, {"detail": NB["deep"]}),
    "a list, not an object": (400, {"non_field_errors": [NB["not an object"]]}),
    "over the size limit": (413, {"detail": NB["too large"]}),
    "a form, not JSON": (415, {"detail": NB["not JSON"]}),
}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
def test_a_bad_body_is_refused_as_a_whole_and_changes_nothing(
    scene: Scene, endpoint: Endpoint
) -> None:
    # given
    bodies = _bad_bodies(endpoint.body(scene))
    before = db_state()
    # when
    answers = {kind: _send(scene, endpoint, raw) for kind, raw in bodies.items()}
    answers["a form, not JSON"] = _send(
        scene, endpoint, b"title=x", content_type="application/x-www-form-urlencoded"
    )
    # then
    assert {k: (a.status_code, a.json()) for k, a in answers.items()} == REFUSED_AS_A_WHOLE
    assert db_state() == before


@pytest.mark.parametrize(("role", "method", "url"), BODILESS)
def test_a_body_over_the_size_limit_is_refused_where_no_body_is_read(
    scene: Scene, role: str, method: str, url: Callable[[Scene], str]
) -> None:
    # given
    before = db_state()
    # when
    answer = getattr(scene.world.client(role), method)(
        url(scene),
        b" " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        content_type="application/json",
    )
    # then
    assert (answer.status_code, answer.json()) == (413, {"detail": NB["too large"]})
    assert db_state() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
def test_a_nul_in_any_value_of_the_body_is_refused_at_its_field(
    scene: Scene, endpoint: Endpoint
) -> None:
    # given
    body = endpoint.body(scene)
    before = db_state()
    # when: each value in turn carries a NUL byte (PostgreSQL cannot store one)
    answers = {
        path: _send(scene, endpoint, _dumps(_with(body, path, f"{_at(body, path)}\x00")))
        for path in _scalars(body)
    }
    # then
    assert {p: a.status_code for p, a in answers.items()} == {p: 400 for p in answers}
    assert [p for p, a in answers.items() if not _at(a.json(), p)] == []
    assert db_state() == before


def _text_cases() -> Iterator[Any]:
    for endpoint in ENDPOINTS:
        for path, limit in endpoint.texts.items():
            yield pytest.param(
                endpoint, path, limit, id=f"{endpoint.name}: {'.'.join(map(str, path))}"
            )


@pytest.mark.parametrize(("endpoint", "path", "limit"), list(_text_cases()))
def test_a_text_too_long_invisible_or_not_text_is_refused_at_its_field(
    scene: Scene, endpoint: Endpoint, path: Path, limit: int
) -> None:
    # given
    body = endpoint.body(scene)
    before = db_state()
    # when
    answers = {
        kind: _send(scene, endpoint, _dumps(_with(body, path, value)))
        for kind, value in (
            ("one character too many", "å" * (limit + 1)),
            ("a control character", "Rådhus\x1b[31m i Bergen"),
            ("a number", 12345),
        )
    }
    # then
    assert {k: (a.status_code, _at(a.json(), path)) for k, a in answers.items()} == {
        "one character too many": (400, [NB["too long"].format(n=limit)]),
        "a control character": (400, [NB["control"]]),
        "a number": (400, [NB["number"]]),
    }
    assert db_state() == before


@pytest.mark.parametrize(("endpoint", "path", "limit"), list(_text_cases()))
def test_a_text_at_its_limit_is_not_refused_for_its_length(
    scene: Scene, endpoint: Endpoint, path: Path, limit: int
) -> None:
    # when: counted in characters, not bytes ("å" is two in UTF-8)
    answer = _send(scene, endpoint, _dumps(_with(endpoint.body(scene), path, "å" * limit)))
    # then
    assert NB["too long"].format(n=limit) not in answer.content.decode()


# ------------------------------------------------------------------------------ languages

_NEED = ENDPOINTS[0]
_KINDS: tuple[tuple[str, Callable[[Scene], bytes], Callable[[Any], Any], Any], ...] = (
    ("malformed", lambda s: b'{"title": "x", ', lambda a: a["detail"], "malformed"),
    ("deep", lambda s: b'{"x": ' + b"[" * 40 + b"]" * 40 + b"}", lambda a: a["detail"], "deep"),
    ("not an object", lambda s: b"[]", lambda a: a["non_field_errors"][0], "not an object"),
    (
        "too large",
        lambda s: _dumps(_with(_need(s), ("description",), "x" * 600_000)),
        lambda a: a["detail"],
        "too large",
    ),
    (
        "too long",
        lambda s: _dumps(_with(_need(s), ("title",), "x" * 201)),
        lambda a: a["title"][0].replace("201", "200"),
        "too long",
    ),
    (
        "control",
        lambda s: _dumps(_with(_need(s), ("title",), "a\x00b")),
        lambda a: a["title"][0],
        "control",
    ),
    ("number", lambda s: _dumps(_with(_need(s), ("title",), 7)), lambda a: a["title"][0], "number"),
)


@pytest.mark.parametrize(("language", "messages"), [("nb", NB), ("en", EN)])
@pytest.mark.parametrize(("kind", "raw", "message", "key"), _KINDS, ids=[k[0] for k in _KINDS])
def test_the_message_is_in_the_language_asked_for(
    scene: Scene,
    kind: str,
    raw: Callable[[Scene], bytes],
    message: Callable[[Any], Any],
    key: str,
    language: str,
    messages: dict[str, str],
) -> None:
    answer = _refused(scene, _NEED, raw(scene), language)
    assert message(answer.json()) == messages[key].format(n=200)


def test_without_a_language_the_message_is_in_norwegian(scene: Scene) -> None:
    client = scene.world.client("buyer")
    answer = client.post("/api/needs/", b'{"title": "x", ', content_type="application/json")
    assert answer.json() == {"detail": NB["malformed"]}


# -------------------------------------------------------------------------- over real HTTP


def test_over_real_http_a_body_over_the_limit_is_refused_before_it_is_read(
    live_server: Any, world: World
) -> None:
    before = db_state()
    answer = requests.post(
        f"{live_server.url}/api/needs/",
        data=b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        headers={"Content-Type": "application/json", "Accept-Language": "nb"},
        timeout=30,
    )
    assert answer.status_code == 413
    assert answer.json() == {"detail": NB["too large"]}
    assert db_state() == before


def test_over_real_http_malformed_json_is_a_400_in_english_when_asked(
    live_server: Any, world: World
) -> None:
    browser = requests.Session()
    browser.get(f"{live_server.url}/api/auth/session/", timeout=30)
    answer = browser.post(
        f"{live_server.url}/api/auth/session/",
        data=b'{"title": "x", ',
        headers={
            "Content-Type": "application/json",
            "Accept-Language": "en",
            "X-CSRFToken": browser.cookies.get("csrftoken", ""),
        },
        timeout=30,
    )
    assert answer.status_code == 400
    assert answer.json() == {"detail": EN["malformed"]}
