from django.db.models import Q, QuerySet
from django.http import Http404

from backend.accounts.selectors import user_is_advisor, user_supplier_org_ids
from backend.common.types import AnyUser
from backend.solutions.models import Solution


def solution_list(*, user: AnyUser) -> QuerySet[Solution]:
    qs = Solution.objects.select_related("organization")
    if user_is_advisor(user):
        return qs
    q = Q(status=Solution.Status.PUBLISHED)
    orgs = user_supplier_org_ids(user)
    if orgs:
        q |= Q(organization_id__in=orgs)
    return qs.filter(q)


def solution_get(*, user: AnyUser, solution_id: int) -> Solution:
    solution = solution_list(user=user).filter(pk=solution_id).first()
    if solution is None:
        raise Http404
    return solution
