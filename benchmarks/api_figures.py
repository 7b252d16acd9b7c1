"""Figures 4 and 5: the API under gunicorn against Elasticsearch and against the framework.

Search: each query is first sent through the API in this process while the search backend's
Elasticsearch transport records the requests it makes; the load tool then sends the API URL
to gunicorn and the recorded requests (same bodies) straight to Elasticsearch, with 1 and 8
concurrent clients, a round of each in turn (so both see the same load), and as a third side
the cheapest request through the same stack: Elasticsearch's time plus that floor is the
best any search through this stack could do. Lists and details:
requests per second under 8 clients, against the cheapest real request through the same
stack (a reference vocabulary: middleware, DRF, JSON, no database).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.dialogue.models import DialogueConference
from backend.discovery.services import search_backend
from backend.needs.models import Need
from backend.solutions.models import Solution
from benchmarks import loadgen
from benchmarks.loadgen import Call, Operation
from benchmarks.stack import gunicorn, peak_rss_mb

SEARCHES: tuple[dict[str, str], ...] = (
    {"q": "trygghetsalarm"},
    {"q": "sykehjem"},
    {"q": "kommunen"},
    {"q": "velferdsteknologj"},
    {"q": "inneklima skole"},
    {"q": "flood warning"},
    {"q": "digital læringsplattform", "type": "solution"},
    {"q": "energi", "sector": "klima-energi-miljo"},
    {"q": "transport", "county": "46"},
    {"q": "", "sort": "newest", "page": "3"},
    {"q": "", "type": "need", "stage": "markedsdialog", "sort": "deadline"},
    {"q": "sensor", "trl": "9"},
    {"q": "avløp lekkasje"},
    {"q": "ensomhet eldre"},
    {"q": "dialogkonferanse", "type": "conference"},
    {"q": "school meals"},
)
LISTS = ("/api/needs/", "/api/solutions/", "/api/conferences/", "/api/organizations/")
FLOOR = "/api/reference/sectors/"  # the whole stack, no database


@contextmanager
def recording_transport() -> Iterator[list[Call]]:
    """Record every request the search backend's Elasticsearch client sends."""
    transport: Any = search_backend().client.transport  # type: ignore[attr-defined]
    original = transport.perform_request
    calls: list[Call] = []

    def record(method: str, target: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(_call(method, target, kwargs.get("body")))
        return original(method, target, *args, **kwargs)

    transport.perform_request = record
    try:
        yield calls
    finally:
        transport.perform_request = original


def _call(method: str, target: str, body: Any) -> Call:
    """The request as sent: JSON, or newline-delimited JSON for a multi-search."""
    if body is None:
        return Call(method, target)
    if isinstance(body, list | tuple):
        lines = "".join(json.dumps(line, default=str) + "\n" for line in body)
        return Call(method, target, lines.encode(), (("Content-Type", "application/x-ndjson"),))
    return Call(method, target, json.dumps(body, default=str).encode())


def search_operations() -> tuple[list[Operation], list[Operation]]:
    """(API operations, the same searches as raw Elasticsearch operations)."""
    client = Client()
    api: list[Operation] = []
    raw: list[Operation] = []
    for params in SEARCHES:
        path = "/api/search/?" + urlencode(params)
        with recording_transport() as calls:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code} {response.content[:300]!r}")
        api.append([Call("GET", path)])
        raw.append(list(calls))
    return api, raw


def _percentiles(outcome: loadgen.Outcome) -> dict[str, float]:
    if outcome.errors:
        raise RuntimeError(f"{len(outcome.errors)} failed requests, first: {outcome.errors[0]}")
    return {"p50_ms": outcome.percentile_ms(0.5), "p95_ms": outcome.percentile_ms(0.95)}


def _interleaved(
    sides: Sequence[tuple[int, list[Operation]]], clients: int, rounds: int
) -> list[loadgen.Outcome]:
    """Rounds of each side (a port and its operations) in turn, so all see the same load."""
    outcomes = [loadgen.Outcome() for _ in sides]
    for _ in range(rounds):
        for (port, operations), outcome in zip(sides, outcomes, strict=True):
            one = loadgen.run(port, operations, clients=clients, rounds=1)
            outcome.latencies += one.latencies
            outcome.errors += one.errors
            outcome.seconds += one.seconds
    return outcomes


def search_latency(port: int, rounds: int) -> dict[str, Any]:
    """The API against Elasticsearch, and beside them the cheapest request through the same
    stack (``FLOOR``: gunicorn, middleware, DRF, JSON; no database, no search), as many times:
    no search through this stack can answer faster than Elasticsearch plus that floor, so
    ``best_ratio_*`` is the lowest ratio this stack could reach on this machine."""
    api, raw = search_operations()
    floor: list[Operation] = [[Call("GET", FLOOR)]] * len(api)
    es_port = urlsplit(os.environ["ELASTICSEARCH_URL"]).port or 9200
    sides = ((port, api), (es_port, raw), (port, floor))
    _interleaved(sides, clients=2, rounds=1)  # warm-up of every side
    figures: dict[str, Any] = {"queries": len(api), "rounds": rounds}
    for clients in (1, 8):
        api_run, es_run, floor_run = _interleaved(sides, clients, rounds)
        api_out, es_out = _percentiles(api_run), _percentiles(es_run)
        floor_out = _percentiles(floor_run)
        figures[f"c{clients}"] = {
            "api": api_out,
            "elasticsearch": es_out,
            "floor": floor_out,
            "ratio_p50": api_out["p50_ms"] / es_out["p50_ms"],
            "ratio_p95": api_out["p95_ms"] / es_out["p95_ms"],
            "best_ratio_p50": 1 + floor_out["p50_ms"] / es_out["p50_ms"],
            "best_ratio_p95": 1 + floor_out["p95_ms"] / es_out["p95_ms"],
        }
    return figures


def _details() -> dict[str, list[str]]:
    def paths(prefix: str, ids: Iterable[int]) -> list[str]:
        return [f"{prefix}{pk}/" for pk in ids]

    need = Need.objects.filter(status=Need.Status.PUBLISHED).order_by("?")
    solution = Solution.objects.filter(status=Solution.Status.PUBLISHED).order_by("?")
    conference = DialogueConference.objects.filter(status="published").order_by("?")
    return {
        "/api/needs/{id}/": paths("/api/needs/", need.values_list("pk", flat=True)[:50]),
        "/api/solutions/{id}/": paths(
            "/api/solutions/", solution.values_list("pk", flat=True)[:50]
        ),
        "/api/conferences/{id}/": paths(
            "/api/conferences/", conference.values_list("pk", flat=True)[:50]
        ),
    }


def _throughput(port: int, paths: Sequence[str], seconds: float, expect: int = 200) -> float:
    operations: list[Operation] = [[Call("GET", p, expect=expect)] for p in paths]
    outcome = loadgen.run(port, operations, clients=8, seconds=seconds)
    _percentiles(outcome)  # raises on errors
    return outcome.per_second


def list_throughput(port: int, seconds: float) -> dict[str, Any]:
    floor = _throughput(port, [FLOOR], seconds)
    figures: dict[str, Any] = {"floor_rps": floor, "floor": FLOOR}
    endpoints: dict[str, list[str]] = {p: [p, p + "?page_size=50"] for p in LISTS}
    endpoints |= _details()
    for name, paths in endpoints.items():
        rps = _throughput(port, paths, seconds)
        figures[name] = {"rps": rps, "ratio_vs_floor": rps / floor}
    return figures


def queries_per_page(sizes: tuple[int, int] = (10, 50)) -> dict[str, Any]:
    """SQL queries of each public list at two page sizes (in this process, anonymous)."""
    client = Client()
    figures: dict[str, Any] = {}
    for path in LISTS:
        counts = []
        for size in sizes:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, {"page_size": size})
            body = response.json() if response.status_code == 200 else {}
            if len(body.get("results", ())) != min(size, body.get("count", -1)):
                raise RuntimeError(f"{path}?page_size={size}: {response.status_code}")
            counts.append(len(queries))
        figures[path] = {f"page_size_{s}": c for s, c in zip(sizes, counts, strict=True)}
        figures[path]["ratio"] = counts[1] / counts[0]
    return figures


def api_figures(*, rounds: int, seconds: float) -> dict[str, Any]:
    with gunicorn() as (service, port):
        search = search_latency(port, rounds)
        lists = list_throughput(port, seconds)
        workers = service.children()
        memory = {
            "gunicorn_worker_peak_mb": max(peak_rss_mb(pid) for pid in workers),
            "gunicorn_master_peak_mb": peak_rss_mb(service.pid),
        }
    return {"search": search, "lists": lists, "memory": memory}
