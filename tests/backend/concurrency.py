"""Interleaving real database sessions in tests: work in a thread with its own connection,
and waiting until a session is blocked on a lock (so the next step happens meanwhile)."""

import threading
import time
from collections.abc import Callable

from django.db import connection, connections


def in_thread(work: Callable[[], None]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def wait_for_lock_wait(table: str) -> None:
    """Until some session of this database waits for a lock on a query touching `table`."""
    with connection.cursor() as cursor:
        for _ in range(200):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query LIKE %s",
                [f"%{table}%"],
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError(f"nobody waits for {table}")
