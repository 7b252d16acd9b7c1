"""Every write endpoint answers bad values with 400 and a field-level message in the user's
language, and saves nothing: wrong types, unknown vocabulary values, organisation numbers
that fail MOD11, CPV codes and counties that do not exist, numbers out of range, lists too
long, addresses that are not http(s), and dates in the wrong order or behind us.

The kinds of bad input that apply to every endpoint alike (malformed JSON, size limits,
control characters) are walked in test_bad_input_endpoints.py."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.needs.models import Need
from backend.notifications.models import Notification
from tests.backend.conftest import World
from tests.backend.state import db_state
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory


@dataclass(frozen=True)
class Bad:
    name: str
    role: str
    method: str
    url: Callable[[World], str]
    body: Callable[[World], Any]
    field: str
    #: What the message at the field says (in Norwegian bokmål), or part of it.
    says: str


def _need(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": "Bedre inneklima i klasserom",
        "description": "Elevene klager på tung luft og hodepine etter lunsj i eldre skoler.",
        "sector": "bygg-og-eiendom",
        **over,
    }


def _solution(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.supplier_org.pk,
        "title": "Indoor air sensors",
        "description": "Wireless CO2 and temperature sensors for classrooms, with a dashboard.",
        "sector": "bygg-og-eiendom",
        "trl": 7,
        **over,
    }


def _conference(w: World, **over: Any) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "need_ids": [w.need.pk],
        "title": "Dialogkonferanse om inneklima",
        "starts_at": "2030-03-01T09:00:00+01:00",
        "ends_at": "2030-03-01T12:00:00+01:00",
        "registration_deadline": "2030-02-20T12:00:00+01:00",
        "format": "physical",
        "location": "Bergen rådhus",
        "capacity": 30,
        **over,
    }


def _registration(w: World, participants: Any) -> dict[str, Any]:
    return {"organization": w.supplier_org.pk, "participants": participants}


def _slot(w: World, start: Any, minutes: int = 45) -> dict[str, Any]:
    return {
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(minutes=minutes)).isoformat(),
    }


def _ago(**delta: float) -> str:
    return (timezone.now() - timedelta(**delta)).isoformat()


SARA = {"name": "Sara Nilsen", "email": "sara@helsetek.no"}
NEEDS = "/api/needs/"
SOLUTIONS = "/api/solutions/"
CONFERENCES = "/api/conferences/"
NOT_A_CHOICE = "er ikke et gyldig valg"
# The need, solution and account forms' fields say what to do (backend/common/field_messages.py).
CHOOSE = "Velg et av alternativene i listen."
TOO_MANY = "Listen kan ha høyst"


def _need_case(name: str, over: dict[str, Any], field: str, says: str) -> Bad:
    return Bad(name, "buyer", "post", lambda w: NEEDS, lambda w: _need(w, **over), field, says)


def _solution_case(name: str, over: dict[str, Any], field: str, says: str) -> Bad:
    return Bad(
        name, "supplier", "post", lambda w: SOLUTIONS, lambda w: _solution(w, **over), field, says
    )


def _conference_case(name: str, over: dict[str, Any], field: str, says: str) -> Bad:
    return Bad(
        name, "buyer", "post", lambda w: CONFERENCES, lambda w: _conference(w, **over), field, says
    )


NEED_CASES = (
    _need_case("need without title", {"title": ""}, "title", "Skriv en tittel på behovet."),
    _need_case(
        "need with a description too short to act on",
        {"description": "For kort."},
        "description",
        "minst 40 tegn",
    ),
    _need_case(
        "need with unknown CPV", {"cpv_codes": ["99999999"]}, "cpv_codes", "ikke en CPV-kode"
    ),
    _need_case("need with malformed CPV", {"cpv_codes": ["48-abc"]}, "cpv_codes", "CPV-kode"),
    _need_case("need with 21 CPV codes", {"cpv_codes": ["48000000"] * 21}, "cpv_codes", TOO_MANY),
    _need_case("need with unknown sector", {"sector": "romfart"}, "sector", "«romfart» er ikke"),
    _need_case("need with unknown stage", {"stage": "drømmefase"}, "stage", CHOOSE),
    _need_case("need with unknown procedure", {"procedure": "loddtrekning"}, "procedure", CHOOSE),
    _need_case("need with unknown language", {"language": "tlh"}, "language", CHOOSE),
    _need_case("need with unknown county", {"county": "99"}, "county", CHOOSE),
    _need_case(
        "need with inverted budget",
        {"budget_min": 500_000, "budget_max": 100_000},
        "budget_max",
        "Øvre budsjettgrense",
    ),
    _need_case(
        "need with a budget beyond belief",
        {"budget_max": 10**13},
        "budget_max",
        "Beløpet kan være høyst 1000000000000 kroner.",
    ),
    _need_case(
        "need with a budget in words",
        {"budget_min": "mye"},
        "budget_min",
        "Skriv beløpet i hele kroner med tall, for eksempel 2000000.",
    ),
    _need_case(
        "need serving more people than Norway has",
        {"estimated_users": 50_000_000},
        "estimated_users",
        "mindre enn eller lik 10000000",
    ),
    Bad(
        "need with itself as co-buyer",
        "buyer",
        "post",
        lambda w: NEEDS,
        lambda w: _need(w, co_buyer_ids=[w.buyer_org.pk]),
        "co_buyers",
        "kan ikke være medinnkjøper",
    ),
    _need_case(
        "need with 21 co-buyers", {"co_buyer_ids": list(range(1, 22))}, "co_buyer_ids", "høyst 20"
    ),
    _need_case(
        "need with a response deadline in the past",
        {"response_deadline": "2020-01-01T12:00:00+01:00"},
        "response_deadline",
        "Svarfristen må være fram i tid.",
    ),
    _need_case(
        "need with a deadline beyond the calendar",
        {"response_deadline": "9999-12-31T23:59:59-14:00"},
        "response_deadline",
        "Tidspunktet er utenfor gyldig område.",
    ),
    _need_case(
        "need with a deadline that is not a time",
        {"response_deadline": "neste fredag"},
        "response_deadline",
        "feil format",
    ),
    Bad(
        "need edit with negative budget",
        "buyer",
        "patch",
        lambda w: f"/api/needs/{w.need.pk}/",
        lambda w: {"budget_min": -5},
        "budget_min",
        "Beløpet kan ikke være negativt.",
    ),
    Bad(
        "need edit moving the deadline into the past",
        "buyer",
        "patch",
        lambda w: f"/api/needs/{w.need.pk}/",
        lambda w: {"response_deadline": _ago(hours=1)},
        "response_deadline",
        "Svarfristen må være fram i tid.",
    ),
)

SOLUTION_CASES = (
    _solution_case("solution with TRL 12", {"trl": 12}, "trl", "fra TRL 1 til TRL 9"),
    _solution_case("solution with TRL in words", {"trl": "sju"}, "trl", "fra TRL 1 til TRL 9"),
    _solution_case("solution with unknown county", {"regions": ["99"]}, "regions", CHOOSE),
    _solution_case(
        "solution with more regions than there are counties",
        {"regions": ["46"] * 16},
        "regions",
        TOO_MANY,
    ),
    _solution_case(
        "solution with a script for a website",
        {"website": "javascript:alert(1)"},
        "website",
        "http:// eller https://",
    ),
    _solution_case(
        "solution with an ftp website",
        {"website": "ftp://filer.example.no/"},
        "website",
        "http:// eller https://",
    ),
    _solution_case("solution with unknown status", {"status": "archived"}, "status", CHOOSE),
    _solution_case("solution with unknown language", {"language": "xx"}, "language", CHOOSE),
)

CONFERENCE_CASES = (
    _conference_case(
        "conference ending before it starts",
        {"ends_at": "2030-03-01T08:00:00+01:00"},
        "ends_at",
        "Konferansen må slutte etter at den starter.",
    ),
    _conference_case(
        "conference deadline after start",
        {"registration_deadline": "2030-03-02T08:00:00+01:00"},
        "registration_deadline",
        "Påmeldingsfristen må være før konferansen starter.",
    ),
    _conference_case(
        "conference starting in the past",
        {
            "starts_at": _ago(days=2),
            "ends_at": _ago(days=2, hours=-3),
            "registration_deadline": _ago(days=9),
        },
        "starts_at",
        "Konferansen må starte fram i tid.",
    ),
    _conference_case(
        "conference whose registration closed yesterday",
        {"registration_deadline": _ago(days=1)},
        "registration_deadline",
        "Påmeldingsfristen må være fram i tid.",
    ),
    _conference_case(
        "digital conference without stream",
        {"format": "digital"},
        "stream_url",
        "strømmeadresse",
    ),
    _conference_case(
        "conference with a script for a stream",
        {"format": "digital", "stream_url": "javascript:alert(1)"},
        "stream_url",
        "http:// eller https://",
    ),
    _conference_case("conference with unknown format", {"format": "hybrid"}, "format", "valg"),
    _conference_case(
        "conference for nobody", {"capacity": 0}, "capacity", "større enn eller lik 1"
    ),
    _conference_case(
        "conference with 21 needs", {"need_ids": list(range(1, 22))}, "need_ids", "høyst 20"
    ),
    _conference_case(
        "conference with a need id that is text",
        {"need_ids": "1"},
        "need_ids",
        "Forventet en liste",
    ),
    _conference_case(
        "conference with a time as a number", {"starts_at": 1893484800}, "starts_at", "format"
    ),
    Bad(
        "conference moved into the past",
        "buyer",
        "patch",
        lambda w: f"/api/conferences/{w.conference.pk}/",
        lambda w: {
            "starts_at": _ago(hours=2),
            "ends_at": _ago(hours=1),
            "registration_deadline": _ago(days=1),
        },
        "starts_at",
        "Konferansen må starte fram i tid.",
    ),
)


def _registration_case(name: str, participants: Any, says: str) -> Bad:
    return Bad(
        name,
        "supplier",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/registrations/",
        lambda w: _registration(w, participants),
        "participants",
        says,
    )


def _slot_case(name: str, start: Callable[[World], Any], field: str, says: str) -> Bad:
    return Bad(
        name,
        "buyer",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: _slot(w, start(w)),
        field,
        says,
    )


DIALOGUE_CASES = (
    _registration_case("registration without participants", [], "Denne listen kan ikke være tom"),
    _registration_case(
        "registration with a bad e-mail",
        [{"name": "Sara", "email": "ikke-en-epost"}],
        "gyldig epost-adresse",
    ),
    _registration_case("registration of 21 people", [SARA] * 21, TOO_MANY),
    _registration_case("registration with participants as an object", SARA, "Forventet en liste"),
    Bad(
        "slot ending before it starts",
        "buyer",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: _slot(w, w.conference.ends_at + timedelta(days=1), minutes=-60),
        "ends_at",
        "Møtet må slutte etter at det starter.",
    ),
    _slot_case(
        "slot in the past",
        lambda w: timezone.now() - timedelta(hours=1),
        "starts_at",
        "Et 1:1-møte må være fram i tid.",
    ),
    _slot_case(
        "slot before the registration deadline",
        lambda w: w.conference.registration_deadline - timedelta(days=1),
        "starts_at",
        "1:1-møter starter etter påmeldingsfristen",
    ),
    _slot_case(
        "slot a month after the conference",
        lambda w: w.conference.ends_at + timedelta(days=30),
        "starts_at",
        "1:1-møter holdes fra",
    ),
    Bad(
        "slot with times as numbers",
        "buyer",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/slots/",
        lambda w: {"starts_at": 1, "ends_at": 2},
        "starts_at",
        "feil format",
    ),
    Bad(
        "question without text",
        "supplier",
        "post",
        lambda w: f"/api/conferences/{w.conference.pk}/questions/",
        lambda w: {"organization": w.supplier_org.pk, "text": "   "},
        "text",
        "Dette feltet må ikke være blankt.",
    ),
    Bad(
        "booking for an organisation named in words",
        "supplier",
        "post",
        lambda w: f"/api/slots/{w.slot.pk}/book/",
        lambda w: {"organization": "Helsetek"},
        "organization",
        "Feil type",
    ),
)

RESPONSE_AND_MATCH_CASES = (
    Bad(
        "response too short",
        "supplier",
        "post",
        lambda w: "/api/responses/",
        lambda w: {
            "need": w.need.pk,
            "organization": w.supplier_org.pk,
            "summary": "Hei",
            "body": "Kort",
        },
        "body",
        "minst 20 tegn",
    ),
    Bad(
        "response neither confidential nor open",
        "supplier",
        "patch",
        lambda w: f"/api/responses/{w.response.pk}/",
        lambda w: {"confidential": "kanskje"},
        "confidential",
        "Må være sann eller usann (true eller false).",
    ),
    Bad(
        "response to a need named in words",
        "supplier",
        "post",
        lambda w: "/api/responses/",
        lambda w: {
            "need": "inneklima",
            "organization": w.supplier_org.pk,
            "summary": "Radar",
            "body": "Vi har radarsensorer som varsler fall.",
        },
        "need",
        "Skriv et helt tall.",
    ),
    Bad(
        "reject without reason",
        "advisor",
        "post",
        lambda w: f"/api/matches/{w.match.pk}/reject/",
        lambda w: {"reason": ""},
        "reason",
        "Dette feltet må ikke være blankt.",
    ),
    Bad(
        "match by hand with a list for a need",
        "advisor",
        "post",
        lambda w: "/api/matches/",
        lambda w: {"need": [w.need.pk], "solution": w.solution.pk},
        "need",
        "Skriv et helt tall.",
    ),
)


def _org(w: World, **over: Any) -> dict[str, Any]:
    return {"name": "Nye Testkommune", "org_number": "974760673", "kind": "public_buyer", **over}


def _org_case(name: str, over: dict[str, Any], field: str, says: str) -> Bad:
    return Bad(
        name,
        "buyer",
        "post",
        lambda w: "/api/organizations/",
        lambda w: _org(w, **over),
        field,
        says,
    )


ORGANISATION_CASES = (
    _org_case(
        "organisation with bad check digit",
        {"org_number": "123456789"},
        "org_number",
        "123456789 er ikke et gyldig organisasjonsnummer (kontrollsiffer).",
    ),
    _org_case(
        "organisation number of eight digits",
        {"org_number": "97476067"},
        "org_number",
        "Et organisasjonsnummer har nøyaktig 9 sifre.",
    ),
    _org_case(
        "organisation number with letters",
        {"org_number": "97476O673"},
        "org_number",
        "Et organisasjonsnummer har nøyaktig 9 sifre.",
    ),
    _org_case("organisation of unknown kind", {"kind": "kommune"}, "kind", NOT_A_CHOICE),
    _org_case("organisation in unknown county", {"county": "99"}, "county", NOT_A_CHOICE),
    _org_case(
        "organisation with a website that is not one",
        {"website": "bergen kommune"},
        "website",
        "http:// eller https://",
    ),
    Bad(
        "invitation to a bad e-mail",
        "buyer",
        "post",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/invitations/",
        lambda w: {"email": "ola@", "role": "member"},
        "email",
        "gyldig epost-adresse",
    ),
    Bad(
        "invitation with unknown role",
        "buyer",
        "post",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/invitations/",
        lambda w: {"email": "ola@bergen.kommune.no", "role": "owner"},
        "role",
        NOT_A_CHOICE,
    ),
    Bad(
        "hand-over to membership zero",
        "buyer",
        "post",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/hand-over/",
        lambda w: {"membership_id": 0},
        "membership_id",
        "større enn eller lik 1",
    ),
    Bad(
        "withdraw a verification without reason",
        "advisor",
        "post",
        lambda w: f"/api/organizations/{w.buyer_org.pk}/unverify/",
        lambda w: {"reason": ""},
        "reason",
        "Dette feltet må ikke være blankt.",
    ),
)

SEARCH_AND_ACCOUNT_CASES = (
    Bad(
        "saved search with unknown filter",
        "supplier",
        "post",
        lambda w: "/api/saved-searches/",
        lambda w: {"name": "Mine", "filters": {"farge": ["blå"]}},
        "filters",
        "Ukjent filter: farge.",
    ),
    Bad(
        "saved search in unknown county",
        "supplier",
        "post",
        lambda w: "/api/saved-searches/",
        lambda w: {"name": "Mine", "filters": {"county": ["99"]}},
        "filters",
        "«99» er ikke en verdi for filteret county.",
    ),
    Bad(
        "saved search with an hourly alert",
        "supplier",
        "post",
        lambda w: "/api/saved-searches/",
        lambda w: {"name": "Mine", "alert_frequency": "hourly"},
        "alert_frequency",
        NOT_A_CHOICE,
    ),
    Bad(
        "saved search with filters as a list",
        "supplier",
        "post",
        lambda w: "/api/saved-searches/",
        lambda w: {"name": "Mine", "filters": ["county"]},
        "filters",
        "Forventet en dictionary",
    ),
    Bad(
        "register with a weak password",
        "visitor",
        "post",
        lambda w: "/api/auth/register/",
        lambda w: {"email": "ny@example.no", "password": "12345678", "full_name": "Ny Bruker"},
        "password",
        "passord",
    ),
    Bad(
        "register with a password of a thousand characters",
        "visitor",
        "post",
        lambda w: "/api/auth/register/",
        lambda w: {"email": "ny@example.no", "password": "p" * 1000, "full_name": "Ny Bruker"},
        "password",
        "ikke har mer enn 200 tegn",
    ),
    Bad(
        "register with an address longer than a username",
        "visitor",
        "post",
        lambda w: "/api/auth/register/",
        lambda w: {
            "email": "a" * 250 + "@example.no",
            "password": "et-langt-og-godt-passord",
            "full_name": "Ny Bruker",
        },
        "email",
        "ikke har mer enn 150 tegn",
    ),
    Bad(
        "sign in with an e-mail that is a number",
        "visitor",
        "post",
        lambda w: "/api/auth/session/",
        lambda w: {"email": 42, "password": "hemmelig-passord-1"},
        "email",
        "Skriv en e-postadresse med @",
    ),
)

CASES = (
    *NEED_CASES,
    *SOLUTION_CASES,
    *CONFERENCE_CASES,
    *DIALOGUE_CASES,
    *RESPONSE_AND_MATCH_CASES,
    *ORGANISATION_CASES,
    *SEARCH_AND_ACCOUNT_CASES,
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_is_refused_field_by_field_in_norwegian_and_nothing_is_saved(
    world: World, case: Bad
) -> None:
    # given
    client = world.client(case.role)
    before = db_state()
    # when
    response = getattr(client, case.method)(
        case.url(world), case.body(world), format="json", HTTP_ACCEPT_LANGUAGE="nb"
    )
    # then
    assert response.status_code == 400, response.content
    assert case.field in response.json(), response.json()
    assert case.says in str(response.json()[case.field]), response.json()
    assert db_state() == before


def test_error_messages_follow_the_requested_language(world: World) -> None:
    # given
    client = world.client("buyer")
    body = _need(world, title="", response_deadline="2020-01-01T12:00:00+01:00")
    # when
    norwegian = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="nb")
    english = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert norwegian.json()["title"] == ["Skriv en tittel på behovet."]
    assert english.json()["title"] == ["Enter a title for the need."]


def test_a_rule_of_the_domain_answers_in_the_requested_language(world: World) -> None:
    # given
    client = world.client("buyer")
    body = _need(world, response_deadline="2020-01-01T12:00:00+01:00")
    # when
    norwegian = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="nb")
    english = client.post("/api/needs/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert norwegian.json() == {"response_deadline": ["Svarfristen må være fram i tid."]}
    assert english.json() == {
        "response_deadline": ["The deadline for responses must be in the future."]
    }


def test_a_need_keeps_a_deadline_that_has_passed_when_other_fields_change(world: World) -> None:
    # given: a need whose deadline passed while it was open
    world.need.response_deadline = timezone.now() - timedelta(days=3)
    world.need.save(update_fields=["response_deadline"])
    # when
    response = world.client("buyer").patch(
        f"/api/needs/{world.need.pk}/",
        {"title": "Ny tittel", "response_deadline": world.need.response_deadline.isoformat()},
        format="json",
    )
    # then
    assert response.status_code == 200, response.content


def test_a_slot_on_the_day_after_the_conference_is_accepted(world: World) -> None:
    # when
    response = world.client("buyer").post(
        f"/api/conferences/{world.conference.pk}/slots/",
        _slot(world, world.conference.ends_at + timedelta(days=1)),
        format="json",
    )
    # then
    assert response.status_code == 201, response.content


def test_text_is_kept_as_plain_text_in_nfc_with_its_line_breaks(world: World) -> None:
    # given: HTML is text like any other; "å" written as "a" + combining ring
    body = _need(
        world,
        title="<b>Bedre</b>\tinneklima i  klasserom",
        description="Linje én\r\nLinje to med <script>alert(1)</script> og a\u030a.\n",
    )
    # when
    response = world.client("buyer").post("/api/needs/", body, format="json")
    # then
    assert response.status_code == 201, response.content
    need = Need.objects.get(pk=response.json()["id"])
    assert need.title == "<b>Bedre</b> inneklima i  klasserom"
    assert need.description == "Linje én\nLinje to med <script>alert(1)</script> og å."


def test_an_organisation_number_may_be_written_with_spaces(world: World) -> None:
    # when
    response = world.client("buyer").post(
        "/api/organizations/", _org(world, org_number="974 760 673"), format="json"
    )
    # then
    assert response.status_code == 201, response.content
    assert response.json()["org_number"] == "974760673"


def test_a_member_role_outside_the_vocabulary_is_refused(world: World) -> None:
    # given
    colleague = MembershipFactory(organization=world.buyer_org, user=UserFactory(), role="member")
    before = db_state()
    # when
    response = world.client("buyer").patch(
        f"/api/organizations/{world.buyer_org.pk}/members/{colleague.pk}/",
        {"role": "owner"},
        format="json",
    )
    # then
    assert response.status_code == 400
    assert NOT_A_CHOICE in response.json()["role"][0]
    assert db_state() == before


def test_unverified_buyer_cannot_publish(world: World) -> None:
    # given
    world.buyer_org.verified = False
    world.buyer_org.save()
    draft = world.draft_need
    # when
    response = world.client("buyer").post(f"/api/needs/{draft.pk}/publish/")
    # then
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Need.Status.DRAFT


def test_an_organisation_of_another_kind_is_no_co_buyer(world: World) -> None:
    # given
    supplier = OrganizationFactory(kind="supplier")
    before = db_state()
    # when
    response = world.client("buyer").post(
        "/api/needs/", _need(world, co_buyer_ids=[supplier.pk]), format="json"
    )
    # then
    assert response.status_code == 400
    assert "co_buyers" in response.json()
    assert db_state() == before


def test_the_longest_names_and_titles_still_make_a_notification(world: World) -> None:
    # given: an organisation name and a need title of the longest length each allows
    world.buyer_org.name = "Kommune " * 24 + "Vest"
    world.buyer_org.save(update_fields=["name"])
    body = _need(world, title="T" * 200, co_buyer_ids=[world.other_buyer_org.pk])
    # when: the co-buyer is asked, in a notification titled with both
    response = world.client("buyer").post("/api/needs/", body, format="json")
    # then
    assert response.status_code == 201, response.content
    notice = Notification.objects.get(user=world.users["other_buyer"])
    assert len(notice.title) == 200
    assert notice.title.endswith("…")
