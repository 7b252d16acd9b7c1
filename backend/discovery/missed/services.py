"""Counting searches that found little, and forgetting them after the retention."""

import logging
import unicodedata
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

from backend.discovery.filter_values import filter_errors
from backend.discovery.missed.personal_data import looks_personal
from backend.discovery.models import MissedSearch
from search.types import SearchRequest, SearchResponse

logger = logging.getLogger(__name__)

#: A search with at most this many hits counts as missed; so does one whose words, all of
#: them, found fewer than 3 (the search then relaxed: search/queries/relaxation.py).
FEW_HITS = 2
#: Days a row is kept (the day itself included).
RETENTION_DAYS = 180
_FILTERS_LENGTH = MissedSearch._meta.get_field("filters").max_length or 0
_QUERY_LENGTH = MissedSearch._meta.get_field("query").max_length or 0


def query_normalised(text: str) -> str:
    """Lower case, NFC, single spaces: "Snø  Brøyting" and "snø brøyting" count as one."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())[:_QUERY_LENGTH]


def filters_canonical(request: SearchRequest) -> str | None:
    """The filters and types as a sorted query string, None if any value is not one a filter
    takes (then the search could not find anything for reasons other than its words)."""
    filters = {k: list(v) for k, v in request.filters.items() if v}
    if filter_errors(filters):
        return None
    pairs: list[tuple[str, str]] = [("type", kind) for kind in sorted(set(request.kinds))]
    pairs += [(key, value) for key in sorted(filters) for value in sorted(set(filters[key]))]
    return urlencode(pairs)


def _found_little(response: SearchResponse) -> bool:
    return response.total <= FEW_HITS or response.relaxation != "all"


def _missed(request: SearchRequest, response: SearchResponse) -> MissedSearch | None:
    """The row this search counts on, None if it found enough or is not to be kept."""
    query = query_normalised(request.text)
    if not query or request.page != 1 or not _found_little(response) or looks_personal(query):
        return None
    filters = filters_canonical(request)
    if filters is None or len(filters) > _FILTERS_LENGTH:
        return None
    return MissedSearch(
        day=timezone.localdate(),
        query=query,
        filters=filters,
        semantic=request.semantic,
        hits=response.total,
        relaxation=response.relaxation,
    )


def _count(row: MissedSearch) -> None:
    same = MissedSearch.objects.filter(
        day=row.day, query=row.query, filters=row.filters, semantic=row.semantic
    )
    latest = {"hits": row.hits, "relaxation": row.relaxation}
    if same.update(count=F("count") + 1, **latest):
        return
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:  # another request counted it first
        same.update(count=F("count") + 1, **latest)


def missed_search_record(*, request: SearchRequest, response: SearchResponse) -> bool:
    """Count a search that found little (at most FEW_HITS hits, or relaxed because all its
    words found little; first page, some words, no personal data). Never fails the search: a
    database error is logged as a warning. Returns whether it was counted."""
    row = _missed(request, response)
    if row is None:
        return False
    return _count_now(row)


def missed_search_later(*, request: SearchRequest, response: SearchResponse) -> bool:
    """What the search API calls: a search that found little is counted by a background task
    (``discovery.missed_search_count``, on the day of the search), so the answer does not wait
    for a transaction in PostgreSQL. When the task cannot be sent (the broker does not answer)
    it is counted here and now instead: no count is lost. Returns whether it was counted or
    sent to be counted."""
    row = _missed(request, response)
    if row is None:
        return False
    from backend.discovery.tasks import missed_search_count_task

    try:
        missed_search_count_task.apply_async(kwargs=_task_fields(row), retry=False)
    except (OperationalError, ConnectionError, RedisError, OSError):
        logger.warning("Missed-search task not sent; counted in the request", exc_info=True)
        return _count_now(row)
    return True


def _task_fields(row: MissedSearch) -> dict[str, object]:
    return {
        "day": row.day.isoformat(),
        "query": row.query,
        "filters": row.filters,
        "semantic": row.semantic,
        "hits": row.hits,
        "relaxation": row.relaxation,
    }


def missed_search_count(
    *, day: date, query: str, filters: str, semantic: bool, hits: int, relaxation: str
) -> None:
    """Count one missed search on its day (the task's body; idempotent per call only as a
    count can be: a task that ran and is retried counts twice, so it retries only on errors
    raised before its transaction committed)."""
    row = MissedSearch(
        day=day,
        query=query,
        filters=filters,
        semantic=semantic,
        hits=hits,
        relaxation=relaxation,
    )
    with transaction.atomic():
        _count(row)


def _count_now(row: MissedSearch) -> bool:
    try:
        with transaction.atomic():
            _count(row)
    except DatabaseError:
        logger.warning("A missed search was not recorded", exc_info=True)
        return False
    return True


def missed_searches_prune(*, today: date | None = None) -> int:
    """Delete the rows older than RETENTION_DAYS. Returns how many."""
    first_kept = (today or timezone.localdate()) - timedelta(days=RETENTION_DAYS - 1)
    deleted, _by_model = MissedSearch.objects.filter(day__lt=first_kept).delete()
    return deleted
