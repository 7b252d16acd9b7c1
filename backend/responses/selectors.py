"""Responses are confidential: visible to the supplier that wrote it, the buyer
organisation(s) of the need, and advisors. Anyone else gets 404, not 403."""

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.accounts.policy import Act
from backend.accounts.selectors import (
    user_is_advisor,
    user_org_ids_that_may,
    user_supplier_org_ids,
)
from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.responses.models import Response


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
