"""No write is lost when Elasticsearch or Redis is down: the real servers are stopped and
started again, and a real Celery worker with beat catches up without anyone acting."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from backend.config.celery import app as celery_app
from backend.outbox.models import OutboxEntry
from tests.backend.conftest import World

# Alone: these tests stop and restart Elasticsearch and Redis, which every other test uses.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.alone]

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "scripts" / "test-services.sh"


def _services(action: str, service: str) -> None:
    done = subprocess.run(
        ["bash", str(SERVICES), action, service],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{action} {service} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker with embedded beat on the test database, sweeping every 2 s."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SEARCH_INDEX_PREFIX": settings.SEARCH_OPTIONS["index_prefix"],
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "OUTBOX_SWEEP_SECONDS": "2",
        "OUTBOX_STUCK_AFTER_SECONDS": "1",
    }
    log = (tmp_path / "worker.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backend.config",
            "worker",
            "-B",
            "--pool=solo",
            "-Q",
            "default,search,matching",
            "--loglevel=INFO",
            "-s",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield proc
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def _need(w: World, title: str) -> dict[str, Any]:
    return {
        "organization": w.buyer_org.pk,
        "title": title,
        "sector": "vann-avlop-renovasjon",
        "description": f"{title}: kommunen trenger en bedre måte å løse dette på i vinter.",
    }


def _wait_until_found(w: World, query: str, seconds: int = 120) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = w.client("visitor").get("/api/search/", {"q": query})
        if response.status_code == 200 and response.json()["total"] > 0:
            return response.json()  # type: ignore[no-any-return]
        time.sleep(2)
    pytest.fail(f"{query!r} was not indexed within {seconds} s")


def test_writes_succeed_with_elasticsearch_down_and_the_index_catches_up(
    world: World, worker: subprocess.Popen[bytes]
) -> None:
    # given: Elasticsearch is stopped
    client = world.client("buyer")
    _services("stop", "elasticsearch")
    try:
        # when: a buyer creates and publishes a need, and a visitor searches
        created = client.post(
            "/api/needs/", _need(world, "Frostsikring av vannkummer"), format="json"
        )
        published = client.post(f"/api/needs/{created.json()['id']}/publish/")
        during = world.client("visitor").get(
            "/api/search/", {"q": "vannkummer"}, HTTP_ACCEPT_LANGUAGE="nb"
        )
        pending = OutboxEntry.objects.filter(topic="search.index", processed_at__isnull=True)
        pending_during = pending.count()
    finally:
        _services("start", "elasticsearch")
    # then: the writes succeeded, search said so clearly, and the index catches up by itself
    assert (created.status_code, published.status_code) == (201, 200)
    assert during.status_code == 503
    assert "midlertidig utilgjengelig" in during.json()["detail"]
    assert pending_during >= 1
    result = _wait_until_found(world, "vannkummer")
    assert result["results"][0]["id"] == created.json()["id"]


def test_writes_succeed_with_redis_down_and_the_sweeper_resends(
    world: World, worker: subprocess.Popen[bytes]
) -> None:
    # given: the broker is stopped and tasks really go through it
    celery_app.conf.task_always_eager = False
    client = world.client("buyer")
    _services("stop", "redis")
    try:
        # when
        created = client.post(
            "/api/needs/", _need(world, "Lekkasjesøk i gamle vannledninger"), format="json"
        )
        published = client.post(f"/api/needs/{created.json()['id']}/publish/")
    finally:
        _services("start", "redis")
        celery_app.conf.task_always_eager = True
    # then
    assert (created.status_code, published.status_code) == (201, 200)
    result = _wait_until_found(world, "lekkasjesøk")
    assert result["results"][0]["id"] == created.json()["id"]
