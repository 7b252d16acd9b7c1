"""One path for every write: the Django admin, driven by an operator (a superuser) through
its real pages, changes needs, solutions, conferences and organisations only through the
services (audit log, outbox, search index), and shows no confidential response text."""

from typing import Any

import pytest
from django.forms import MultiWidget
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from backend.accounts.models import Organization, User
from backend.audit.models import AuditEvent
from backend.dialogue.models import DialogueConference
from backend.discovery.services import search_sync
from backend.needs.models import Need
from backend.outbox.models import OutboxEntry
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.factories import ConferenceFactory, NeedFactory, UserFactory

NEEDS = "/admin/needs/need/"
SOLUTIONS = "/admin/solutions/solution/"
CONFERENCES = "/admin/dialogue/dialogueconference/"
ORGANIZATIONS = "/admin/accounts/organization/"


@pytest.fixture
def operator(db: None) -> User:
    user: User = UserFactory(email="drift@innovasjonstorget.no", is_staff=True, is_superuser=True)
    return user


@pytest.fixture
def admin_client(operator: User) -> Client:
    client = Client()
    client.force_login(operator)
    return client


def _form_data(page: Any) -> dict[str, Any]:
    """What the browser would post back from a change page, unchanged."""
    data: dict[str, Any] = {}
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            key, value = form.add_prefix(name), form[name].value()
            if isinstance(field.widget, MultiWidget):
                for i, part in enumerate(field.widget.decompress(value)):
                    data[f"{key}_{i}"] = "" if part is None else part
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = value
    return data


def _save(client: Client, url: str, **changes: Any) -> Any:
    page = client.get(url)
    assert page.status_code == 200, page.content[:300]
    return client.post(url, _form_data(page) | changes)


def _action(client: Client, changelist: str, action: str, *rows: Any) -> Any:
    return client.post(
        changelist,
        {"action": action, "_selected_action": [r.pk for r in rows], "index": 0},
        follow=True,
    )


def _said(answer: Any, message: str, **values: str) -> bool:
    """The admin page tells the operator `message` (in the operator's language)."""
    with translation.override(answer.wsgi_request.LANGUAGE_CODE):
        text = gettext(message) % values if values else gettext(message)
    return any(text in str(m) for m in answer.context["messages"])


def _found(world: World, query: str, kind: str) -> dict[int, str]:
    """The documents of `kind` a visitor's search finds, id → title. The session's index
    keeps earlier tests' documents, and a query with few hits relaxes to semantic
    neighbours: the tests look for their own rows among them."""
    answer = world.client("visitor").get("/api/search/", {"q": query, "type": kind})
    return {h["id"]: h["title"] for h in answer.json()["results"] if h["type"] == kind}


# ------------------------------------------------------------------------ needs


def test_status_is_not_a_field_of_the_need_form(world: World, admin_client: Client) -> None:
    # given
    url = f"{NEEDS}{world.need.pk}/change/"
    # when: a crafted post sets the status anyway
    page = admin_client.get(url)
    _save(admin_client, url, status="draft")
    # then
    assert "status" not in page.context["adminform"].form.fields
    assert Need.objects.get(pk=world.need.pk).status == Need.Status.PUBLISHED


def test_taking_a_need_back_to_draft_in_the_admin_takes_it_out_of_search(
    world: World,
    admin_client: Client,
    operator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given: a published need, indexed
    need = NeedFactory(organization=world.buyer_org, title="Snøryddingsroboter for fortau")
    search_sync(entity="need", ids=[need.pk])
    assert _found(world, "snøryddingsroboter", "need").get(need.pk) == need.title
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _action(admin_client, NEEDS, "need_unpublish", need)
    # then
    assert answer.status_code == 200
    assert Need.objects.get(pk=need.pk).status == Need.Status.DRAFT
    assert AuditEvent.objects.filter(
        actor=operator, action="withdrawn", object_type="needs.need", object_id=str(need.pk)
    ).exists()
    assert OutboxEntry.objects.filter(
        entity="need", entity_id=need.pk, processed_at__isnull=False
    ).exists()
    assert need.pk not in _found(world, "snøryddingsroboter", "need")


def test_publishing_and_closing_in_the_admin_go_through_the_services(
    world: World, admin_client: Client, operator: User
) -> None:
    # given
    draft = world.draft_need
    # when
    _action(admin_client, NEEDS, "need_publish", draft)
    published = Need.objects.get(pk=draft.pk)
    _action(admin_client, NEEDS, "need_close", draft)
    # then
    assert published.status == Need.Status.PUBLISHED and published.published_at is not None
    assert Need.objects.get(pk=draft.pk).status == Need.Status.CLOSED
    actions = AuditEvent.objects.filter(actor=operator, object_id=str(draft.pk)).values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["closed", "published"]


def test_a_refused_status_change_is_reported_and_changes_nothing(
    world: World, admin_client: Client
) -> None:
    # given: a draft cannot be closed
    before = OutboxEntry.objects.count()
    # when
    answer = _action(admin_client, NEEDS, "need_close", world.draft_need)
    # then
    assert _said(answer, "Only a published need can be closed.")
    assert Need.objects.get(pk=world.draft_need.pk).status == Need.Status.DRAFT
    assert OutboxEntry.objects.count() == before


def test_editing_a_need_in_the_admin_is_audited_and_reindexed(
    world: World,
    admin_client: Client,
    operator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    need = world.need
    url = f"{NEEDS}{need.pk}/change/"
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _save(admin_client, url, title="Varmepumper i kommunale svømmehaller")
    # then
    assert answer.status_code == 302
    stored = Need.objects.get(pk=need.pk)
    assert (stored.title, stored.version) == ("Varmepumper i kommunale svømmehaller", 2)
    assert AuditEvent.objects.filter(
        actor=operator, action="changed", object_id=str(need.pk), data__fields=["title"]
    ).exists()
    assert _found(world, "svømmehaller", "need").get(need.pk) == stored.title


def test_an_edit_the_service_refuses_is_reported_and_saves_nothing(
    world: World, admin_client: Client
) -> None:
    # given: an unknown CPV code passes the form but not the service
    url = f"{NEEDS}{world.need.pk}/change/"
    before = AuditEvent.objects.count()
    # when
    answer = _save(admin_client, url, title="Endret tittel", cpv_codes='["99999999"]')
    # then
    assert answer.status_code == 302
    shown = admin_client.get(answer["Location"])
    assert _said(shown, "%(code)s is not a CPV code.", code="99999999")
    stored = Need.objects.get(pk=world.need.pk)
    assert stored.title == world.need.title and stored.cpv_codes == world.need.cpv_codes
    assert AuditEvent.objects.count() == before


def test_the_admin_adds_no_need_and_deletes_only_drafts_through_the_service(
    world: World, admin_client: Client, operator: User
) -> None:
    # when
    add = admin_client.get(f"{NEEDS}add/")
    delete_published = admin_client.get(f"{NEEDS}{world.need.pk}/delete/")
    deleted = admin_client.post(f"{NEEDS}{world.draft_need.pk}/delete/", {"post": "yes"})
    # then
    assert (add.status_code, delete_published.status_code, deleted.status_code) == (
        403,
        403,
        302,
    )
    assert not Need.objects.filter(pk=world.draft_need.pk).exists()
    assert AuditEvent.objects.filter(
        actor=operator, action="deleted", object_id=str(world.draft_need.pk)
    ).exists()


def test_staff_without_advisor_powers_cannot_write_past_the_rules(world: World) -> None:
    # given: a staff member with every permission, but no advisor and no member
    from django.contrib.auth.models import Permission

    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    client = Client()
    client.force_login(staff)
    # when
    _action(client, NEEDS, "need_unpublish", world.need)
    answer = _save(client, f"{NEEDS}{world.need.pk}/change/", title="Kapret tittel")
    # then
    assert answer.status_code == 302
    stored = Need.objects.get(pk=world.need.pk)
    assert (stored.status, stored.title) == (Need.Status.PUBLISHED, world.need.title)


# ------------------------------------------------------------------ solutions


def test_archiving_a_solution_in_the_admin_takes_it_out_of_search(
    world: World,
    admin_client: Client,
    operator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    solution = world.solution
    search_sync(entity="solution", ids=[solution.pk])
    assert solution.pk in _found(world, solution.title, "solution")
    page = admin_client.get(f"{SOLUTIONS}{solution.pk}/change/")
    # when
    with django_capture_on_commit_callbacks(execute=True):
        _action(admin_client, SOLUTIONS, "solution_archive", solution)
    # then
    assert "status" not in page.context["adminform"].form.fields
    assert Solution.objects.get(pk=solution.pk).status == Solution.Status.ARCHIVED
    assert AuditEvent.objects.filter(actor=operator, object_id=str(solution.pk)).exists()
    assert solution.pk not in _found(world, solution.title, "solution")


# ---------------------------------------------------------------- conferences


def test_a_conference_edited_in_the_admin_keeps_the_service_rules(
    world: World, admin_client: Client
) -> None:
    # given: Bergen's conference; Trondheim's need may not be linked to it
    conference = ConferenceFactory(organization=world.buyer_org, needs=[world.need])
    foreign = NeedFactory(organization=world.other_buyer_org)
    url = f"{CONFERENCES}{conference.pk}/change/"
    # when
    refused = _save(admin_client, url, needs=[world.need.pk, foreign.pk])
    allowed = _save(admin_client, url, title="Dialogkonferanse om velferdsteknologi")
    # then
    assert (refused.status_code, allowed.status_code) == (302, 302)
    stored = DialogueConference.objects.get(pk=conference.pk)
    assert list(stored.needs.values_list("pk", flat=True)) == [world.need.pk]
    assert stored.title == "Dialogkonferanse om velferdsteknologi"
    assert AuditEvent.objects.filter(action="changed", object_id=str(conference.pk)).count() == 1


def test_publishing_a_conference_in_the_admin_is_audited_and_indexed(
    world: World, admin_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    draft = ConferenceFactory(
        organization=world.buyer_org,
        status=DialogueConference.Status.DRAFT,
        title="Dialogkonferanse om gatelys",
        needs=[world.need],
    )
    # when
    with django_capture_on_commit_callbacks(execute=True):
        _action(admin_client, CONFERENCES, "conference_publish", draft)
    # then
    assert DialogueConference.objects.get(pk=draft.pk).status == "published"
    assert AuditEvent.objects.filter(action="published", object_id=str(draft.pk)).exists()
    assert _found(world, "gatelys", "conference").get(draft.pk) == draft.title


# -------------------------------------------------------------- organisations


def test_renaming_an_organisation_in_the_admin_refreshes_its_search_documents(
    world: World,
    admin_client: Client,
    operator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given: Bergen's published need is indexed under Bergen's name
    search_sync(entity="need", ids=[world.need.pk])
    url = f"{ORGANIZATIONS}{world.buyer_org.pk}/change/"
    page = admin_client.get(url)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        answer = _save(admin_client, url, name="Bjørgvin kommune")
    # then
    assert answer.status_code == 302
    assert "kind" not in page.context["adminform"].form.fields
    assert Organization.objects.get(pk=world.buyer_org.pk).name == "Bjørgvin kommune"
    assert AuditEvent.objects.filter(
        actor=operator, action="changed", object_type="accounts.organization"
    ).exists()
    hits = world.client("visitor").get("/api/search/", {"q": world.need.title}).json()
    names = {
        h["organization_name"]
        for h in hits["results"]
        if (h["type"], h["id"]) == ("need", world.need.pk)
    }
    assert names == {"Bjørgvin kommune"}


def test_an_invalid_organisation_number_in_the_admin_is_refused(
    world: World, admin_client: Client
) -> None:
    # when
    _save(admin_client, f"{ORGANIZATIONS}{world.buyer_org.pk}/change/", org_number="123456789")
    # then
    assert Organization.objects.get(pk=world.buyer_org.pk).org_number == world.buyer_org.org_number


# ------------------------------------------------------------------ responses


def test_the_response_admin_shows_no_body_and_changes_nothing(
    world: World, admin_client: Client
) -> None:
    # given
    response = world.response
    url = f"/admin/responses/response/{response.pk}/change/"
    # when
    page = admin_client.get(url)
    posted = admin_client.post(url, {"summary": "Overskrevet", "confidential": ""})
    listing = admin_client.get("/admin/responses/response/")
    # then
    assert page.status_code == 200
    assert response.body not in page.content.decode()
    assert response.body not in listing.content.decode()
    assert posted.status_code == 403
    assert type(response).objects.get(pk=response.pk).summary == response.summary
