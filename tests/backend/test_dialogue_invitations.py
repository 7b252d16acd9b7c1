"""Invitations to a dialogue conference: from its need's suggested solutions, the buyer (or a
LUP advisor) invites the suppliers behind the chosen ones in one request. Each organisation
is invited once (already invited or registered is reported, not told again); each of its
people hears of it in their language; the host sees who was invited and whether they
registered, a supplier only its own invitation. Every rule through the host, an advisor,
another buyer, the supplier, a competing supplier and a visitor; a bad request changes
nothing."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts.models import Organization, User
from backend.audit.models import AuditEvent
from backend.dialogue.models import ConferenceInvitation, DialogueConference
from backend.notifications.models import Notification, NotificationKind
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.backend.dialogue_scene import client_of, told
from tests.backend.state import db_state
from tests.factories import (
    ConferenceFactory,
    MatchFactory,
    MembershipFactory,
    OrganizationFactory,
    RegistrationFactory,
    ResponseFactory,
    SolutionFactory,
    UserFactory,
)

MESSAGE = "Vi tror løsningen deres kan passe. Vi setter av tid til 1:1-møter etter konferansen."


def _supplier(name: str, email: str, **user: Any) -> tuple[Solution, User]:
    """A supplier organisation with a member and a published solution suggested for the
    world's need."""
    org = OrganizationFactory(name=name, kind=Organization.Kind.SUPPLIER)
    person = MembershipFactory(organization=org, user=UserFactory(email=email, **user)).user
    return SolutionFactory(organization=org, title=f"Trygghetsalarm fra {name}"), person


@pytest.fixture
def suggested(world: World) -> dict[str, tuple[Solution, User]]:
    found = {
        "omsorg": _supplier("Omsorgsteknikk AS", "salg@omsorgsteknikk.no"),
        "nordic": _supplier(
            "Nordic Care Systems AS", "sales@nordiccare.com", preferred_language="en"
        ),
    }
    for solution, _person in found.values():
        MatchFactory(need=world.need, solution=solution)
    return found


def _invite(world: World, role: str, solution_ids: list[int], **body: Any) -> Any:
    return world.client(role).post(
        f"/api/conferences/{world.conference.pk}/invitations/",
        {"solution_ids": solution_ids, **body},
        format="json",
    )


def _outcomes(answer: Any) -> dict[str, str]:
    return {r["organization"]["name"]: r["outcome"] for r in answer.json()["results"]}


def _ids(suggested: dict[str, tuple[Solution, User]]) -> list[int]:
    return [solution.pk for solution, _person in suggested.values()]


def test_the_buyer_invites_two_suggested_suppliers_and_each_hears_in_its_language(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # when
    answer = _invite(world, "buyer", _ids(suggested), message=MESSAGE)
    # then
    assert answer.status_code == 201, answer.content
    assert _outcomes(answer) == {
        "Omsorgsteknikk AS": "invited",
        "Nordic Care Systems AS": "invited",
    }
    assert answer.json()["invited"] == 2
    rows = ConferenceInvitation.objects.filter(conference=world.conference)
    assert sorted(r.organization.name for r in rows) == [
        "Nordic Care Systems AS",
        "Omsorgsteknikk AS",
    ]
    assert {r.message for r in rows} == {MESSAGE}
    assert (
        AuditEvent.objects.filter(
            action="invited", object_type="dialogue.conferenceinvitation"
        ).count()
        == 2
    )
    (norwegian,) = told(suggested["omsorg"][1])
    assert norwegian["kind"] == NotificationKind.CONFERENCE_INVITATION
    assert norwegian["title"] == f"Invitasjon: {world.conference.title}"
    assert norwegian["link"] == f"/conferences/{world.conference.pk}"
    body = norwegian["body"]
    assert "Bergen kommune, inviterer virksomheten deres til dialogkonferansen" in body
    assert "Løsningen deres «Trygghetsalarm fra Omsorgsteknikk AS»" in body
    assert "Sted: Bergen rådhus" in body
    assert "Påmeldingsfrist: " in body
    assert MESSAGE in body
    # as made for the English reader (its e-mail is written from it)
    english = Notification.objects.get(user=suggested["nordic"][1])
    assert english.title == f"Invitation: {world.conference.title}"
    assert "invites your organisation to the dialogue conference" in english.body
    assert "Register by: " in english.body


def test_nobody_is_invited_twice_and_the_registered_are_told_nothing(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given: Omsorgsteknikk invited, Helsetek registered
    omsorg, omsorg_person = suggested["omsorg"]
    assert _invite(world, "buyer", [omsorg.pk]).status_code == 201
    RegistrationFactory(conference=world.conference, organization=world.supplier_org)
    # when: the buyer chooses them again, with two solutions of one organisation
    nordic = suggested["nordic"][0]
    second = SolutionFactory(organization=nordic.organization)
    answer = _invite(world, "buyer", [omsorg.pk, world.solution.pk, nordic.pk, second.pk])
    # then
    assert answer.status_code == 201, answer.content
    assert _outcomes(answer) == {
        "Omsorgsteknikk AS": "already_invited",
        "Helsetek AS": "already_registered",
        "Nordic Care Systems AS": "invited",
    }
    assert ConferenceInvitation.objects.filter(conference=world.conference).count() == 2
    assert len(told(omsorg_person)) == 1
    assert told(world.users["supplier"]) == []
    # and when nothing is new, the answer says so without a 201
    again = _invite(world, "buyer", [omsorg.pk, nordic.pk])
    assert again.status_code == 200
    assert again.json()["invited"] == 0


def test_an_advisor_invites_for_the_buyer_and_says_who_they_are(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # when
    answer = _invite(world, "advisor", [suggested["omsorg"][0].pk])
    # then
    assert answer.status_code == 201, answer.content
    (notice,) = told(suggested["omsorg"][1])
    assert ", LUP, inviterer virksomheten deres" in notice["body"]
    assert "som Bergen kommune arrangerer" in notice["body"]


@pytest.mark.parametrize("role", ["supplier", "other_buyer"])
def test_only_the_host_and_advisors_invite_and_nothing_changes_for_anyone_else(
    world: World, suggested: dict[str, tuple[Solution, User]], role: str
) -> None:
    # given
    before = db_state()
    # when
    answer = _invite(world, role, _ids(suggested))
    # then
    assert answer.status_code == 403
    assert "Bare Bergen kommune, som arrangerer konferansen" in answer.json()["detail"]
    assert db_state() == before


def test_a_visitor_cannot_invite(world: World, suggested: dict[str, tuple[Solution, User]]) -> None:
    before = db_state()
    answer = _invite(world, "visitor", _ids(suggested))
    assert answer.status_code in (401, 403)
    assert db_state() == before


def test_another_buyers_draft_conference_answers_as_a_missing_one(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    draft = ConferenceFactory(
        organization=world.buyer_org,
        needs=[world.need],
        status=DialogueConference.Status.DRAFT,
        published_at=None,
    )
    client = world.client("other_buyer")
    body = {"solution_ids": _ids(suggested)}
    # when
    hidden = client.post(f"/api/conferences/{draft.pk}/invitations/", body, format="json")
    missing = client.post("/api/conferences/987654321/invitations/", body, format="json")
    # then
    assert (
        (hidden.status_code, hidden.json())
        == (missing.status_code, missing.json())
        == (
            404,
            missing.json(),
        )
    )


def _closed(world: World, how: str) -> str:
    """Close the world's conference `how`; the message the buyer gets."""
    conference = world.conference
    if how == "draft":
        conference.status = DialogueConference.Status.DRAFT
        conference.save()
        return "Publiser konferansen før dere inviterer leverandører"
    if how == "cancelled":
        conference.status = DialogueConference.Status.CANCELLED
        conference.save()
        return "Konferansen er avlyst: ingen kan inviteres til den."
    if how == "deadline":
        conference.registration_deadline = timezone.now() - timedelta(minutes=1)
        conference.save()
        return "Påmeldingen stengte "
    if how == "full":
        conference.capacity = 1
        conference.save()
        RegistrationFactory(conference=conference)
        return "Konferansen er full (1 virksomheter)"
    world.need.stage = "konkurranse"
    world.need.save()
    return "Konkurransen er kunngjort; dialogen er avsluttet."


@pytest.mark.parametrize("how", ["draft", "cancelled", "deadline", "full", "competition"])
def test_a_conference_suppliers_cannot_join_takes_no_invitations(
    world: World, suggested: dict[str, tuple[Solution, User]], how: str
) -> None:
    # given
    message = _closed(world, how)
    before = db_state()
    # when
    answer = _invite(world, "buyer", _ids(suggested))
    # then
    assert answer.status_code == 400, answer.content
    assert message in str(answer.json())
    assert db_state() == before


def _bad_bodies(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> list[tuple[dict[str, Any], str, str]]:
    draft = SolutionFactory(
        organization=suggested["omsorg"][0].organization, status="draft", published_at=None
    )
    ids = _ids(suggested)
    return [
        ({"solution_ids": []}, "solution_ids", "Velg minst én leverandør å invitere."),
        ({}, "solution_ids", "Dette feltet er påkrevd."),
        (
            {"solution_ids": [*ids, 987654321, draft.pk]},
            "solution_ids",
            f"Ingen publisert løsning har disse id-ene: #987654321, #{draft.pk}.",
        ),
        ({"solution_ids": ["alarm"]}, "solution_ids", "Skriv et helt tall."),
        ({"solution_ids": list(range(1, 52))}, "solution_ids", "Listen kan ha høyst 50 elementer."),
        ({"solution_ids": ids, "message": "x" * 2001}, "message", "2000 tegn"),
    ]


def test_bad_input_is_refused_at_its_field_and_changes_nothing(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    for body, field, message in _bad_bodies(world, suggested):
        # given
        before = db_state()
        # when
        answer = world.client("buyer").post(
            f"/api/conferences/{world.conference.pk}/invitations/", body, format="json"
        )
        # then
        assert answer.status_code == 400, (body, answer.content)
        assert message in str(answer.json()[field]), (body, answer.json())
        assert db_state() == before


def test_an_english_reader_is_refused_in_english(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    answer = world.client("buyer").post(
        f"/api/conferences/{world.conference.pk}/invitations/",
        {"solution_ids": []},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.json()["solution_ids"] == ["Choose at least one supplier to invite."]


def test_a_message_quoting_a_suppliers_business_secret_is_refused(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given: a response to the need with a section marked as a business secret
    secret = "Prisen er 1 200 kroner per sensor og måned med fri support"
    ResponseFactory(
        need=world.need,
        organization=world.supplier_org,
        body=secret,
        sections=[{"text": secret, "business_secret": True, "reason": "Prisen er vår."}],
    )
    before = db_state()
    # when
    answer = _invite(world, "buyer", _ids(suggested), message=f"Andre tilbyr: {secret.lower()}.")
    # then
    assert answer.status_code == 400
    assert "forretningshemmelighet" in " ".join(answer.json()["message"])
    assert db_state() == before


def test_the_host_sees_who_was_invited_and_whether_they_registered(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    assert _invite(world, "buyer", _ids(suggested), message=MESSAGE).status_code == 201
    RegistrationFactory(
        conference=world.conference, organization=suggested["omsorg"][0].organization
    )
    path = f"/api/conferences/{world.conference.pk}/invitations/"
    # when
    for role in ("buyer", "advisor"):
        rows = world.client(role).get(path).json()["results"]
        # then
        assert [(r["organization"]["name"], r["registered"]) for r in rows] == [
            ("Omsorgsteknikk AS", True),
            ("Nordic Care Systems AS", False),
        ]
        assert rows[0]["solution"]["title"] == "Trygghetsalarm fra Omsorgsteknikk AS"
        assert rows[0]["message"] == MESSAGE
        assert rows[0]["invited_by"] == str(world.users["buyer"])


def test_a_supplier_sees_its_own_invitation_and_never_who_else_was_invited(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    assert _invite(world, "buyer", _ids(suggested)).status_code == 201
    path = f"/api/conferences/{world.conference.pk}/invitations/"
    omsorg_person = suggested["omsorg"][1]
    # when
    own = client_of(omsorg_person).get(path).json()["results"]
    competitor = world.client("supplier").get(path)
    other_buyer = world.client("other_buyer").get(path)
    visitor = world.client("visitor").get(path)
    # then
    assert [r["organization"]["name"] for r in own] == ["Omsorgsteknikk AS"]
    assert competitor.json()["results"] == []
    assert other_buyer.json()["results"] == []
    assert visitor.status_code in (401, 403)
    for answer in (competitor, other_buyer, client_of(omsorg_person).get(path)):
        assert b"Nordic Care" not in answer.content
    # nor through the conference, its registrations or the notifications of others
    for sub in ("", "registrations/", "slots/", "questions/"):
        page = world.client("supplier").get(f"/api/conferences/{world.conference.pk}/{sub}")
        assert b"Omsorgsteknikk" not in page.content and b"Nordic Care" not in page.content
    assert told(world.users["supplier"]) == []


def test_an_archived_solution_is_not_named_in_the_list(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    solution = suggested["omsorg"][0]
    assert _invite(world, "buyer", [solution.pk]).status_code == 201
    Solution.objects.filter(pk=solution.pk).update(status=Solution.Status.ARCHIVED)
    # when
    rows = (
        world.client("buyer")
        .get(f"/api/conferences/{world.conference.pk}/invitations/")
        .json()["results"]
    )
    # then
    assert rows[0]["solution"] is None
    assert rows[0]["organization"]["name"] == "Omsorgsteknikk AS"


def test_the_invited_hear_when_the_conference_moves_or_is_cancelled(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    assert _invite(world, "buyer", [suggested["omsorg"][0].pk]).status_code == 201
    person = suggested["omsorg"][1]
    path = f"/api/conferences/{world.conference.pk}/"
    later = world.conference.starts_at + timedelta(hours=2)
    # when
    moved = world.client("buyer").patch(
        path,
        {"starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=3)).isoformat()},
        format="json",
    )
    cancelled = world.client("buyer").post(f"{path}cancel/", {"reason": "Behovet er løst."})
    # then
    assert moved.status_code == 200, moved.content
    assert cancelled.status_code == 200, cancelled.content
    kinds = [n["kind"] for n in told(person)]
    assert kinds == ["conference_cancelled", "conference_changed", "conference_invitation"]


def test_the_inviting_persons_data_copy_names_the_invitations_they_sent(
    world: World, suggested: dict[str, tuple[Solution, User]]
) -> None:
    # given
    assert _invite(world, "buyer", _ids(suggested), message=MESSAGE).status_code == 201
    # when
    copy = world.client("buyer").get("/api/auth/me/export/").json()
    # then: by type and id (the invitation is the organisation's business, not copied)
    sent = [r for r in copy["other_records"] if r["type"] == "conference_invitation_sent"]
    ids = sorted(ConferenceInvitation.objects.values_list("pk", flat=True))
    assert sorted(r["id"] for r in sent) == ids
    assert MESSAGE not in str(copy)
