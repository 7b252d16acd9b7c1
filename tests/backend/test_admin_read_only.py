"""The admin's read-only pages (joint procurement groups, pilots, research partnerships): an
operator reads them, and no add, edit or delete gets through, whatever is posted."""

import pytest
from django.test import Client

from backend.joint.models import GroupMembership, ProcurementGroup
from backend.pilots.models import Pilot
from tests.factories import UserFactory
from tests.factories.joint import GroupMembershipFactory
from tests.factories.pilots import MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_operator_reads_a_joint_procurement_group_with_its_members(operator: Client) -> None:
    # given
    member = GroupMembershipFactory(group__title="Felles innkjøp av digitalt nattilsyn")
    group = member.group
    # when
    listing = operator.get("/admin/joint/procurementgroup/")
    page = operator.get(f"/admin/joint/procurementgroup/{group.pk}/change/")
    # then
    assert listing.status_code == 200 and "Felles innkjøp av digitalt nattilsyn" in listing.text
    assert page.status_code == 200
    assert member.organization.name in page.text
    assert 'name="_save"' not in page.text


def test_no_admin_write_changes_a_group_a_membership_or_a_pilot(operator: Client) -> None:
    # given
    member = GroupMembershipFactory(state=GroupMembership.State.INVITED)
    group = member.group
    pilot = MeasureFactory().pilot
    title, state, status = group.title, member.state, pilot.status
    # when: edits, additions and deletions posted straight to the admin's URLs
    answers = [
        operator.post(f"/admin/joint/procurementgroup/{group.pk}/change/", {"title": "Endret"}),
        operator.post("/admin/joint/procurementgroup/add/", {"title": "Ny"}),
        operator.post(f"/admin/joint/procurementgroup/{group.pk}/delete/", {"post": "yes"}),
        operator.post(f"/admin/joint/groupmembership/{member.pk}/change/", {"state": "accepted"}),
        operator.post(f"/admin/pilots/pilot/{pilot.pk}/change/", {"status": "completed"}),
        operator.post(f"/admin/pilots/pilot/{pilot.pk}/delete/", {"post": "yes"}),
    ]
    # then: each refused, nothing changed
    assert [a.status_code for a in answers] == [403] * len(answers)
    group.refresh_from_db()
    member.refresh_from_db()
    pilot.refresh_from_db()
    assert (group.title, member.state, pilot.status) == (title, state, status)
    assert ProcurementGroup.objects.count() == 1 and Pilot.objects.count() == 1


def test_an_operator_reads_a_pilot_with_its_measures(operator: Client) -> None:
    # given
    measure = MeasureFactory(name="Fall med skade per måned")
    # when
    page = operator.get(f"/admin/pilots/pilot/{measure.pilot.pk}/change/")
    # then
    assert page.status_code == 200 and "Fall med skade per måned" in page.text
