"""A small HTTP load tool: N client threads, each on its own keep-alive connection.

No load tool (oha, wrk, locust) is installed here, and the bench adds no dependency for one:
``http.client`` in threads is enough to keep a 2-core server busy, and the same client
measures both sides of every ratio. Loops are bounded by a count or a duration, and only
127.0.0.1 is ever a target.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    expect: int = 200  # any other status counts as an error


#: An operation: the calls one user action makes, timed together (a search that makes two
#: Elasticsearch requests is one operation on either side).
Operation = Sequence[Call]


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)  # seconds per operation
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return 1000 * self.latencies[0]
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return 1000 * cuts[min(98, max(0, round(q * 100) - 1))]


def _perform(connection: http.client.HTTPConnection, call: Call) -> str | None:
    headers = dict(call.headers)
    if call.body is not None:
        headers.setdefault("Content-Type", "application/json")
    connection.request(call.method, call.path, body=call.body, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status != call.expect:
        return f"{call.method} {call.path[:80]}: {response.status}"
    return None


def _client(
    port: int,
    operations: Sequence[Operation],
    offset: int,
    rounds: int,
    deadline: float,
    outcome: Outcome,
    lock: threading.Lock,
) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    latencies: list[float] = []
    errors: list[str] = []
    total = rounds * len(operations)
    for n in range(total):
        if time.perf_counter() > deadline:
            break
        operation = operations[(offset + n) % len(operations)]
        started = time.perf_counter()
        failed = [e for e in (_perform(connection, call) for call in operation) if e]
        latencies.append(time.perf_counter() - started)
        errors += failed
    connection.close()
    with lock:
        outcome.latencies += latencies
        outcome.errors += errors


def run(
    port: int,
    operations: Sequence[Operation],
    *,
    clients: int,
    rounds: int = 1,
    seconds: float | None = None,
) -> Outcome:
    """Each client goes through the operations ``rounds`` times from its own starting point,
    or until ``seconds`` have passed, whichever comes first."""
    if not operations:
        raise ValueError("no operations to send")
    outcome = Outcome()
    lock = threading.Lock()
    limit = seconds if seconds is not None else 3600.0
    big = rounds if seconds is None else 1_000_000
    started = time.perf_counter()
    deadline = started + limit
    threads = [
        threading.Thread(
            target=_client,
            args=(port, operations, c * len(operations) // clients, big, deadline, outcome, lock),
        )
        for c in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.seconds = time.perf_counter() - started
    return outcome
