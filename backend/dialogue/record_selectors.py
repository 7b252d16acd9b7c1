"""Reads of the equal-treatment record: a held meeting as its parties see it, its minutes,
who takes part in a need's dialogue, and the log of what was shared in it.

Who reads what:
- minutes: the buyer that held the meeting, the supplier it was with (once they are sent)
  and advisors; for anyone else the meeting's minutes do not exist (404);
- the log of what was shared: the need's buyers (owner and accepted co-buyers), advisors,
  and every supplier taking part in the need's dialogue.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from backend.accounts.models import Organization
from backend.accounts.selectors import user_is_advisor, user_org_ids
from backend.common.types import AnyUser
from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
    MeetingRequest,
    MeetingSlot,
    Registration,
    SharedInformation,
)
from backend.dialogue.ongoing_selectors import request_get
from backend.dialogue.selectors import PUBLIC, conference_get
from backend.needs.models import Need


@dataclass(frozen=True)
class Meeting:
    """A 1:1 meeting of the market dialogue as the record sees it: a booked slot at a
    conference, or an accepted meeting of a need's ongoing dialogue; who held it, with which
    supplier (None: nobody booked the slot), when, about which needs."""

    kind: str  # "slot" or "request"
    pk: int
    host: Organization
    supplier: Organization | None
    starts_at: datetime
    ends_at: datetime
    conference: DialogueConference | None
    need: Need | None
    need_ids: tuple[int, ...]
    minutes: MeetingMinutes | None
    meeting_type: str
    slot: MeetingSlot | None = None
    request: MeetingRequest | None = None


def _minutes_of(**of: object) -> MeetingMinutes | None:
    return MeetingMinutes.objects.filter(**of).select_related("supplier").first()


def _slot_meeting(slot: MeetingSlot, conference: DialogueConference) -> Meeting:
    minutes = _minutes_of(slot=slot)
    if minutes is not None:
        supplier: Organization | None = minutes.supplier
        starts, ends = minutes.meeting_starts_at, minutes.meeting_ends_at
    else:
        supplier, starts, ends = slot.booked_by, slot.starts_at, slot.ends_at
    return Meeting(
        kind="slot",
        pk=slot.pk,
        host=conference.organization,
        supplier=supplier,
        starts_at=starts,
        ends_at=ends,
        conference=conference,
        need=None,
        need_ids=tuple(conference.needs.values_list("pk", flat=True)),
        minutes=minutes,
        meeting_type=SharedInformation.MeetingType.ONE_TO_ONE,
        slot=slot,
    )


def meeting_get(*, user: AnyUser, slot_id: int) -> Meeting:
    """The 1:1 meeting for its host, an advisor or the supplier it is with; for anyone else
    it does not exist (who booked a meeting is theirs alone)."""
    slot = MeetingSlot.objects.select_related("booked_by").filter(pk=slot_id).first()
    if slot is None:
        raise Http404
    conference = conference_get(user=user, conference_id=slot.conference_id)
    meeting = _slot_meeting(slot, conference)
    if not meeting_party(user=user, meeting=meeting):
        raise Http404
    return meeting


def request_meeting_get(*, user: AnyUser, request_id: int) -> Meeting:
    """An accepted meeting of a need's ongoing dialogue, for its parties and advisors; a
    request that is not (or no longer) a meeting has no record."""
    request = request_get(user=user, request_id=request_id)
    minutes = _minutes_of(request=request)
    held = request.status == MeetingRequest.Status.ACCEPTED or minutes is not None
    if not held or request.starts_at is None or request.ends_at is None:
        raise Http404
    need = request.dialogue.need
    return Meeting(
        kind="request",
        pk=request.pk,
        host=need.organization,
        supplier=request.organization,
        starts_at=minutes.meeting_starts_at if minutes else request.starts_at,
        ends_at=minutes.meeting_ends_at if minutes else request.ends_at,
        conference=None,
        need=need,
        need_ids=(need.pk,),
        minutes=minutes,
        meeting_type=SharedInformation.MeetingType.ONGOING,
        request=request,
    )


def meeting_party(*, user: AnyUser, meeting: Meeting) -> bool:
    """Whether the user is the meeting's host, its supplier or an advisor."""
    if user_is_advisor(user):
        return True
    own = user_org_ids(user)
    supplier = meeting.supplier.pk if meeting.supplier else None
    return meeting.host.pk in own or supplier in own


def user_hosts_meeting(*, user: AnyUser, meeting: Meeting) -> bool:
    return meeting.host.pk in user_org_ids(user)


def minutes_readable(*, user: AnyUser, meeting: Meeting) -> bool:
    """The host and advisors read the minutes as they are; the supplier once they are sent."""
    if user_is_advisor(user) or user_hosts_meeting(user=user, meeting=meeting):
        return True
    return meeting.minutes is not None and meeting.minutes.sent_at is not None


# ---------------------------------------------------------------------------- the log


def dialogue_participant_ids(*, need_ids: Iterable[int]) -> set[int]:
    """The supplier organisations taking part in the dialogue on any of the needs: registered
    for one of their announced conferences, or having asked for a meeting in their ongoing
    dialogue (everyone who hears what one heard)."""
    ids = list(need_ids)
    registered = Registration.objects.filter(
        conference__needs__in=ids, conference__status__in=PUBLIC
    ).values_list("organization_id", flat=True)
    asked = MeetingRequest.objects.filter(dialogue__need__in=ids).values_list(
        "organization_id", flat=True
    )
    return set(registered) | set(asked)


def _buyer_side(user: AnyUser, need: Need) -> bool:
    own = user_org_ids(user)
    return need.organization_id in own or need.co_buyers.filter(pk__in=own).exists()


def shared_log_readable(*, user: AnyUser, need: Need) -> bool:
    if user_is_advisor(user) or _buyer_side(user, need):
        return True
    return bool(user_org_ids(user) & dialogue_participant_ids(need_ids=[need.pk]))


def check_shared_log_reader(*, user: AnyUser, need: Need) -> None:
    if not shared_log_readable(user=user, need=need):
        raise PermissionDenied(
            _(
                "What the buyer shared in the dialogue is published to the suppliers taking part "
                "in it: register for one of the need's dialogue conferences to read it."
            )
        )


def shared_log(*, user: AnyUser, need: Need) -> QuerySet[SharedInformation]:
    """What was shared in the dialogue on a visible need, newest first, for those who read it
    (the caller has checked that the user may see the need)."""
    check_shared_log_reader(user=user, need=need)
    on_conferences = DialogueConference.objects.filter(needs=need, status__in=PUBLIC)
    return (
        SharedInformation.objects.filter(Q(need=need) | Q(conference__in=on_conferences))
        .select_related("conference")
        .order_by("-created_at", "-id")
    )


def conference_shared_log(
    *, user: AnyUser, conference: DialogueConference
) -> QuerySet[SharedInformation]:
    """What was shared at a conference and its 1:1 meetings: for its host, advisors and its
    registered suppliers (a visible conference: the caller fetched it through
    conference_get)."""
    own = user_org_ids(user)
    readers = {conference.organization_id} | set(
        conference.registrations.values_list("organization_id", flat=True)
    )
    if not user_is_advisor(user) and not own & readers:
        return SharedInformation.objects.none()
    return conference.shared_information.select_related("conference").order_by("-created_at", "-id")


def meeting_shared(*, meeting: Meeting) -> QuerySet[SharedInformation]:
    if meeting.minutes is None:
        return SharedInformation.objects.none()
    return meeting.minutes.shared.select_related("conference").order_by("-created_at", "-id")
