"""`make run` computes suggestions in a real background worker, not in the request: the test
process sends its tasks as make run's web process does (to files under a folder, the
``filesystem://`` broker that needs no server), and the worker make run starts
(scripts/worker.sh: every queue, beat inside) takes them, on the test database. And on make
run's SQLite database, concurrent outbox claims never take the same entry."""

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from backend.config.broker import filesystem_broker_options
from backend.config.celery import app as celery_app
from backend.discovery.services import search_reindex
from backend.outbox.models import OutboxEntry
from tests.backend.conftest import World

ROOT = Path(__file__).resolve().parents[2]
BROKER_URL = "filesystem://localhost/"
MATCHING = OutboxEntry.Topic.MATCHING_RECOMPUTE


def _reset_broker_connections() -> None:
    """Forget the connections made for the previous broker (as Celery does after a fork)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def filesystem_broker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Tasks leave this process for the broker folder, as in `make run`, instead of running
    here (the test settings run them eagerly)."""
    root = tmp_path / "broker"
    conf = celery_app.conf
    saved = {
        name: conf[name] for name in ("broker_url", "broker_transport_options", "task_always_eager")
    }
    monkeypatch.setenv("CELERY_BROKER_URL", BROKER_URL)  # Celery reads it before its settings
    conf.update(
        broker_url=BROKER_URL,
        broker_transport_options=filesystem_broker_options(root),
        task_always_eager=False,
    )
    _reset_broker_connections()
    yield root
    conf.update(saved)
    _reset_broker_connections()


@pytest.fixture
def run_worker(filesystem_broker: Path, tmp_path: Path) -> Iterator[Path]:
    """make run's worker on the test database and this session's search indices; returns
    its log once it is ready for messages."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SEARCH_INDEX_PREFIX": settings.SEARCH_OPTIONS["index_prefix"],
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_BROKER_DIR": str(filesystem_broker),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "RUN_WORKER_STATE": str(tmp_path / "run"),
    }
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "worker.sh")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(lambda: " ready." in log_path.read_text(), seconds=120, log=log_path)
            yield log_path
        finally:
            worker.terminate()  # warm shutdown: the tasks in hand are finished
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=30)


def _wait_for(condition: Callable[[], Any], *, seconds: float, log: Path) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.5)
    pytest.fail(f"not within {seconds} s; the worker's log:\n{log.read_text()[-4000:]}")


def _need(world: World) -> dict[str, Any]:
    return {
        "organization": world.buyer_org.pk,
        "title": "Fall alarm for elderly people living at home",
        "description": "Care staff learn of falls too late. We need a safety alarm worn on the "
        "wrist that detects falls automatically and lets care staff talk to the user.",
        "desired_effect": "Help within ten minutes of a fall.",
        "sector": "helse-og-omsorg",
        "language": "en",
    }


@pytest.mark.django_db(transaction=True)
# Every suggestion is shown: the suite's hashing encoder is no judge of relevance.
@override_settings(MATCHING_RELEVANCE_FLOOR=float("-inf"))
def test_a_published_need_answers_at_once_and_the_worker_computes_its_suggestions(
    world: World, run_worker: Path
) -> None:
    # given: make run's worker waits for messages, and the index holds the published corpus
    search_reindex()
    client = world.client("buyer")
    created = client.post("/api/needs/", _need(world), format="json")
    assert created.status_code == 201, created.json()
    need_id = created.json()["id"]
    # when: the buyer publishes the need
    published = client.post(f"/api/needs/{need_id}/publish/")
    # then: the answer comes before the suggestions: their matching entry was still to do
    assert published.status_code == 200, published.json()
    assert published.json()["suggestions_pending"] is True
    # and the worker computes them by itself; the need then says so
    detail = _wait_for(
        lambda: (
            (d := client.get(f"/api/needs/{need_id}/").json())["suggestions_pending"] is False and d
        ),
        seconds=240,
        log=run_worker,
    )
    assert detail["status"] == "published"
    entries = OutboxEntry.objects.filter(topic=MATCHING, entity="need", entity_id=need_id)
    assert [(e.processed_at is not None, e.dead_at) for e in entries] == [(True, None)]
    matches = client.get(f"/api/needs/{need_id}/matches/").json()["results"]
    assert world.solution.pk in {m["solution"]["id"] for m in matches if m["solution"]}
    log = run_worker.read_text()
    assert "outbox.matching_recompute" in log
    # and the worker built the term bridge before it took work, not in the first publish
    assert log.index("Matching warm-up: term bridge of") < log.index(" ready.")


def test_on_sqlite_concurrent_claims_never_take_the_same_entry(tmp_path: Path) -> None:
    # given: make run's settings on a fresh SQLite file, and entries several processes claim
    # at the same moment (tests/backend/sqlite_claims.py)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "CELERY_BROKER_DIR": str(tmp_path / "broker"),
    }
    # when
    done = subprocess.run(
        [sys.executable, "-m", "tests.backend.sqlite_claims"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # then: every entry is claimed, and by one process only
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    claimed = [pk for claim in result["claims"] for pk in claim]
    assert sorted(claimed) == sorted(result["ids"])
    assert len(result["claims"]) == 4
