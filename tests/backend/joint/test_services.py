"""Joint procurement: the flow from an invitation to a group, and every refused step, which
changes nothing and says why."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from backend.audit.models import AuditEvent
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.joint.selectors import group_list, group_volume, joint_procurement_counts
from backend.joint.services import (
    group_dissolve,
    group_hand_over,
    group_invite,
    group_update,
    membership_answer,
    membership_leave,
)
from backend.needs.models import Need
from backend.notifications.models import Notification, NotificationKind
from tests.backend.joint.conftest import Trio
from tests.factories import MembershipFactory, NeedFactory, OrganizationFactory
from tests.factories.joint import similar_pair

State = GroupMembership.State


def _snapshot() -> tuple[int, int, int, int]:
    return (
        ProcurementGroup.objects.count(),
        GroupMembership.objects.count(),
        AuditEvent.objects.count(),
        Notification.objects.count(),
    )


def _active_group(trio: Trio) -> ProcurementGroup:
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    membership_answer(user=trio.askoy_user, membership=invitation, accept=True)
    return invitation.group


def test_an_invitation_starts_a_group_led_by_the_inviter_and_tells_the_invited_buyer(
    trio: Trio,
) -> None:
    # when
    invitation = group_invite(
        user=trio.bergen_user,
        need=trio.bergen_need,
        other_need=trio.askoy_need,
        message="  Skal vi gå sammen om nattilsynet?  ",
    )
    # then
    group = invitation.group
    assert (group.status, group.lead_organization, group.lead_need) == (
        ProcurementGroup.Status.FORMING,
        trio.bergen,
        trio.bergen_need,
    )
    assert (group.title, group.description) == (
        trio.bergen_need.title,
        trio.bergen_need.description,
    )
    assert (invitation.state, invitation.message) == (
        State.INVITED,
        "Skal vi gå sammen om nattilsynet?",
    )
    assert group.members.get(need=trio.bergen_need).state == State.ACCEPTED
    told = Notification.objects.get(user=trio.askoy_user)
    assert told.kind == NotificationKind.JOINT_INVITATION
    assert told.link == f"/joint/invitations/{invitation.pk}"
    assert "Bergen kommune" in told.title
    actions = set(AuditEvent.objects.values_list("object_type", "action"))
    assert {("joint.procurementgroup", "created"), ("joint.groupmembership", "invited")} <= actions


def test_accepting_activates_the_group_and_tells_the_lead(trio: Trio) -> None:
    # given
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    # when
    membership_answer(user=trio.askoy_user, membership=invitation, accept=True)
    # then
    invitation.refresh_from_db()
    assert invitation.state == State.ACCEPTED
    assert invitation.group.status == ProcurementGroup.Status.ACTIVE
    told = Notification.objects.get(user=trio.bergen_user)
    assert (told.kind, told.link) == (
        NotificationKind.JOINT_ANSWERED,
        f"/needs/{trio.bergen_need.pk}",
    )
    assert "Askøy kommune ble med" in told.title
    assert AuditEvent.objects.filter(object_id=str(invitation.pk), action="approved").exists()


def test_declining_keeps_the_group_forming_and_tells_the_lead(trio: Trio) -> None:
    # given
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    # when
    membership_answer(user=trio.askoy_user, membership=invitation, accept=False)
    # then
    invitation.refresh_from_db()
    assert (invitation.state, invitation.group.status) == (
        State.DECLINED,
        ProcurementGroup.Status.FORMING,
    )
    assert "takket nei" in Notification.objects.get(user=trio.bergen_user).title


def test_the_lead_invites_a_third_buyer_into_the_same_group(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    # when
    third = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.oygarden_need
    )
    membership_answer(user=trio.oygarden_user, membership=third, accept=True)
    # then
    assert third.group == group
    assert ProcurementGroup.objects.count() == 1
    volume = group_volume(group=group_list(user=trio.bergen_user).get(pk=group.pk))
    assert volume == {"users": 550, "budget_min": 2_300_000, "budget_max": 5_500_000}
    assert joint_procurement_counts() == {
        "groups_active": 1,
        "groups_forming": 0,
        "needs_in_groups": 3,
        "buyers_in_groups": 3,
    }


def test_the_lead_edits_the_shared_text_and_combined_volume(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    # when
    group_update(
        user=trio.bergen_user,
        group=group,
        data={"title": "Felles digitalt nattilsyn", "combined_users": 520},
    )
    # then
    group.refresh_from_db()
    assert (group.title, group.combined_users) == ("Felles digitalt nattilsyn", 520)
    assert AuditEvent.objects.filter(
        object_type="joint.procurementgroup", action="changed"
    ).exists()


def test_a_member_that_is_not_the_lead_cannot_edit(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    before = _snapshot()
    # when / then
    with pytest.raises(PermissionDenied, match="not a member of Bergen kommune"):
        group_update(user=trio.askoy_user, group=group, data={"title": "Askøys tekst"})
    group.refresh_from_db()
    assert group.title == trio.bergen_need.title
    assert _snapshot() == before


def test_the_lead_hands_over_and_the_new_lead_edits(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    askoy_membership = group.members.get(organization=trio.askoy)
    # when
    group_hand_over(user=trio.bergen_user, group=group, membership=askoy_membership)
    group_update(user=trio.askoy_user, group=group, data={"combined_budget": 5_000_000})
    # then
    group.refresh_from_db()
    assert (group.lead_organization, group.lead_need, group.combined_budget) == (
        trio.askoy,
        trio.askoy_need,
        5_000_000,
    )
    told = Notification.objects.filter(user=trio.bergen_user, kind=NotificationKind.JOINT_CHANGED)
    assert told.count() == 1


def test_a_member_leaves_and_the_group_forms_again(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    askoy_membership = group.members.get(organization=trio.askoy)
    # when
    membership_leave(user=trio.askoy_user, membership=askoy_membership)
    # then
    askoy_membership.refresh_from_db()
    group.refresh_from_db()
    assert (askoy_membership.state, group.status) == (State.LEFT, ProcurementGroup.Status.FORMING)
    assert "gikk ut" in Notification.objects.filter(user=trio.bergen_user).first().title  # type: ignore[union-attr]


def test_the_lead_cannot_leave(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    before = _snapshot()
    # when / then
    with pytest.raises(ValidationError, match="hand the lead over"):
        membership_leave(
            user=trio.bergen_user, membership=group.members.get(organization=trio.bergen)
        )
    assert _snapshot() == before


def test_dissolving_frees_the_needs_and_closes_open_invitations(trio: Trio) -> None:
    # given
    group = _active_group(trio)
    pending = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.oygarden_need
    )
    # when
    group_dissolve(user=trio.bergen_user, group=group)
    # then
    with pytest.raises(ValidationError, match="dissolved"):
        membership_answer(user=trio.oygarden_user, membership=pending, accept=True)
    fresh = group_invite(user=trio.askoy_user, need=trio.askoy_need, other_need=trio.oygarden_need)
    assert fresh.group != group
    assert joint_procurement_counts()["groups_active"] == 0


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("own organisation's need", "your own organisation's need"),
        ("other need is a draft", "is not published"),
        ("other need closed", "is not published"),
        ("own need closed", "is not published"),
        ("not a suggested pair", "not among the similar needs"),
        ("other buyer unverified", "until an advisor has verified it"),
        ("already in a group", "already in a joint procurement"),
        ("already invited", "already been invited"),
    ],
)
def test_a_refused_invitation_changes_nothing_and_says_why(
    trio: Trio, case: str, message: str
) -> None:
    # given
    need, other = trio.bergen_need, trio.askoy_need
    if case == "own organisation's need":
        other = NeedFactory(organization=trio.bergen)
        similar_pair(need, other)
    elif case == "other need is a draft":
        other.status = Need.Status.DRAFT
        other.save()
    elif case in ("other need closed", "own need closed"):
        closed = other if case == "other need closed" else need
        closed.status = Need.Status.CLOSED
        closed.save()
    elif case == "not a suggested pair":
        other = NeedFactory(organization=trio.askoy)
    elif case == "other buyer unverified":
        unverified = OrganizationFactory(name="Fjell kommune", verified=False)
        other = NeedFactory(organization=unverified)
        similar_pair(need, other)
    elif case == "already in a group":
        _active_group(trio)
        need, other = trio.oygarden_need, trio.askoy_need
    else:
        group_invite(user=trio.bergen_user, need=need, other_need=other)
    user = trio.oygarden_user if case == "already in a group" else trio.bergen_user
    before = _snapshot()
    # when / then
    with pytest.raises(ValidationError, match=message):
        group_invite(user=user, need=need, other_need=other)
    assert _snapshot() == before


def test_only_the_needs_buyer_invites(trio: Trio) -> None:
    # given
    before = _snapshot()
    # when / then
    with pytest.raises(PermissionDenied, match="not a member of Bergen kommune"):
        group_invite(user=trio.askoy_user, need=trio.bergen_need, other_need=trio.oygarden_need)
    assert _snapshot() == before


def test_a_supplier_cannot_be_invited(trio: Trio) -> None:
    # given
    supplier = OrganizationFactory(name="Nattvakt AS", kind="supplier")
    supplier_need = NeedFactory(organization=supplier)
    similar_pair(trio.bergen_need, supplier_need)
    before = _snapshot()
    # when / then
    with pytest.raises(ValidationError, match="Nattvakt AS is not a public buyer"):
        group_invite(user=trio.bergen_user, need=trio.bergen_need, other_need=supplier_need)
    assert _snapshot() == before


def test_a_member_of_another_group_invites_only_as_its_lead(trio: Trio) -> None:
    # given
    _active_group(trio)
    before = _snapshot()
    # when / then
    with pytest.raises(PermissionDenied, match="Only the lead buyer, Bergen kommune"):
        group_invite(user=trio.askoy_user, need=trio.askoy_need, other_need=trio.oygarden_need)
    assert _snapshot() == before


@pytest.mark.parametrize("case", ["another buyer", "answered", "need closed", "need in a group"])
def test_a_refused_answer_changes_nothing(trio: Trio, case: str) -> None:
    # given
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    user = trio.askoy_user
    expected: type[Exception] = ValidationError
    if case == "another buyer":
        user = trio.oygarden_user
        expected = PermissionDenied
    elif case == "answered":
        membership_answer(user=trio.askoy_user, membership=invitation, accept=False)
    elif case == "need closed":
        Need.objects.filter(pk=trio.askoy_need.pk).update(status=Need.Status.CLOSED)
    else:
        other = group_invite(
            user=trio.oygarden_user, need=trio.oygarden_need, other_need=trio.askoy_need
        )
        membership_answer(user=trio.askoy_user, membership=other, accept=True)
    before = _snapshot()
    # when / then
    with pytest.raises(expected):
        membership_answer(user=user, membership=invitation, accept=True)
    assert _snapshot() == before


def test_a_second_member_of_the_invited_buyer_may_answer(trio: Trio) -> None:
    # given
    colleague = MembershipFactory(organization=trio.askoy).user
    invitation = group_invite(
        user=trio.bergen_user, need=trio.bergen_need, other_need=trio.askoy_need
    )
    # when
    membership_answer(user=colleague, membership=invitation, accept=True)
    # then
    invitation.refresh_from_db()
    assert invitation.decided_by == colleague
