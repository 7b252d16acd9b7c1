"""One Celery task per outbox topic, each with its own name and queue (CELERY_TASK_ROUTES),
so slow matching never holds up the search index. A task retries itself only on transient
errors (a service briefly unreachable); any other failure is recorded on the entries, which
back off and end as dead letters (see backend.outbox.services)."""

import socket

from celery import Task, shared_task
from django.db import InterfaceError as DatabaseInterfaceError
from django.db import OperationalError as DatabaseOperationalError
from elastic_transport import ConnectionError as ElasticsearchConnectionError
from elastic_transport import ConnectionTimeout as ElasticsearchConnectionTimeout
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from backend.outbox.models import OutboxEntry
from backend.outbox.services import outbox_process, outbox_sweep
from search.backends.base import SearchUnavailable

#: Errors worth retrying soon: the service will likely answer again. Nothing else is.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    SearchUnavailable,
    ElasticsearchConnectionError,
    ElasticsearchConnectionTimeout,
    RedisConnectionError,
    RedisTimeoutError,
    BrokerOperationalError,
    DatabaseOperationalError,
    DatabaseInterfaceError,
    ConnectionError,
    socket.timeout,
)

_RETRY = {
    "bind": True,
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


def _process(task: Task, entry_ids: list[int]) -> int:
    """Raise the first transient error (Celery retries the task); others stay recorded."""
    errors = outbox_process(entry_ids=entry_ids)
    transient = [e for e in errors if isinstance(e, TRANSIENT_ERRORS)]
    if transient and not task.request.is_eager:
        raise transient[0]
    return len(errors)


@shared_task(name="outbox.search_index", **_RETRY)  # type: ignore[untyped-decorator]
def outbox_search_index_task(self: Task, entry_ids: list[int]) -> int:
    return _process(self, entry_ids)


@shared_task(name="outbox.matching_recompute", **_RETRY)  # type: ignore[untyped-decorator]
def outbox_matching_recompute_task(self: Task, entry_ids: list[int]) -> int:
    return _process(self, entry_ids)


@shared_task(name="outbox.notification_delivery", **_RETRY)  # type: ignore[untyped-decorator]
def outbox_notification_delivery_task(self: Task, entry_ids: list[int]) -> int:
    """E-mails of notifications (backend.notifications.delivery): a failed send is recorded
    on its delivery and retried from there, so only the outbox's own errors come back here."""
    return _process(self, entry_ids)


TOPIC_TASKS: dict[str, Task] = {
    OutboxEntry.Topic.SEARCH_INDEX: outbox_search_index_task,
    OutboxEntry.Topic.MATCHING_RECOMPUTE: outbox_matching_recompute_task,
    OutboxEntry.Topic.NOTIFICATION_DELIVERY: outbox_notification_delivery_task,
}


@shared_task(name="outbox.process", **_RETRY)  # type: ignore[untyped-decorator]
def outbox_process_task(self: Task, entry_ids: list[int]) -> int:
    """The single task of earlier releases: messages still queued at an upgrade are handled."""
    return _process(self, entry_ids)


@shared_task(name="outbox.sweep", acks_late=True, autoretry_for=TRANSIENT_ERRORS, max_retries=3)  # type: ignore[untyped-decorator]
def outbox_sweep_task() -> int:
    return outbox_sweep()
