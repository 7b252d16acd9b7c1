"""Expensive anonymous endpoints are throttled per client address."""

import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.conf import settings
from django.test import override_settings
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from backend.common.throttling import THROTTLE_REDIS_TIMEOUT, SlidingLogThrottle
from tests.backend.conftest import World


def test_anonymous_semantic_search_is_throttled(world: World) -> None:
    # given: the anonymous allowance of semantic searches (20 a minute) used up
    client = APIClient()
    allowed = [
        client.get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"}).status_code
        for _ in range(20)
    ]
    # when
    semantic = client.get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"})
    keyword = client.get("/api/search/", {"q": "velferdsteknologi"})
    signed_in = world.client("buyer").get(
        "/api/search/", {"q": "velferdsteknologi", "semantic": "true"}
    )
    # then: plain keyword search and signed-in users go on
    assert allowed == [200] * 20
    assert semantic.status_code == 429
    assert int(semantic["Retry-After"]) > 0
    assert (keyword.status_code, signed_in.status_code) == (200, 200)


def test_a_search_in_the_default_mode_counts_as_semantic_when_that_is_the_default(
    world: World,
) -> None:
    # given: semantic search is the site's default
    client = APIClient()
    with override_settings(SEARCH_SEMANTIC_DEFAULT=True):
        allowed = [client.get("/api/search/", {"q": "kommune"}).status_code for _ in range(20)]
        # when: the request does not say, or asks for words only
        default = client.get("/api/search/", {"q": "kommune"})
        words = client.get("/api/search/", {"q": "kommune", "semantic": "false"})
    # then
    assert allowed == [200] * 20
    assert (default.status_code, words.status_code) == (429, 200)


class _LogThrottle(SlidingLogThrottle):
    """Three requests a minute on one key, on a clock the test sets."""

    rate = "3/min"
    clock = 1_000_000.0

    def get_cache_key(self, request: Request, view: Any) -> str:
        return "throttle_test_sliding_log"

    def timer(self) -> float:  # type: ignore[override]
        return self.clock


def _hit(at: float) -> float | None:
    throttle = _LogThrottle()
    throttle.clock = at
    request = Request(APIRequestFactory().get("/api/search/"))
    return None if throttle.allow_request(request, None) else throttle.wait()


def test_the_sliding_log_allows_the_rate_in_any_window_and_says_how_long_to_wait() -> None:
    # given three requests in the first 20 seconds of a minute (the rate: 3 a minute)
    start = 1_000_000.0
    allowed = [_hit(start), _hit(start + 10), _hit(start + 20)]
    # when more come while those are in the window, and after each one leaves it
    refused = [_hit(start + 30), _hit(start + 59.5)]
    after_first = [_hit(start + 60.5), _hit(start + 61)]
    after_second = _hit(start + 70.5)
    # then: a sliding window, not a fixed one; Retry-After until the oldest leaves
    assert allowed == [None, None, None]
    assert refused == [pytest.approx(30.0), pytest.approx(0.5)]
    assert after_first == [None, pytest.approx(9.0)]
    assert after_second is None


def test_a_throttled_search_costs_one_redis_round_trip(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the throttle's script known to Redis (the first request loads it)
    client = APIClient()
    assert client.get("/api/search/", {"q": "velferdsteknologi"}).status_code == 200
    commands: list[str] = []
    original = redis.Redis.execute_command

    def spy(self: redis.Redis, *args: Any, **options: Any) -> Any:
        commands.append(str(args[0]))
        return original(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", spy)
    # when an anonymous search is made
    response = client.get("/api/search/", {"q": "velferdsteknologi"})
    # then the throttle asked Redis once (DRF's throttle: a GET of the history, then a SET)
    assert response.status_code == 200
    assert commands == ["EVALSHA"]


def test_search_goes_on_when_the_throttle_cache_is_down(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    # given the cache pointing at a Redis nobody listens to (nothing is stopped)
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    # when anonymous searches are made, words and semantic
    with override_settings(CACHES=down), caplog.at_level(logging.WARNING, "backend.common"):
        words = APIClient().get("/api/search/", {"q": "velferdsteknologi"})
        semantic = APIClient().get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"})
    # then they are answered, uncounted, and the log says so
    assert (words.status_code, semantic.status_code) == (200, 200)
    assert "Throttle cache unavailable; AnonSearchThrottle not counted" in caplog.text
    assert "AnonSemanticSearchThrottle not counted" in caplog.text


class _HangingServer:
    """A TCP server on 127.0.0.1 that accepts connections and never answers (a Redis that
    hangs, rather than one that refuses); counts the connections it was sent."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        self.port: int = self._socket.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self._socket.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)  # held open, never read or answered

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for connection in self.connections:
            connection.close()
        self._socket.close()


@pytest.fixture
def hanging_redis() -> Iterator[_HangingServer]:
    server = _HangingServer()
    try:
        yield server
    finally:
        server.close()


def _cache_at(port: int) -> dict[str, dict[str, Any]]:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }


def test_search_goes_on_when_the_throttle_cache_hangs(
    world: World, hanging_redis: _HangingServer, caplog: pytest.LogCaptureFixture
) -> None:
    # given the cache pointing at a server that takes connections and never answers
    # when an anonymous semantic search (both search throttles) is made, then another
    with (
        override_settings(CACHES=_cache_at(hanging_redis.port)),
        caplog.at_level(logging.WARNING, "backend.common"),
    ):
        started = time.monotonic()
        first = APIClient().get("/api/search/", {"q": "velferdsteknologi", "semantic": "true"})
        first_took = time.monotonic() - started
        asked = len(hanging_redis.connections)
        second = APIClient().get("/api/search/", {"q": "velferdsteknologi"})
    # then both are answered, uncounted, and the log says why
    assert (first.status_code, second.status_code) == (200, 200)
    assert "AnonSearchThrottle not counted (TimeoutError" in caplog.text
    assert "Redis is asked again in 10 s" in caplog.text
    assert "AnonSemanticSearchThrottle not counted" in caplog.text
    # the throttle waited for the hanging server once, its timeout (0.1 s in production, 0.5
    # in the tests) and no retry, not Django's cache client's 5 s a try: a bound far from
    # both, not a measurement
    assert asked == 1
    assert THROTTLE_REDIS_TIMEOUT == 0.1
    assert settings.THROTTLE_REDIS_TIMEOUT == 0.5
    assert first_took < 4.0
    # and for the pause the throttles did not ask the hanging server again
    assert len(hanging_redis.connections) == asked


def test_the_throttle_asks_a_hanging_redis_again_after_its_pause(
    world: World, hanging_redis: _HangingServer
) -> None:
    # given the pause after a failure set to nothing
    with override_settings(CACHES=_cache_at(hanging_redis.port), THROTTLE_REDIS_PAUSE=0):
        # when two anonymous searches are made
        answers = [
            APIClient().get("/api/search/", {"q": "velferdsteknologi"}).status_code
            for _ in range(2)
        ]
    # then each asked Redis (timed out on its own connection: a timed-out one is not reused)
    assert answers == [200, 200]
    assert len(hanging_redis.connections) == 2
