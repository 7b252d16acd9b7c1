"""Research institutions (issue 14): registration and policy, competence profiles, the
suggestions on a need, and research partnerships with their visibility rules."""

from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.accounts.models import Organization, User
from backend.matches.models import Embedding
from backend.notifications.models import Notification, NotificationKind
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.research.suggestions import research_suggestions
from backend.responses.models import ResponseRead
from tests.backend.conftest import World
from tests.factories import MembershipFactory, NeedFactory, ResponseFactory, UserFactory
from tests.factories.research import (
    CompetenceProfileFactory,
    ResearchOrganizationFactory,
    ResearchPartnershipFactory,
)

State = ResearchPartnership.State


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _researcher(org: Organization | None = None, **org_fields: Any) -> User:
    org = org or ResearchOrganizationFactory(**org_fields)
    return MembershipFactory(organization=org).user


def _profile_body(org: Organization, **extra: Any) -> dict[str, Any]:
    return {
        "organization": org.pk,
        "title": "Følgeforskning på digital hjemmeoppfølging",
        "description": "Vi måler effekten av digital hjemmeoppfølging for kronisk syke, "
        "med registerdata og intervjuer.",
        "methods": "Kvasieksperimentelle design, kost-nytte-analyse.",
        "sectors": ["helse-og-omsorg"],
        "cpv_codes": ["73110000"],
        "keywords": ["hjemmeoppfølging", "gevinstrealisering"],
        "contact_role": "Forskningsleder",
        **extra,
    }


# Registration and policy -----------------------------------------------------------------


def test_a_research_institution_registers_unverified_and_gets_its_powers_when_verified(
    world: World,
) -> None:
    # given
    user = UserFactory()
    # when
    answer = _client(user).post(
        "/api/organizations/",
        {"name": "Forskningssenteret AS", "org_number": "974760673", "kind": "research"},
        format="json",
    )
    # then
    assert answer.status_code == 201, answer.content
    assert answer.json()["kind"] == "research"
    assert answer.json()["capabilities"] == []
    org = Organization.objects.get(pk=answer.json()["id"])
    verified = _client(world.users["advisor"]).post(f"/api/organizations/{org.pk}/verify/")
    assert verified.status_code == 200, verified.content
    assert verified.json()["capabilities"] == ["be_research_partner", "publish_competence"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/needs/", lambda w, org: {"organization": org.pk, "title": "Et behov"}),
        ("/api/solutions/", lambda w, org: {"organization": org.pk, "title": "En løsning"}),
        (
            "/api/responses/",
            lambda w, org: {
                "need": w.need.pk,
                "organization": org.pk,
                "summary": "Innspill",
                "body": "Vi vil gjerne forske på dette behovet sammen med dere.",
            },
        ),
    ],
)
def test_a_research_institution_is_neither_buyer_nor_supplier(
    world: World, path: str, body: Any
) -> None:
    # given
    org = ResearchOrganizationFactory()
    user = _researcher(org)
    count = (Organization.objects.count(), CompetenceProfile.objects.count())
    # when
    answer = _client(user).post(path, body(world, org), format="json")
    # then
    assert answer.status_code in (400, 403), answer.content
    assert (Organization.objects.count(), CompetenceProfile.objects.count()) == count


def test_a_research_institution_sees_no_suggestions_meant_for_others(world: World) -> None:
    user = _researcher()
    client = _client(user)
    assert client.get(f"/api/needs/{world.need.pk}/matches/").status_code == 403
    assert client.get(f"/api/needs/{world.need.pk}/research-suggestions/").status_code == 403
    assert client.get(f"/api/solutions/{world.solution.pk}/matches/").status_code == 403
    assert client.get("/api/matches/").json()["results"] == []
    assert client.get("/api/auth/me/").json()["roles"] == ["research"]


# Competence profiles ---------------------------------------------------------------------


def test_an_unverified_institution_drafts_a_profile_but_cannot_publish_it(db: None) -> None:
    # given
    org = ResearchOrganizationFactory(verified=False)
    client = _client(_researcher(org))
    # when
    created = client.post("/api/research/profiles/", _profile_body(org), format="json")
    published = client.post(f"/api/research/profiles/{created.json()['id']}/publish/")
    # then
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "draft"
    assert published.status_code == 403
    assert "ikke verifisert" in published.json()["detail"]
    assert CompetenceProfile.objects.get().status == "draft"


def test_a_published_profile_is_public_and_a_draft_only_its_institutions(db: None) -> None:
    # given
    org = ResearchOrganizationFactory()
    client = _client(_researcher(org))
    created = client.post(
        "/api/research/profiles/", _profile_body(org, status="published"), format="json"
    )
    draft = CompetenceProfileFactory(organization=org, status="draft", published_at=None)
    visitor = _client(None)
    # when
    listed = visitor.get(f"/api/research/profiles/?organization={org.pk}")
    # then
    assert created.json()["status"] == "published"
    assert [p["id"] for p in listed.json()["results"]] == [created.json()["id"]]
    assert listed.json()["results"][0]["sectors"] == [
        {"code": "helse-og-omsorg", "label": "Helse og omsorg"}
    ]
    assert visitor.get(f"/api/research/profiles/{draft.pk}/").status_code == 404
    assert _client(_researcher()).get(f"/api/research/profiles/{draft.pk}/").status_code == 404
    assert client.get(f"/api/research/profiles/{draft.pk}/").status_code == 200


def test_the_public_list_filters_by_sector_words_and_language(db: None) -> None:
    # given
    org = ResearchOrganizationFactory()
    care = CompetenceProfileFactory(organization=org)
    school = CompetenceProfileFactory(
        organization=org,
        title="Læringsanalyse i grunnskolen",
        description="Vi studerer digitale læremidler og vurdering for læring i skolen.",
        sectors=["oppvekst-og-utdanning"],
        keywords=["læringsanalyse"],
        language="en",
    )
    client = _client(None)
    base = f"/api/research/profiles/?organization={org.pk}"

    def ids(query: str) -> list[int]:
        return [p["id"] for p in client.get(base + query).json()["results"]]

    # then
    assert ids("&sector=helse-og-omsorg") == [care.pk]
    assert ids("&sector=oppvekst-og-utdanning") == [school.pk]
    assert ids("&q=læringsanalyse") == [school.pk]
    assert ids("&q=FØLGEFORSKNING velferdsteknologi") == [care.pk]
    assert ids("&language=en") == [school.pk]
    assert client.get(base + "&sector=ukjent").status_code == 400


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sectors": ["romfart"]}, "sectors"),
        ({"cpv_codes": ["12"]}, "cpv_codes"),
        ({"keywords": ["x" * 61]}, "keywords"),
        ({"keywords": [f"ord{n}" for n in range(21)]}, "keywords"),
        ({"description": "For kort."}, "description"),
        ({"title": ""}, "title"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_profile_input_is_refused_by_field_and_changes_nothing(
    db: None, change: dict[str, Any], field: str
) -> None:
    # given
    org = ResearchOrganizationFactory()
    client = _client(_researcher(org))
    profile = CompetenceProfileFactory(organization=org)
    before = CompetenceProfile.objects.get(pk=profile.pk)
    # when
    created = client.post("/api/research/profiles/", _profile_body(org, **change), format="json")
    updated = client.patch(f"/api/research/profiles/{profile.pk}/", change, format="json")
    # then
    assert created.status_code == 400 and field in created.json(), created.content
    assert updated.status_code == 400 and field in updated.json(), updated.content
    assert CompetenceProfile.objects.count() == 1
    after = CompetenceProfile.objects.get(pk=profile.pk)
    assert (after.version, after.title, after.sectors) == (
        before.version,
        before.title,
        before.sectors,
    )


def test_others_cannot_edit_publish_or_delete_a_profile(world: World) -> None:
    profile = CompetenceProfileFactory(status="draft", published_at=None)
    for role in ("buyer", "supplier"):
        client = world.client(role)
        assert (
            client.patch(
                f"/api/research/profiles/{profile.pk}/", {"title": "Ny"}, format="json"
            ).status_code
            == 404
        )
        assert client.post(f"/api/research/profiles/{profile.pk}/publish/").status_code == 404
        assert client.delete(f"/api/research/profiles/{profile.pk}/").status_code == 404
    assert CompetenceProfile.objects.get(pk=profile.pk).title == profile.title


def test_a_profile_is_withdrawn_and_then_deleted(db: None) -> None:
    profile = CompetenceProfileFactory()
    client = _client(_researcher(profile.organization))
    assert client.delete(f"/api/research/profiles/{profile.pk}/").status_code == 400
    assert client.post(f"/api/research/profiles/{profile.pk}/withdraw/").status_code == 200
    assert _client(None).get(f"/api/research/profiles/{profile.pk}/").status_code == 404
    assert client.delete(f"/api/research/profiles/{profile.pk}/").status_code == 204
    assert not CompetenceProfile.objects.filter(pk=profile.pk).exists()


def test_the_profile_list_costs_the_same_queries_whatever_its_page_size(db: None) -> None:
    org = ResearchOrganizationFactory()
    CompetenceProfileFactory.create_batch(6, organization=org)
    client = _client(None)
    counts = []
    for size in (2, 5):
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(f"/api/research/profiles/?organization={org.pk}&page_size={size}")
        assert len(answer.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Suggestions -----------------------------------------------------------------------------


def _suggested(world: World, role: str = "buyer") -> list[int]:
    answer = world.client(role).get(f"/api/needs/{world.need.pk}/research-suggestions/")
    assert answer.status_code == 200, answer.content
    return [s["profile"]["id"] for s in answer.json()]


@override_settings(MATCHING_RELEVANCE_FLOOR=0.0)
def test_the_fitting_institution_is_suggested_first_to_the_buyer_and_advisors(
    world: World,
) -> None:
    # given: the need is about safety alarms for the elderly at home
    fitting = CompetenceProfileFactory(
        title="Trygghetsalarmer og hjemmeboende eldre",
        description="Forskning på trygghetsalarmer, fall og oppfølging av hjemmeboende eldre "
        "slik at de kan bo trygt hjemme lenger.",
    )
    other = CompetenceProfileFactory(
        title="Havbunnskartlegging",
        description="Akustiske metoder for kartlegging av havbunn og sedimenter i fjorder.",
        sectors=["naering-natur-og-landbruk"],
        cpv_codes=[],
    )
    CompetenceProfileFactory(status="draft", published_at=None, title="Trygghetsalarmer utkast")
    CompetenceProfileFactory(organization=ResearchOrganizationFactory(verified=False))
    # when
    for_buyer = _suggested(world)
    # then
    assert for_buyer[:2] == [fitting.pk, other.pk]
    assert len(for_buyer) == 2
    assert _suggested(world, "advisor")[:2] == [fitting.pk, other.pk]
    for role in ("other_buyer", "supplier"):
        path = f"/api/needs/{world.need.pk}/research-suggestions/"
        assert world.client(role).get(path).status_code == 403
    assert world.client("visitor").get(
        f"/api/needs/{world.need.pk}/research-suggestions/"
    ).status_code in (401, 403)
    assert (
        world.client("other_buyer")
        .get(f"/api/needs/{world.draft_need.pk}/research-suggestions/")
        .status_code
        == 404
    )


@override_settings(MATCHING_RELEVANCE_FLOOR=0.0)
def test_an_institution_already_on_the_need_is_not_suggested_again(world: World) -> None:
    profile = CompetenceProfileFactory()
    ResearchPartnershipFactory(need=world.need, organization=profile.organization, state="invited")
    assert profile.pk not in _suggested(world)


@override_settings(MATCHING_RELEVANCE_FLOOR=5.0)
def test_nothing_under_the_relevance_floor_is_suggested(world: World) -> None:
    CompetenceProfileFactory()
    assert _suggested(world) == []


@override_settings(MATCHING_RELEVANCE_FLOOR=0.0)
def test_suggestions_cost_the_same_queries_whatever_the_number_of_profiles(
    world: World,
) -> None:
    CompetenceProfileFactory.create_batch(2)
    research_suggestions(need=world.need)  # the embeddings are cached from now on
    with CaptureQueriesContext(connection) as few:
        research_suggestions(need=world.need)
    CompetenceProfileFactory.create_batch(6)
    research_suggestions(need=world.need)
    with CaptureQueriesContext(connection) as many:
        found = research_suggestions(need=world.need)
    assert len(found) == 5
    assert len(many) == len(few)


# Partnerships ----------------------------------------------------------------------------


def _invite(world: World, org: Organization, need_id: int | None = None, **extra: Any) -> Any:
    return world.client("buyer").post(
        "/api/research/partnerships/",
        {"need": need_id or world.need.pk, "organization": org.pk, **extra},
        format="json",
    )


def test_an_invited_institution_is_told_and_reads_the_need_only_after_accepting(
    world: World,
) -> None:
    # given
    org = ResearchOrganizationFactory(name="SINTEF Digital")
    partner = _client(_researcher(org))
    # when
    invited = _invite(world, org, world.draft_need.pk, shared_note="Se gevinstkartet vedlagt.")
    pk = invited.json()["id"]
    before = partner.get(f"/api/research/partnerships/{pk}/").json()
    accepted = partner.post(f"/api/research/partnerships/{pk}/accept/")
    # then
    assert invited.status_code == 201, invited.content
    told = Notification.objects.get(kind=NotificationKind.RESEARCH_PARTNER_INVITED)
    assert told.params["partnership_id"] == pk
    assert told.params["buyer"] == "Bergen kommune"
    assert before["state"] == "invited"
    assert before["need_ref"]["title"] == world.draft_need.title
    assert before["need"] is None and before["shared_note"] == ""
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["need"]["description"] == world.draft_need.description
    assert accepted.json()["shared_note"] == "Se gevinstkartet vedlagt."
    # a draft stays the buyer's everywhere else
    assert partner.get(f"/api/needs/{world.draft_need.pk}/").status_code == 404


def test_a_partner_reads_the_responses_only_while_the_buyer_grants_it(world: World) -> None:
    # given
    world.response.sections = [
        {"text": "Vi har testet dette i tolv kommuner.", "business_secret": False, "reason": ""},
        {"text": "Pris: 1 200 kroner per sensor.", "business_secret": True, "reason": "Pris"},
    ]
    world.response.save()
    partnership = ResearchPartnershipFactory(need=world.need)
    partner = _client(_researcher(partnership.organization))
    path = f"/api/research/partnerships/{partnership.pk}/"
    # when / then: not granted
    assert partner.get(path + "responses/").status_code == 404
    assert (
        world.response.summary.encode()
        not in partner.get(f"/api/needs/{world.need.pk}/responses/").content
    )
    assert partner.get("/api/responses/").json()["results"] == []
    # the buyer grants it
    granted = world.client("buyer").patch(path, {"may_read_responses": True}, format="json")
    assert granted.status_code == 200 and granted.json()["reads_responses"]
    read = partner.get(path + "responses/")
    assert read.status_code == 200
    assert read.json()[0]["sections"] == [
        {"text": "Vi har testet dette i tolv kommuner.", "withheld": False},
        {"text": "", "withheld": True},
    ]
    assert b"1 200 kroner" not in read.content
    log = ResponseRead.objects.get(response=world.response)
    assert log.organization_id == partnership.organization_id
    supplier_told = Notification.objects.get(kind=NotificationKind.RESPONSE_READERS_ADDED)
    assert supplier_told.params["role"] == "research_partner"
    # revoked
    world.client("buyer").patch(path, {"may_read_responses": False}, format="json")
    assert partner.get(path + "responses/").status_code == 404


@pytest.mark.parametrize("state", [State.DECLINED, State.ENDED])
def test_a_declined_or_ended_partnership_sees_nothing_more(world: World, state: str) -> None:
    partnership = ResearchPartnershipFactory(
        need=world.draft_need, state=state, may_read_responses=True
    )
    ResponseFactory(need=world.draft_need, organization=world.supplier_org)
    partner = _client(_researcher(partnership.organization))
    answer = partner.get(f"/api/research/partnerships/{partnership.pk}/")
    assert answer.json()["need"] is None
    assert answer.json()["shared_note"] == ""
    assert world.draft_need.title not in answer.content.decode()
    assert partner.get(f"/api/research/partnerships/{partnership.pk}/responses/").status_code == 404


def test_the_partner_ends_its_partnership_and_loses_the_need(world: World) -> None:
    partnership = ResearchPartnershipFactory(need=world.need, may_read_responses=True)
    partner = _client(_researcher(partnership.organization))
    ended = partner.post(f"/api/research/partnerships/{partnership.pk}/end/")
    assert ended.status_code == 200 and ended.json()["state"] == "ended"
    assert ended.json()["need"] is None
    assert partner.post(f"/api/research/partnerships/{partnership.pk}/end/").status_code == 400


@pytest.mark.parametrize("role", ["visitor", "other_buyer", "supplier"])
def test_a_partnership_does_not_exist_for_anyone_else(world: World, role: str) -> None:
    partnership = ResearchPartnershipFactory(need=world.draft_need)
    client = world.client(role)
    base = f"/api/research/partnerships/{partnership.pk}/"
    for path in (base, base + "responses/"):
        assert client.get(path).status_code in (401, 403, 404)
    for action in ("accept/", "decline/", "end/"):
        assert client.post(base + action).status_code in (401, 403, 404)
    assert client.patch(base, {"may_read_responses": True}, format="json").status_code in (
        401,
        403,
        404,
    )
    assert ResearchPartnership.objects.get(pk=partnership.pk).may_read_responses is False


def test_the_partner_cannot_grant_itself_the_responses(world: World) -> None:
    partnership = ResearchPartnershipFactory(need=world.need)
    partner = _client(_researcher(partnership.organization))
    answer = partner.patch(
        f"/api/research/partnerships/{partnership.pk}/", {"may_read_responses": True}, format="json"
    )
    assert answer.status_code == 403
    assert not ResearchPartnership.objects.get(pk=partnership.pk).may_read_responses


@pytest.mark.parametrize(
    ("org", "field"),
    [
        (lambda w: w.supplier_org, "organization"),
        (lambda w: ResearchOrganizationFactory(verified=False), "organization"),
        (lambda w: None, "organization"),
    ],
)
def test_bad_invitations_are_refused_and_change_nothing(world: World, org: Any, field: str) -> None:
    target = org(world)
    body = {"need": world.need.pk, "organization": target.pk if target else 987654}
    answer = world.client("buyer").post("/api/research/partnerships/", body, format="json")
    assert answer.status_code == 400 and field in answer.json(), answer.content
    assert ResearchPartnership.objects.count() == 0
    assert not Notification.objects.filter(kind=NotificationKind.RESEARCH_PARTNER_INVITED).exists()


def test_an_institution_is_invited_once_and_only_by_the_needs_buyer(world: World) -> None:
    org = ResearchOrganizationFactory()
    assert _invite(world, org).status_code == 201
    assert _invite(world, org).status_code == 400
    other = world.client("other_buyer").post(
        "/api/research/partnerships/",
        {"need": world.need.pk, "organization": ResearchOrganizationFactory().pk},
        format="json",
    )
    hidden = world.client("other_buyer").post(
        "/api/research/partnerships/",
        {"need": world.draft_need.pk, "organization": org.pk},
        format="json",
    )
    assert other.status_code == 403
    assert hidden.status_code == 400 and "need" in hidden.json()
    assert ResearchPartnership.objects.count() == 1


def test_the_partnership_list_costs_the_same_queries_whatever_its_page_size(
    world: World,
) -> None:
    for _ in range(6):
        ResearchPartnershipFactory(need=NeedFactory(organization=world.buyer_org))
    client = world.client("buyer")
    client.get("/api/research/partnerships/")  # the user's organisations are cached on it
    counts = []
    for size in (2, 5):
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(f"/api/research/partnerships/?page_size={size}")
        assert len(answer.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


@override_settings(EMBEDDING_MODEL="")
def test_with_the_real_model_the_fitting_institution_passes_the_floor_and_the_unrelated_not(
    world: World,
) -> None:
    # given: the need is about safety alarms for elderly people living at home
    fitting = CompetenceProfileFactory(
        title="Velferdsteknologi og trygghet for eldre som bor hjemme",
        description="Vi forsker på trygghetsalarmer, fallsensorer og digitalt tilsyn, og på "
        "hvordan hjemmetjenesten kan hjelpe eldre å bo trygt hjemme lenger.",
    )
    unrelated = CompetenceProfileFactory(
        title="Havbunnskartlegging og sedimenter",
        description="Akustiske metoder for kartlegging av havbunn, sedimenter og strøm i fjorder "
        "og kystfarvann.",
        sectors=["naering-natur-og-landbruk"],
        cpv_codes=[],
        keywords=["havbunn", "akustikk"],
    )
    # when
    found = {s.profile.pk: s for s in research_suggestions(need=world.need)}
    # then
    assert fitting.pk in found
    assert unrelated.pk not in found
    assert Embedding.objects.filter(entity="competence", entity_id=fitting.pk).exists()
