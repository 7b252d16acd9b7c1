"""The PostgreSQL connection's health check (backend/common/postgresql): a connection used
moments ago is reused without a ping, one that sat idle is pinged and replaced if the server
cut it, and a connection cut between two quick uses fails one query and is replaced at the end
of that request. Against the real PostgreSQL; the server cuts the connection
(``pg_terminate_backend``) as a restart or fail-over would.

The production settings keep the persistent connections and their health check (they once
rebuilt DATABASES and lost both: a new connection per request)."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Each health check ping of the connection, with its answer."""
    seen: list[bool] = []
    original = connection.is_usable

    def is_usable() -> bool:
        usable = original()
        seen.append(usable)
        return usable

    monkeypatch.setattr(connection, "is_usable", is_usable)
    yield seen


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid: int = cursor.fetchone()[0]
    return pid


def _server_cuts(pid: int) -> None:
    other: BaseDatabaseWrapper = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()


def _request_boundary() -> None:
    """What Django does at the end of one request and the start of the next."""
    connection.close_if_unusable_or_obsolete()
    connection.close_if_unusable_or_obsolete()


def test_a_connection_used_moments_ago_is_reused_without_a_ping(pings: list[bool]) -> None:
    # given: a query in one request
    pid = _backend_pid()
    # when: the next request follows at once
    _request_boundary()
    # then: the same connection, no ping before it
    assert _backend_pid() == pid
    assert pings == []


def test_an_idle_connection_is_pinged_and_a_cut_one_replaced(
    pings: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a connection the server cut while it sat idle longer than the threshold
    pid = _backend_pid()
    _server_cuts(pid)
    monkeypatch.setitem(connection.settings_dict, "HEALTH_CHECK_IDLE", 0.0)
    # when: the next request queries
    _request_boundary()
    new_pid = _backend_pid()
    # then: the ping found it dead, and the query ran on a new connection
    assert pings == [False]
    assert new_pid != pid


def test_an_idle_live_connection_is_pinged_and_kept(
    pings: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    pid = _backend_pid()
    monkeypatch.setitem(connection.settings_dict, "HEALTH_CHECK_IDLE", 0.0)
    # when
    _request_boundary()
    # then
    assert _backend_pid() == pid
    assert pings == [True]


def test_a_connection_cut_between_two_quick_uses_fails_once_and_is_replaced() -> None:
    # given: the server cuts the connection right after a request used it
    pid = _backend_pid()
    _server_cuts(pid)
    _request_boundary()
    # when: the next request's query meets the cut connection
    with pytest.raises(OperationalError):
        _backend_pid()
    _request_boundary()
    # then: the request after it runs on a new connection
    assert _backend_pid() != pid


PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.db import connections
database = settings.DATABASES["default"]
print(json.dumps({
    "engine": database["ENGINE"],
    "conn_max_age": database["CONN_MAX_AGE"],
    "health_checks": database["CONN_HEALTH_CHECKS"],
    "idle": database["HEALTH_CHECK_IDLE"],
    "wrapper": type(connections["default"]).__module__,
}))
"""


def test_production_keeps_persistent_connections_and_their_health_check() -> None:
    # given: only what a deployment must set
    keep = ("PATH", "HOME", "LANG", "DATABASE_URL")
    env = {name: os.environ[name] for name in keep if name in os.environ} | {
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.production",
        "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    # when
    command = [sys.executable, "-c", PROBE]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    # then
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "engine": "backend.common.postgresql",
        "conn_max_age": 60,
        "health_checks": True,
        "idle": 1.0,
        "wrapper": "backend.common.postgresql.base",
    }
