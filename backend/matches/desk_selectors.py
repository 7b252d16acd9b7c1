"""The advisor's desk: the curation queue read page by page, filtered and sorted in the
database. Only advisors read it. Need↔solution suggestions and need↔need ones (joint
procurement) are separate views of the desk, chosen by `DeskFilters.kind`; a row is never
in both.

Every filter is a condition on the match or on its need (the buyer's side): sector, county
and stage of the need, the score, how long ago the engine first suggested the pair, and the
curation state. The sorts read the indexes of `Match.Meta.indexes` (kind, state, then score
or creation time)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, OrderBy, Q, QuerySet
from django.utils import timezone

from backend.common.access import check_advisor
from backend.common.types import AnyUser
from backend.matches.models import Match
from backend.matches.selectors import match_list

#: The sorts the desk offers, each a total order (ties broken by id) so pages never overlap.
DESK_SORTS: dict[str, tuple[str | OrderBy, ...]] = {
    "score": ("-score", "id"),
    "newest": ("-created_at", "-id"),
    "deadline": (F("need__response_deadline").asc(nulls_last=True), "-score", "id"),
}
DEFAULT_SORT = "score"


@dataclass(frozen=True)
class DeskFilters:
    """What the advisor asked the desk for. Empty strings and None mean no filter."""

    kind: str = Match.Kind.NEED_SOLUTION
    states: tuple[str, ...] = (Match.State.SUGGESTED,)
    sector: str = ""
    county: str = ""
    stage: str = ""
    score_min: float | None = None
    score_max: float | None = None
    #: Suggested within the last this many days.
    max_age_days: int | None = None
    #: Suggested at least this many days ago.
    min_age_days: int | None = None
    sort: str = DEFAULT_SORT


def _need_q(filters: DeskFilters) -> Q:
    q = Q()
    if filters.sector:
        q &= Q(need__sector=filters.sector)
    if filters.county:
        q &= Q(need__county=filters.county)
    if filters.stage:
        q &= Q(need__stage=filters.stage)
    return q


def _match_q(filters: DeskFilters) -> Q:
    q = Q(state__in=filters.states) if filters.states else Q()
    if filters.score_min is not None:
        q &= Q(score__gte=filters.score_min)
    if filters.score_max is not None:
        q &= Q(score__lte=filters.score_max)
    now = timezone.now()
    if filters.max_age_days is not None:
        q &= Q(created_at__gte=now - timedelta(days=filters.max_age_days))
    if filters.min_age_days is not None:
        q &= Q(created_at__lte=now - timedelta(days=filters.min_age_days))
    return q


def _desk_rows(*, user: AnyUser, filters: DeskFilters) -> QuerySet[Match]:
    """Every match the filters let through, of any kind (the caller narrows the kind)."""
    check_advisor(user=user)
    return match_list(user=user).filter(_need_q(filters) & _match_q(filters))


def match_desk(*, user: AnyUser, filters: DeskFilters) -> QuerySet[Match]:
    """The desk's rows of one kind, in the chosen sort."""
    return (
        _desk_rows(user=user, filters=filters)
        .filter(kind=filters.kind)
        .order_by(*DESK_SORTS.get(filters.sort, DESK_SORTS[DEFAULT_SORT]))
    )


def match_desk_counts(*, user: AnyUser, filters: DeskFilters) -> dict[str, int]:
    """How many rows each view of the desk holds under the same filters (one query): the
    tabs say how many suggestions each has."""
    counts = _desk_rows(user=user, filters=filters).aggregate(
        **{
            kind: Count("pk", filter=Q(kind=kind))
            for kind in (Match.Kind.NEED_SOLUTION, Match.Kind.NEED_NEED)
        }
    )
    return {kind: int(value or 0) for kind, value in counts.items()}
