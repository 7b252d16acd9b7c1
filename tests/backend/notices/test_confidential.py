"""Nothing confidential reaches either notice: a marker in each confidential thing around a
need (and in its drafts) is never in its eForms PIN or its OCDS release."""

import pytest

from backend.needs.models import Need
from tests.backend.conftest import World
from tests.factories import (
    ConferenceFactory,
    ConferenceInvitationFactory,
    MatchNoteFactory,
    MeetingRequestFactory,
    OngoingDialogueFactory,
    QuestionFactory,
    RegistrationFactory,
    ResponseFactory,
    SharedInformationFactory,
)

pytestmark = pytest.mark.django_db

MARKERS = {
    "response summary": "HEMMELIG-SAMMENDRAG-7731",
    "response body": "HEMMELIG-INNSPILL-7732",
    "business secret": "FORRETNINGSHEMMELIGHET-7733",
    "participant contact": "kontakt-7734@leverandor.no",
    "participant name": "DELTAKERNAVN-7735",
    "advisor note": "RADGIVERNOTAT-7736",
    "question": "SPORSMAL-7737",
    "answer": "SVAR-7738",
    "shared information": "DELT-INFORMASJON-7739",
    "draft conference": "UTKASTKONFERANSE-7740",
    "cancelled conference": "AVLYST-7741",
    "invitation message": "INVITASJON-7742",
    "meeting request": "MOTEFORESPORSEL-7743",
    "ongoing dialogue topics": "LOPENDE-TEMA-7744",
    "conference stream link": "https://strom.example.no/hemmelig-7745",
    "conference capacity note": "AGENDA-7746",
}


def _secrets_around(world: World) -> None:
    need, conference = world.need, world.conference
    ResponseFactory(
        need=need,
        organization=world.supplier_org,
        summary=MARKERS["response summary"],
        body=MARKERS["response body"],
        sections=[{"text": MARKERS["business secret"], "business_secret": True, "reason": "Pris"}],
    )
    RegistrationFactory(
        conference=conference,
        organization=world.supplier_org,
        participants=[
            {
                "name": MARKERS["participant name"],
                "email": MARKERS["participant contact"],
                "role": "Daglig leder",
            }
        ],
    )
    MatchNoteFactory(match=world.match, text=MARKERS["advisor note"])
    QuestionFactory(conference=conference, text=MARKERS["question"], answer=MARKERS["answer"])
    SharedInformationFactory(conference=conference, text=MARKERS["shared information"])
    ConferenceFactory(
        organization=world.buyer_org,
        needs=[need],
        status="draft",
        title=MARKERS["draft conference"],
    )
    ConferenceFactory(
        organization=world.buyer_org,
        needs=[need],
        status="cancelled",
        title=MARKERS["cancelled conference"],
    )
    ConferenceInvitationFactory(conference=conference, message=MARKERS["invitation message"])
    dialogue = OngoingDialogueFactory(need=need, topics=MARKERS["ongoing dialogue topics"])
    MeetingRequestFactory(dialogue=dialogue, topic=MARKERS["meeting request"])
    conference.stream_url = MARKERS["conference stream link"]
    conference.agenda = MARKERS["conference capacity note"]
    conference.save()


@pytest.mark.parametrize("role", ["buyer", "advisor"])
def test_no_confidential_marker_is_in_either_export(world: World, role: str) -> None:
    # given a need with something confidential of every kind around it
    _secrets_around(world)
    # when its buyer or an advisor (who read them all) downloads both exports
    client = world.client(role)
    xml = client.get(f"/api/needs/{world.need.pk}/notice.xml")
    ocds = client.get(f"/api/needs/{world.need.pk}/ocds.json")
    assert xml.status_code == ocds.status_code == 200
    # then no marker is in either (the published conference is)
    for body in (xml.content.decode(), ocds.content.decode()):
        assert world.conference.title in body
        assert [what for what, marker in MARKERS.items() if marker in body] == []


def test_a_draft_need_leaks_nothing_to_outsiders(world: World) -> None:
    # given a draft with a secret title
    draft: Need = world.draft_need
    draft.title = "UTKASTBEHOV-7750"
    draft.save()
    for role in ("supplier", "other_buyer", "visitor"):
        for path in ("notice.xml", "ocds.json", "notice-texts/"):
            body = world.client(role).get(f"/api/needs/{draft.pk}/{path}").content
            assert b"UTKASTBEHOV-7750" not in body
