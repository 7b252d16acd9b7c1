"""Expensive anonymous endpoints are throttled per client address."""

import logging
from typing import Any

import pytest
import redis
from django.test import override_settings
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from backend.common.throttling import SlidingLogThrottle
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
