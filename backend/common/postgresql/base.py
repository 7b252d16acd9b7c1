"""Django's PostgreSQL backend, with the connection health check skipped for a connection
used moments ago.

``CONN_HEALTH_CHECKS`` makes Django ping a reused connection (``SELECT 1``) before its first
query in every request: one more round trip a request, which under load cost as much as the
query it guards (a search's only query; BENCHMARKS.md, figure 4). A connection used less
than ``HEALTH_CHECK_IDLE`` seconds ago (the database's settings key, from
``DATABASE_HEALTH_CHECK_IDLE``; default 1 s) is taken as alive. One that sat idle longer,
where a restart, a fail-over or an idle timeout on the way can have cut it, is pinged as
before and replaced if dead. A connection cut within that second fails the query that meets
it, and Django closes it at the end of that request (``errors_occurred``), so the next
request opens a new one.
"""

from __future__ import annotations

import time
from typing import Any

from django.db.backends.postgresql import base

#: Seconds since a connection's last use below which it is not pinged before reuse.
HEALTH_CHECK_IDLE = 1.0


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.used_at = float("-inf")

    def close_if_health_check_failed(self) -> None:
        """Called before each use of the connection: skip the ping when the last use was
        moments ago, then note this use."""
        idle = float(self.settings_dict.get("HEALTH_CHECK_IDLE", HEALTH_CHECK_IDLE))
        now = time.monotonic()
        if self.connection is not None and now - self.used_at < idle:
            self.health_check_done = True
        super().close_if_health_check_failed()
        self.used_at = now
