"""A real Celery worker retries an outbox task by itself only on a transient error (the
search server unreachable), and records any other failure for the backoff instead. The
worker uses a broker database of its own on the real Redis, so no other run's worker takes
these messages, and only it sees Elasticsearch as down (nothing is stopped)."""

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from kombu import Connection

from backend.config.celery import app as celery_app
from backend.outbox.models import OutboxEntry
from backend.outbox.tasks import outbox_search_index_task
from tests.backend.conftest import World
from tests.factories import EmbeddingFactory, OutboxEntryFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/13"
UNREACHABLE = "http://127.0.0.1:9"

WORKER = ("--pool=solo", "-Q", "search", "--loglevel=INFO")

StartWorker = Callable[[str], Path]


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[StartWorker]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(elasticsearch_url: str) -> Path:
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "backend.config.settings.test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "SEARCH_INDEX_PREFIX": settings.SEARCH_OPTIONS["index_prefix"],
            "ELASTICSEARCH_URL": elasticsearch_url,
            "CELERY_BROKER_URL": BROKER,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
        log_path = tmp_path / f"worker-{len(procs)}.log"
        log = log_path.open("wb")
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "backend.config", "worker", *WORKER],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        return log_path

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)


def _send(entry: OutboxEntry) -> None:
    """Through the worker's own broker database, as outbox_dispatch would."""
    celery_app.conf.task_always_eager = False
    try:
        with Connection(BROKER) as broker, broker.Producer() as producer:
            outbox_search_index_task.apply_async(
                args=[[entry.pk]], queue="search", producer=producer
            )
    finally:
        celery_app.conf.task_always_eager = True


def _attempts_reach(entry: OutboxEntry, wanted: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        entry.refresh_from_db()
        if entry.attempts >= wanted:
            break
        time.sleep(0.5)
    return entry.attempts


def test_the_task_retries_itself_while_elasticsearch_is_unreachable(
    world: World, start_worker: StartWorker
) -> None:
    # given: a worker that cannot reach Elasticsearch
    log = start_worker(UNREACHABLE)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    # when
    _send(entry)
    # then: it tries again by itself, and the entry says why
    assert _attempts_reach(entry, 3, seconds=90) >= 3, log.read_text()[-3000:]
    assert entry.last_error.startswith("SearchUnavailable")
    assert "Retry in" in log.read_text()


def test_a_permanent_failure_is_recorded_and_not_retried_by_the_task(
    world: World, start_worker: StartWorker
) -> None:
    # given: a worker with Elasticsearch, and a document the index refuses
    log = start_worker(os.environ["ELASTICSEARCH_URL"])
    EmbeddingFactory(entity_id=world.solution.pk, dims=3)
    entry = OutboxEntryFactory(entity_id=world.solution.pk)
    # when
    _send(entry)
    first = _attempts_reach(entry, 1, seconds=90)
    time.sleep(12)  # longer than the task's first two retries could wait
    # then: one attempt, left to the backoff and the sweeper
    entry.refresh_from_db()
    assert (first, entry.attempts, entry.last_error.startswith("IndexingError")) == (1, 1, True)
    assert "Retry in" not in log.read_text()
