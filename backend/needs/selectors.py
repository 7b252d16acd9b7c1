"""Reads of needs, always scoped to what the user may see."""

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.accounts.models import Decision
from backend.accounts.policy import Act, org_may
from backend.accounts.selectors import (
    user_buyer_org_ids,
    user_is_advisor,
    user_org_ids,
    user_org_ids_that_may,
)
from backend.common.types import AnyUser
from backend.needs.models import CoBuyerRequest, Need

PUBLIC = (Need.Status.PUBLISHED, Need.Status.CLOSED)


def need_visibility_q(user: AnyUser) -> Q:
    if user_is_advisor(user):
        return Q()
    q = Q(status__in=PUBLIC)
    orgs = user_buyer_org_ids(user)
    if orgs:
        # A subquery, not a join over co_buyers: no duplicate rows, so lists need no DISTINCT
        # (which at volume counted and sorted every visible need by all its columns).
        co_bought = Need.co_buyers.through.objects.filter(organization_id__in=orgs)
        q |= Q(organization_id__in=orgs) | Q(pk__in=co_bought.values("need_id"))
    return q


def user_edits_need(*, user: AnyUser, need: Need) -> bool:
    """Members of the owning organisation and advisors edit a need (services.check_can_edit)."""
    return user_is_advisor(user) or need.organization_id in user_org_ids(user)


def user_may_publish(*, user: AnyUser, need: Need) -> bool:
    """A draft its editor may publish now: its organisation is allowed to (policy.py)."""
    org = need.organization
    allowed = org_may(kind=org.kind, verified=org.verified, act=Act.PUBLISH_NEED)
    return need.status == Need.Status.DRAFT and allowed and user_edits_need(user=user, need=need)


def user_reads_responses_to(*, user: AnyUser, need: Need) -> bool:
    """Whether `user` reads the responses to `need`: an advisor, or a member of its buyer or of
    an accepted co-buyer that may read responses (policy.py), as the responses selector rules."""
    if user_is_advisor(user):
        return True
    if not user.is_authenticated:
        return False
    readers = set(user_org_ids_that_may(user, Act.READ_RESPONSES))
    buyers = {need.organization_id, *(org.pk for org in need.co_buyers.all())}
    return bool(readers & buyers)


def need_list(*, user: AnyUser) -> QuerySet[Need]:
    return (
        Need.objects.filter(need_visibility_q(user))
        .select_related("organization", "pilot")
        .prefetch_related("co_buyers")
    )


def need_get(*, user: AnyUser, need_id: int) -> Need:
    """The need if the user may see it; 404 otherwise (a draft's existence is private)."""
    need = need_list(user=user).filter(pk=need_id).first()
    if need is None:
        raise Http404
    return need


def need_visible(*, user: AnyUser, need: Need) -> bool:
    """Whether the user may see the need (no query for a public one)."""
    return need.is_public or need_list(user=user).filter(pk=need.pk).exists()


def need_seeks_pilot(need: Need) -> bool:
    """Whether the need asks for a pilot (backend/pilots); read with need_list's join."""
    pilot = getattr(need, "pilot", None)  # a missing one-to-one row raises AttributeError
    return bool(pilot is not None and pilot.seeking)


def need_has_pilot(need: Need) -> bool:
    """Whether the need has a pilot (wanted, running or done; read with need_list's join)."""
    return hasattr(need, "pilot")


def need_has_ongoing_dialogue(need: Need) -> bool:
    """Whether the buyer has opened ongoing dialogue on the need (open or closed since)."""
    return hasattr(need, "ongoing_dialogue")


def need_buyer_org_ids(need: Need) -> set[int]:
    """The owning organisation and the co-buyers: who reads the need's responses."""
    return {need.organization_id, *(o.pk for o in need.co_buyers.all())}


def user_owns_need(*, user: AnyUser, need: Need) -> bool:
    return need.organization_id in user_buyer_org_ids(user)


def pending_co_buyer_requests(*, need: Need) -> QuerySet[CoBuyerRequest]:
    return need.co_buyer_requests.filter(status=Decision.PENDING).select_related("organization")


def co_buyer_request_list(*, user: AnyUser) -> QuerySet[CoBuyerRequest]:
    """Requests to the user's buyer organisations, and from them (their needs)."""
    orgs = user_buyer_org_ids(user)
    return (
        CoBuyerRequest.objects.filter(
            Q(organization_id__in=orgs) | Q(need__organization_id__in=orgs)
        )
        .select_related("need", "need__organization", "organization")
        .distinct()
    )


def co_buyer_request_get(*, user: AnyUser, request_id: int) -> CoBuyerRequest:
    request = co_buyer_request_list(user=user).filter(pk=request_id).first()
    if request is None:
        raise Http404
    return request
