"""Cases (issue 14): a draft case, its lessons and its gains never show to anyone but its
buyer's organisation and advisors, through any path of the case library (list, detail, the
gain-type filter, search and its facets, a need's suggestions and case link, reuse), and a
published case never shows the draft need it was made from."""

import pytest
from django.test import override_settings

from tests.backend.conftest import World, reindex
from tests.factories import NeedFactory
from tests.factories.cases import CaseFactory, GainFactory

pytestmark = pytest.mark.django_db

DRAFT_CASE = "zqdraftcase"
DRAFT_LESSON = "zqdraftlesson"
DRAFT_GAIN = "zqdraftgain"
HIDDEN_NEED = "zqhiddenneed"
INSIDERS = {"buyer", "advisor"}
ROLES = ("visitor", "buyer", "other_buyer", "supplier", "advisor")


def _scene(w: World) -> dict[str, int]:
    need = NeedFactory(organization=w.buyer_org, stage="kontrakt", title="Fallvarsling")
    draft = CaseFactory(
        need=need,
        title=f"Fallvarsling utkast {DRAFT_CASE}",
        lessons=DRAFT_LESSON,
        status="draft",
        published_at=None,
    )
    GainFactory(case=draft, description=DRAFT_GAIN, type="other", unit="count")
    # A published case whose need went back to draft: the case shows, the need's title not.
    hidden = NeedFactory(
        organization=w.buyer_org, stage="kontrakt", title=f"Alarm {HIDDEN_NEED}", status="closed"
    )
    public = GainFactory(case=CaseFactory(need=hidden, title="Trygghetsalarm med fallsensor")).case
    hidden.status, hidden.published_at = "draft", None
    hidden.save()
    other = NeedFactory(organization=w.other_buyer_org, title="Fallvarsling utkast alarm")
    reindex()
    return {"draft": draft.pk, "public": public.pk, "need": need.pk, "other": other.pk}


def _paths(ids: dict[str, int]) -> list[str]:
    return [
        "/api/cases/",
        "/api/cases/?gain_type=other",
        "/api/cases/?status=draft",
        f"/api/cases/{ids['draft']}/",
        f"/api/cases/{ids['public']}/",
        f"/api/needs/{ids['need']}/case-link/",
        f"/api/needs/{ids['other']}/case-link/",
        f"/api/needs/{ids['other']}/case-suggestions/",
        "/api/search/?q=fallvarsling+utkast&type=case&facet=gain_type",
        "/api/search/?type=case&facet=gain_type&facet=kind",
        "/api/search/autocomplete/?q=fallvarsling+utk",
    ]


@pytest.mark.parametrize("role", ROLES)
@override_settings(CASE_SUGGESTION_FLOOR=-1.0)
def test_a_draft_case_shows_on_no_path_to_outsiders(world: World, role: str) -> None:
    # given a draft case with a lesson and a gain, and a published case of a draft need
    ids = _scene(world)
    client = world.client(role)
    # when the role reads every path of the case library
    bodies = {p: client.get(p) for p in _paths(ids)}
    # then none answers with a server error
    assert {p: r.status_code for p, r in bodies.items() if r.status_code >= 500} == {}
    text = {p: r.content.decode() for p, r in bodies.items()}
    # and the draft's markers show only to insiders
    markers = (DRAFT_CASE, DRAFT_LESSON, DRAFT_GAIN)
    leaked = {p for p, t in text.items() if any(m in t for m in markers)}
    if role in INSIDERS:
        assert f"/api/cases/{ids['draft']}/" in leaked
    else:
        assert leaked == set()
    # and the draft need behind a published case shows to nobody but its buyer and advisors
    needs_leak = {p for p, t in text.items() if HIDDEN_NEED in t}
    assert (needs_leak == set()) is (role not in INSIDERS)


@pytest.mark.parametrize("role", ["visitor", "other_buyer", "supplier"])
def test_outsiders_cannot_change_or_reuse_a_draft_case(world: World, role: str) -> None:
    ids = _scene(world)
    client = world.client(role)
    draft = ids["draft"]
    answers = [
        client.patch(f"/api/cases/{draft}/", {"lessons": "x"}, format="json").status_code,
        client.post(f"/api/cases/{draft}/publish/").status_code,
        client.post(f"/api/cases/{draft}/unpublish/").status_code,
        client.post(
            f"/api/cases/{draft}/reuse/", {"organization": world.other_buyer_org.pk}
        ).status_code,
        client.delete(f"/api/cases/{draft}/").status_code,
    ]
    # a visitor is asked to log in on the writes that need it; the others learn nothing
    assert set(answers) <= {401, 403, 404}
    assert 200 not in answers and 204 not in answers


@pytest.mark.parametrize("role", ["other_buyer", "supplier"])
def test_outsiders_cannot_change_a_published_case(world: World, role: str) -> None:
    ids = _scene(world)
    client = world.client(role)
    public = ids["public"]
    assert client.patch(f"/api/cases/{public}/", {"lessons": "x"}, format="json").status_code == 403
    assert client.post(f"/api/cases/{public}/unpublish/").status_code == 403
    assert client.delete(f"/api/cases/{public}/").status_code == 403
