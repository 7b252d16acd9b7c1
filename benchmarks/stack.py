"""The bench's own corner of the real services, and the processes it starts.

PostgreSQL database ``innovasjon_bench`` (dropped and created anew each run), Elasticsearch
indices ``bench-*``, Redis databases 7 (Celery broker) and 8 (cache): nothing the tests or
other runs use. gunicorn and Celery workers are started in their own process group and
stopped by that group's id; their peak memory is read from /proc (VmHWM).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
BENCH_DB = os.environ.get("BENCH_DATABASE", "innovasjon_bench")
BROKER_DB, CACHE_DB = 7, 8


def _with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def bench_environment(base: Mapping[str, str]) -> dict[str, str]:
    """The variables every bench process runs with, derived from the test services' ones."""
    missing = [n for n in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL") if not base.get(n)]
    if missing:
        raise SystemExit(
            f"benchmarks: {', '.join(missing)} unset; run `make bench` (it starts the services "
            "and exports var/test-services/env)"
        )
    if not BENCH_DB.endswith("_bench"):
        raise SystemExit(f"benchmarks: BENCH_DATABASE must end in _bench, not {BENCH_DB!r}")
    redis = base["REDIS_URL"]
    return {
        "DATABASE_URL": _with_path(base["DATABASE_URL"], f"/{BENCH_DB}"),
        "CELERY_BROKER_URL": _with_path(redis, f"/{BROKER_DB}"),
        "CACHE_URL": _with_path(redis, f"/{CACHE_DB}"),
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "PYTHONPATH": str(ROOT),
    }


def setup_django() -> None:
    """Point this process at the bench's services and set Django up."""
    os.environ.update(bench_environment(os.environ))
    import django

    django.setup()


def recreate_database() -> None:
    """Drop and create the bench database (through the server's maintenance database)."""
    import psycopg

    admin_url = _with_path(os.environ["DATABASE_URL"], "/postgres")
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DB}"')
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    call_command("migrate", verbosity=0, interactive=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of one process, in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Service:
    """A process group started by the bench, stopped by its group id."""

    def __init__(self, name: str, argv: Sequence[str], env: Mapping[str, str]) -> None:
        VAR.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.log = VAR / f"{name}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                list(argv),
                cwd=ROOT,
                env=dict(env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def children(self) -> list[int]:
        return _children(self.pid)

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            tail = self.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{self.name} exited ({self.process.returncode}):\n{tail}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, **bench_environment(os.environ), **(extra or {})}


@contextmanager
def gunicorn(workers: int = 2, threads: int = 4) -> Iterator[tuple[Service, int]]:
    """The WSGI application under gunicorn on a free port of 127.0.0.1 (gthread workers)."""
    port = free_port()
    argv = [
        str(BIN / "gunicorn"),
        "backend.config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--keep-alive=30",
        "--log-level=warning",
    ]
    service = Service("gunicorn", argv, _env())
    try:
        wait_for_port(port)
        service.check_alive()
        yield service, port
    finally:
        service.stop()


@contextmanager
def celery_workers(
    count: int, queues: str = "matching", threads_per_worker: int = 1
) -> Iterator[list[Service]]:
    """``count`` Celery worker processes (solo pool: the model loads in the process itself)
    consuming ``queues``; each encodes with ``threads_per_worker`` OpenMP threads."""
    services = [
        Service(
            f"celery-{n}",
            [
                str(BIN / "celery"),
                "-A",
                "backend.config",
                "worker",
                "--pool=solo",
                f"--queues={queues}",
                f"--hostname=bench{n}@%h",
                "--prefetch-multiplier=1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=WARNING",
            ],
            _env({"OMP_NUM_THREADS": str(threads_per_worker)}),
        )
        for n in range(count)
    ]
    try:
        yield services
    finally:
        for service in services:
            service.stop()


def purge_broker() -> None:
    """Empty the bench's broker database (Redis database 7, used by nothing else)."""
    import redis

    redis.Redis.from_url(bench_environment(os.environ)["CELERY_BROKER_URL"]).flushdb()
