"""Reads of a need's ongoing dialogue. That it is open, its capacity, where meetings are held
and what the buyer wants to talk about are public with the need; the requests are the
buyer's and each supplier's own (the buyer and advisors see them all, a supplier its own;
for anyone else a request does not exist)."""

from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from backend.accounts.selectors import user_is_advisor, user_org_ids, user_supplier_org_ids
from backend.common.types import AnyUser
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.needs.models import Need
from backend.needs.selectors import need_get


def ongoing_of(*, need: Need) -> OngoingDialogue | None:
    return OngoingDialogue.objects.filter(need=need).first()


def user_hosts_ongoing(*, user: AnyUser, dialogue: OngoingDialogue) -> bool:
    return dialogue.need.organization_id in user_org_ids(user)


def request_list(*, user: AnyUser, dialogue: OngoingDialogue) -> QuerySet[MeetingRequest]:
    qs = dialogue.requests.select_related("organization", "dialogue__need").order_by(
        "created_at", "id"
    )
    if user_is_advisor(user) or user_hosts_ongoing(user=user, dialogue=dialogue):
        return qs
    return qs.filter(organization_id__in=user_supplier_org_ids(user))


def request_get(*, user: AnyUser, request_id: int) -> MeetingRequest:
    """A request its parties or an advisor may see; for anyone else it does not exist."""
    found = (
        MeetingRequest.objects.select_related("dialogue__need__organization", "organization")
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise Http404
    need_get(user=user, need_id=found.dialogue.need_id)
    if not request_list(user=user, dialogue=found.dialogue).filter(pk=request_id).exists():
        raise Http404
    return found


def request_meeting_times(request: MeetingRequest) -> tuple[datetime, datetime] | None:
    """The start and end of the meeting a request was accepted for (None: it has no time,
    never accepted)."""
    if request.starts_at is None or request.ends_at is None:
        return None
    return request.starts_at, request.ends_at
