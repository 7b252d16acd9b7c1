"""Suggested matches are visible to advisors, to the buyer for its own needs and to the
supplier for its own solutions. Buyers and suppliers never see rejected pairs, nor a match
whose other side they may not see (an archived solution, another buyer's draft), nor an
engine suggestion below the relevance floor (advisors see those, marked weak). A need↔need
pair rejected in one direction never shows in the other."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from backend.accounts.selectors import user_buyer_org_ids, user_is_advisor, user_supplier_org_ids
from backend.common.types import AnyUser
from backend.matches.models import Match
from backend.needs.models import Need
from backend.needs.selectors import need_visibility_q
from backend.solutions.models import Solution


def _base() -> QuerySet[Match]:
    return Match.objects.select_related(
        "need",
        "need__organization",
        "solution",
        "solution__organization",
        "other_need",
        "other_need__organization",
        "decided_by",
    )


def reverse_pair_rejected() -> Exists:
    """The same two needs, the other way round, were rejected."""
    return Exists(
        Match.objects.filter(
            kind=Match.Kind.NEED_NEED,
            need_id=OuterRef("other_need_id"),
            other_need_id=OuterRef("need_id"),
            state=Match.State.REJECTED,
        )
    )


def open_pair_live_q() -> Q:
    """An open pair (suggested or shortlisted) shows only while every side of it takes part
    in matching: a need or solution archived, closed or set back to draft drops out of every
    list at once, before the background recompute tidies the rows. Introductions and
    rejections are records and stay."""
    published = Need.Status.PUBLISHED
    live = (
        Q(need__status=published)
        & (Q(solution__isnull=True) | Q(solution__status=Solution.Status.PUBLISHED))
        & (Q(other_need__isnull=True) | Q(other_need__status=published))
    )
    return Q(state__in=[Match.State.INTRODUCED, Match.State.REJECTED]) | live


def _current() -> QuerySet[Match]:
    """Every match but the reverse of a rejected need↔need pair, and open pairs with a side
    that left matching."""
    return (
        _base()
        .filter(open_pair_live_q())
        .alias(reverse_rejected=reverse_pair_rejected())
        .exclude(Q(reverse_rejected=True) & ~Q(state=Match.State.REJECTED))
    )


def _counterpart_visible_q(user: AnyUser) -> Q:
    """The other side of the match is one the user may see: a published solution or one of
    its own, a need it may see."""
    solution = (
        Q(solution__isnull=True)
        | Q(solution__status=Solution.Status.PUBLISHED)
        | Q(solution__organization_id__in=user_supplier_org_ids(user))
    )
    other_need = Q(other_need__isnull=True) | Q(
        other_need__in=Need.objects.filter(need_visibility_q(user))
    )
    return solution & other_need


def relevant_enough_q() -> Q:
    """A pair buyers and suppliers may be shown: an engine suggestion no advisor has decided
    on only from MATCHING_RELEVANCE_FLOOR up (Match.relevance); a pair an advisor shortlisted,
    introduced or added by hand always."""
    undecided = Q(state=Match.State.SUGGESTED, source=Match.Source.ENGINE)
    return ~undecided | Q(relevance__gte=settings.MATCHING_RELEVANCE_FLOOR)


def match_list(*, user: AnyUser) -> QuerySet[Match]:
    if user_is_advisor(user):
        return _current()
    if not user.is_authenticated:
        return Match.objects.none()
    buyers = user_buyer_org_ids(user)
    q = (
        Q(need__organization_id__in=buyers)
        | Q(need__co_buyers__in=buyers)
        | Q(
            solution__organization_id__in=user_supplier_org_ids(user),
            solution__status="published",
            need__status="published",
        )
    )
    return (
        _current()
        .filter(q)
        .filter(_counterpart_visible_q(user))
        .filter(relevant_enough_q())
        .exclude(state=Match.State.REJECTED)
        .distinct()
    )


def match_get(*, user: AnyUser, match_id: int) -> Match:
    match = match_list(user=user).filter(pk=match_id).first()
    if match is None:
        raise Http404
    return match


def need_suggested_solutions(*, user: AnyUser, need_id: int) -> QuerySet[Match]:
    return (
        match_list(user=user)
        .filter(need_id=need_id, kind=Match.Kind.NEED_SOLUTION, solution__status="published")
        .order_by("-score")
    )


def need_similar_needs(*, user: AnyUser, need_id: int) -> QuerySet[Match]:
    return (
        match_list(user=user)
        .filter(need_id=need_id, kind=Match.Kind.NEED_NEED, other_need__status="published")
        .order_by("-score")
    )


def solution_recommended_needs(*, user: AnyUser, solution_id: int) -> QuerySet[Match]:
    return (
        match_list(user=user)
        .filter(solution_id=solution_id, kind=Match.Kind.NEED_SOLUTION, need__status="published")
        .order_by("-score")
    )


def check_need_insight(*, user: AnyUser, need: Need) -> None:
    """Suggestions for a need are for its buyers (owner and co-buyers) and advisors."""
    if user_is_advisor(user):
        return
    buyers = user_buyer_org_ids(user)
    if need.organization_id in buyers or any(o.pk in buyers for o in need.co_buyers.all()):
        return
    raise PermissionDenied(_("Only the need's buyers and advisors see its suggestions."))


def check_solution_insight(*, user: AnyUser, solution: Solution) -> None:
    if user_is_advisor(user) or solution.organization_id in user_supplier_org_ids(user):
        return
    raise PermissionDenied(_("Only the solution's supplier and advisors see its recommendations."))
