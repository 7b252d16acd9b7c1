"""Where the search API's own time goes, beside Elasticsearch: one search request's parts.

Figure 4 of ``make bench`` compares the API under gunicorn with the same requests sent straight
to Elasticsearch; this says what the difference is made of. In this process (the bench's
settings, database and indices: run ``--only search`` first), the 16 searches of figure 4 are
sent through the whole Django stack (``django.test.Client``: middleware, URL resolution, DRF,
the view) round after round, and each part is timed by a thin wrapper (``perf_counter``; no
profiler, so call-heavy code is not inflated): the Elasticsearch client's transport (the
round trips the baseline also makes), the throttle (one Redis round trip for an anonymous
search), the organisations' verification read fresh from PostgreSQL, the highlight marks,
the count of a search that found little, the parameters' validation, URL resolution and the
JSON rendering. Prints the median over rounds of each part per request, and the request's
time outside the transport. Parts nest (the payload holds the verification); the rest of
"TOTAL" is middleware, DRF's dispatch and the test client.

    BENCH_DATABASE=innovasjon_g_bench SEARCH_INDEX_PREFIX=gbench \\
        python -m benchmarks.search_parts [--rounds 12]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from benchmarks.stack import setup_django

Parts = defaultdict[str, float]


def _timed(owner: Any, name: str, label: str, spent: Parts) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    setattr(owner, name, timed)


def _instrument(spent: Parts) -> None:
    import django.core.handlers.base as handler
    import rest_framework.renderers as renderers
    import rest_framework.views as drf
    from django.db import connection

    import backend.common.throttling as throttling
    import backend.discovery.api.views as views
    import search.queries.marks as marks
    from backend.discovery import selectors
    from backend.discovery.services import search_backend

    transport = search_backend().client.transport  # type: ignore[attr-defined]
    _timed(transport, "perform_request", "Elasticsearch transport (the baseline's part)", spent)
    _timed(selectors, "search_run", "search, all of it (with the transport)", spent)
    _timed(selectors, "_verified_org_ids", "organisations' verification (PostgreSQL)", spent)
    _timed(connection, "is_usable", "database health check (in the verification)", spent)
    _timed(selectors, "search_payload", "the answer built (with the verification)", spent)
    _timed(throttling.SlidingLogThrottle, "allow_request", "throttle (Redis)", spent)
    _timed(marks.HitMarks, "of", "highlight marks (in the search)", spent)
    _timed(views, "missed_search_later", "a search that found little, counted", spent)
    _timed(views, "_search_request", "parameters validated", spent)
    _timed(handler.BaseHandler, "resolve_request", "URL resolution", spent)
    _timed(drf.APIView, "dispatch", "DRF dispatch (the view, all of it)", spent)
    _timed(drf.APIView, "perform_authentication", "DRF authentication (anonymous)", spent)
    _timed(drf.APIView, "finalize_response", "DRF content negotiation", spent)
    _timed(renderers.JSONRenderer, "render", "JSON rendering", spent)


def _served(client: Any, path: str) -> int:
    """One request with the connection handling a server's request gives it: the test client
    leaves out Django's ``close_old_connections`` at the request's start and end, and with it
    the database's health check before the request's first query."""
    from django.db import close_old_connections

    close_old_connections()
    try:
        status: int = client.get(path).status_code
    finally:
        close_old_connections()
    return status


def measure(rounds: int) -> dict[str, float]:
    """Each part's median over ``rounds`` of the 16 searches, in ms a request."""
    from django.test import Client

    from benchmarks.api_figures import SEARCHES

    spent: Parts = defaultdict(float)
    _instrument(spent)
    client = Client()
    paths = ["/api/search/?" + urlencode(params) for params in SEARCHES]
    for path in paths:  # warm-up: connections, caches, the throttle's script
        if _served(client, path) != 200:
            raise SystemExit(f"{path}: not 200; is the bench corpus there (--only search)?")
    per_round: list[dict[str, float]] = []
    for _ in range(rounds):
        spent.clear()
        started = time.perf_counter()
        for path in paths:
            _served(client, path)
        spent["TOTAL"] = time.perf_counter() - started
        per_round.append(dict(spent))
    labels = {label for one in per_round for label in one}
    medians = {
        label: statistics.median(one.get(label, 0.0) for one in per_round) / len(paths) * 1000
        for label in labels
    }
    transport = "Elasticsearch transport (the baseline's part)"
    outside = [(one["TOTAL"] - one.get(transport, 0.0)) / len(paths) * 1000 for one in per_round]
    medians["TOTAL outside the transport"] = statistics.median(outside)
    return medians


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_parts")
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args(argv)
    setup_django()
    with open("/proc/loadavg") as load:
        print(f"load average {load.read().split()[0]}; {args.rounds} rounds of 16 searches")
    for label, ms in sorted(measure(max(1, args.rounds)).items(), key=lambda item: -item[1]):
        print(f"{label:48s} {ms:7.3f} ms a request")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
