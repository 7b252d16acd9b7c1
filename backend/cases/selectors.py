"""Reads of cases, always scoped to what the user may see: published cases are public;
drafts are seen by the buyer's organisation and advisors."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from backend.accounts.policy import Act
from backend.accounts.selectors import user_is_advisor, user_org_ids, user_org_ids_that_may
from backend.cases.models import CASE_STAGES, Case, CaseReuse, Gain
from backend.common.types import AnyUser
from backend.needs.models import Need


def case_visibility_q(user: AnyUser) -> Q:
    if user_is_advisor(user):
        return Q()
    q = Q(status=Case.Status.PUBLISHED)
    orgs = user_org_ids(user)
    if orgs:
        q |= Q(organization_id__in=orgs)
    return q


def case_list(*, user: AnyUser) -> QuerySet[Case]:
    """The cases `user` may see, with what a list shows (organisation, gains, reuse count)."""
    return (
        Case.objects.filter(case_visibility_q(user))
        .select_related("organization")
        .prefetch_related("gains", "suppliers")
        .annotate(reuse_count=Count("reuses", distinct=True))
        .order_by("-published_at", "-created_at", "-pk")
    )


def case_get(*, user: AnyUser, case_id: int) -> Case:
    """The case if the user may see it; 404 otherwise (a draft's existence is private)."""
    case = (
        case_list(user=user)
        .select_related("need")
        .prefetch_related(
            Prefetch(
                "reuses",
                queryset=CaseReuse.objects.select_related("organization").order_by("created_at"),
            )
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def user_edits_case(*, user: AnyUser, case: Case) -> bool:
    return user_is_advisor(user) or case.organization_id in user_org_ids(user)


def need_may_become_case(need: Need) -> bool:
    """A need tells its outcome once it reached contract follow-up or implementation, or was
    closed; a draft need never (a public case would link to it)."""
    if need.status == Need.Status.DRAFT:
        return False
    return need.stage in CASE_STAGES or need.status == Need.Status.CLOSED


def case_of_need(*, user: AnyUser, need: Need) -> Case | None:
    """The need's case, if there is one the user may see."""
    return Case.objects.filter(case_visibility_q(user), need=need).first()


def reused_case_of_need(*, user: AnyUser, need: Need) -> Case | None:
    """The published (or visible) case the need was started from ("Bygger på")."""
    reuse = CaseReuse.objects.filter(need=need).select_related("case").first()
    if reuse is None:
        return None
    return Case.objects.filter(case_visibility_q(user), pk=reuse.case_id).first()


def case_reuses(*, case: Case) -> list[CaseReuse]:
    return list(case.reuses.all())


def reuse_org_ids(*, user: AnyUser) -> set[int]:
    """The user's verified public buyers: those that may start a need from a case."""
    return user_org_ids_that_may(user, Act.PUBLISH_NEED)


def gains_of(case: Case) -> list[Gain]:
    return list(case.gains.all())


def need_has_case(*, need: Need) -> bool:
    return Case.objects.filter(need=need).exists()


def user_records_case(*, user: AnyUser, need: Need) -> bool:
    """Members of the need's buyer and advisors record its case."""
    return user_is_advisor(user) or need.organization_id in user_org_ids(user)
