"""Responses are confidential: visible to the supplier that wrote it, the buyer
organisation(s) of the need, and advisors. Anyone else gets 404, not 403."""

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.accounts.models import Organization
from backend.accounts.policy import Act
from backend.accounts.selectors import (
    user_is_advisor,
    user_org_ids,
    user_org_ids_that_may,
    user_supplier_org_ids,
)
from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.responses.models import Response, ResponseRead


def response_list(*, user: AnyUser) -> QuerySet[Response]:
    qs = Response.objects.select_related("need", "need__organization", "organization", "author")
    if user_is_advisor(user):
        return qs
    if not user.is_authenticated:
        return qs.none()
    # An unverified public buyer reads no responses, not even to its own needs (policy.py).
    buyer_orgs = user_org_ids_that_may(user, Act.READ_RESPONSES)
    q = Q(organization_id__in=user_supplier_org_ids(user))
    if buyer_orgs:
        q |= Q(need__organization_id__in=buyer_orgs) | Q(need__co_buyers__in=buyer_orgs)
    return qs.filter(q).distinct()


def response_get(*, user: AnyUser, response_id: int) -> Response:
    response = response_list(user=user).filter(pk=response_id).first()
    if response is None:
        raise Http404
    return response


def response_list_for_need(*, user: AnyUser, need: Need) -> QuerySet[Response]:
    return response_list(user=user).filter(need=need)


# The access log ---------------------------------------------------------------------------


def _co_buyer_orgs(*, need_ids: set[int], org_ids: set[int]) -> dict[int, set[int]]:
    """need id → those of `org_ids` that are accepted co-buyers of it (one query)."""
    rows = Need.co_buyers.through.objects.filter(
        need_id__in=need_ids, organization_id__in=org_ids
    ).values_list("need_id", "organization_id")
    out: dict[int, set[int]] = {}
    for need_id, org_id in rows:
        out.setdefault(need_id, set()).add(org_id)
    return out


def reader_organizations(*, user: AnyUser, responses: list[Response]) -> dict[int, int]:
    """response id → the organisation through which `user` reads it: the need's buyer, an
    accepted co-buyer, or the advisory organisation. Operators without one are left out."""
    buyer_orgs = user_org_ids_that_may(user, Act.READ_RESPONSES)
    advisory = sorted(user_org_ids_that_may(user, Act.ADVISE))
    co_buyers = _co_buyer_orgs(need_ids={r.need_id for r in responses}, org_ids=buyer_orgs)
    out: dict[int, int] = {}
    for r in responses:
        need_org = r.need.organization_id
        via_co_buyer = sorted(co_buyers.get(r.need_id, ()))
        if need_org in buyer_orgs:
            out[r.pk] = need_org
        elif via_co_buyer:
            out[r.pk] = via_co_buyer[0]
        elif advisory:
            out[r.pk] = advisory[0]
    return out


def _owner_q(user: AnyUser) -> Q:
    """Responses whose access log `user` may see: written by one of their organisations, or
    sent to a need of which one of their organisations is a buyer that reads responses."""
    q = Q(organization_id__in=user_org_ids(user))
    buyer_orgs = user_org_ids_that_may(user, Act.READ_RESPONSES)
    if buyer_orgs:
        q |= Q(need__organization_id__in=buyer_orgs) | Q(need__co_buyers__in=buyer_orgs)
    return q


def response_reads(*, user: AnyUser, response_id: int) -> QuerySet[ResponseRead]:
    """Who read a response. Only its owners (the supplier, the need's buyers) see this; for
    anyone else the response does not exist (404), advisors included."""
    if not user_org_ids(user):
        raise Http404
    owned = Response.objects.filter(_owner_q(user), pk=response_id)
    if not owned.exists():
        raise Http404
    return ResponseRead.objects.filter(response_id=response_id).select_related(
        "reader", "organization"
    )


def organization_response_reads(
    *, user: AnyUser, organization: Organization
) -> QuerySet[ResponseRead]:
    """Every read of the responses an organisation wrote or received (as buyer or co-buyer
    of the need). Its members only; for anyone else the organisation's log does not exist."""
    if organization.pk not in user_org_ids(user):
        raise Http404
    q = Q(response__organization=organization)
    if organization.pk in user_org_ids_that_may(user, Act.READ_RESPONSES):
        q |= Q(response__need__organization=organization) | Q(
            response__need__co_buyers=organization
        )
    return (
        ResponseRead.objects.filter(q)
        .distinct()
        .select_related("reader", "organization", "response__need__organization")
    )
