"""Rate limits for sign-in, registration, password reset, tokens and anonymous search.

Two layers: django-axes locks an account out after repeated wrong passwords (its state is
in the database, visible to operators in the admin), and DRF throttles count requests per
client, per submitted address and per account in the cache (Redis outside `make run`).
"""

import hashlib
import logging
import re
import threading
import time
import uuid
from typing import Any

import redis
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle

logger = logging.getLogger(__name__)


def lockout_seconds() -> int:
    """How long an account stays locked after its last wrong password."""
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _lockout_message(seconds: int) -> str:
    minutes = max(1, round(seconds / 60))
    return _(
        "Too many wrong passwords for this account. Wait %(minutes)d minutes and try again, "
        "or reset your password."
    ) % {"minutes": minutes}


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """AXES_USERNAME_CALLABLE: the account an attempt is for, as lower-case e-mail (the API
    and the admin both pass it to authenticate() as `username`)."""
    source: Any = credentials if credentials else request.POST
    return str(source.get("username") or "").strip().lower()


class LockedOut(exceptions.Throttled):
    """429 with Retry-After: the account is locked after too many wrong passwords."""

    def __init__(self) -> None:
        seconds = lockout_seconds()
        super().__init__(detail=_lockout_message(seconds))
        self.wait = seconds  # Retry-After, without DRF's "Expected available in …" suffix


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the same 429 for the API (already built) and the admin login."""
    if original_response is not None and original_response.status_code == 429:
        return original_response
    seconds = lockout_seconds()
    response = JsonResponse({"detail": _lockout_message(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


#: A client's request log as a sorted set of request times, checked and written in one call:
#: drop the times older than the window, refuse when the window holds the limit (answering the
#: time that must leave the window first), else add this request. KEYS[1]: the log; ARGV: now
#: (epoch seconds), the window's start, the limit, a member unique to this request, seconds
#: the log outlives its last request. Times pass as strings (a Lua number prints 14 digits).
SLIDING_LOG = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local count, limit = redis.call('ZCARD', KEYS[1]), tonumber(ARGV[3])
if count >= limit then
  return redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')[2]
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return false
"""


#: How long the throttle waits for Redis to connect or answer, in seconds (setting
#: THROTTLE_REDIS_TIMEOUT). A throttle must never hold a request up: a Redis that hangs (not
#: only one that refuses) costs a request at most this long, once, and the request goes
#: through uncounted (`_FailOpen`). A local Redis answers in well under a millisecond.
THROTTLE_REDIS_TIMEOUT = 0.1
#: After Redis failed to answer, the throttles leave it alone this long (seconds), so that a
#: hanging Redis does not add the timeout to every request. Setting THROTTLE_REDIS_PAUSE.
THROTTLE_REDIS_PAUSE = 10.0

_pools: dict[str, redis.ConnectionPool] = {}
_unavailable_until: dict[str, float] = {}
_lock = threading.Lock()


def _cache_url() -> str | None:
    """The default cache's Redis (its first server, the one Django writes to), if it is one."""
    if not isinstance(caches[DEFAULT_CACHE_ALIAS], RedisCache):
        return None
    location: str | list[str] = settings.CACHES[DEFAULT_CACHE_ALIAS]["LOCATION"]
    servers = re.split("[;,]", location) if isinstance(location, str) else location
    return servers[0]


def throttle_redis(url: str) -> redis.Redis:
    """The throttle's own client of the cache's Redis, with a short connect and read timeout
    and no retries; Django's cache client would wait 5 s a try, and retry."""
    with _lock:
        pool = _pools.get(url)
        if pool is None:
            options: dict[str, Any] = settings.CACHES[DEFAULT_CACHE_ALIAS].get("OPTIONS", {})
            timeout = float(getattr(settings, "THROTTLE_REDIS_TIMEOUT", THROTTLE_REDIS_TIMEOUT))
            pool = _pools[url] = redis.ConnectionPool.from_url(
                url,
                **{
                    **options,
                    "socket_timeout": timeout,
                    "socket_connect_timeout": timeout,
                    "retry": Retry(NoBackoff(), 0),
                },
            )
    return redis.Redis(connection_pool=pool)


def sliding_log_hit(url: str, key: str, *, now: float, window: int, limit: int) -> float:
    """Count a request in `key`'s log of the last `window` seconds in one Redis round trip
    (one script, atomic: concurrent requests cannot both take the last place). Returns 0 when
    the request is allowed, else the seconds until enough of the log has left the window.
    Raises RedisError when Redis refuses or does not answer within the throttle's timeout."""
    if limit <= 0:
        return float(window)
    script = throttle_redis(url).register_script(SLIDING_LOG)
    member = f"{now!r}:{uuid.uuid4().hex[:12]}"
    leaving = script(keys=[key], args=[repr(now), repr(now - window), limit, member, window])
    if leaving is None:
        return 0.0
    return max(float(leaving) + window - now, 0.001)


class SlidingLogThrottle(SimpleRateThrottle):
    """DRF's rate throttle (the same rates, the same sliding window: at most N requests in any
    period, 429 with Retry-After), counted in one Redis round trip instead of DRF's read of the
    request history and write of it back, which also let concurrent requests past the limit.
    With another cache (memory, `make run`) DRF's own implementation counts."""

    _wait: float = 0.0

    def allow_request(self, request: Request, view: Any) -> bool:
        store = caches[DEFAULT_CACHE_ALIAS]
        url = _cache_url()
        if self.rate is None or url is None:
            return super().allow_request(request, view)
        key = self.get_cache_key(request, view)
        limit, window = self.parse_rate(self.rate)
        if key is None or limit is None or window is None:
            return True
        self._wait = sliding_log_hit(
            url, store.make_key(f"{key}:log"), now=self.timer(), window=window, limit=limit
        )
        return self._wait == 0.0

    def wait(self) -> float | None:
        if not isinstance(caches[DEFAULT_CACHE_ALIAS], RedisCache):
            return super().wait()
        return self._wait


class _FailOpen:
    """With the cache (Redis) down or hanging, let requests through rather than fail or hold
    them: the lockout after wrong passwords lives in the database and still holds. A Redis
    that did not answer is left alone for THROTTLE_REDIS_PAUSE seconds."""

    def allow_request(self, request: Request, view: Any) -> bool:
        url = _cache_url()
        if url is not None and _unavailable_until.get(url, 0.0) > time.monotonic():
            logger.warning("Throttle cache unavailable; %s not counted", type(self).__name__)
            return True
        try:
            allowed: bool = super().allow_request(request, view)  # type: ignore[misc]
        except RedisError as error:
            pause = float(getattr(settings, "THROTTLE_REDIS_PAUSE", THROTTLE_REDIS_PAUSE))
            if url is not None:
                _unavailable_until[url] = time.monotonic() + pause
            logger.warning(
                "Throttle cache unavailable; %s not counted (%s: %s; Redis is asked again in %g s)",
                type(self).__name__,
                type(error).__name__,
                error,
                pause,
            )
            return True
        return allowed


class AuthClientThrottle(_FailOpen, ScopedRateThrottle, SlidingLogThrottle):
    """Per client address (or account, when signed in), for the view's `throttle_scope`."""


class AddressThrottle(_FailOpen, SlidingLogThrottle):
    """Per e-mail address submitted in the body: nobody gets flooded with our mail, whether
    or not the address has an account (the limit is the same for both)."""

    scope = "auth_address"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        email = request.data.get("email") if hasattr(request.data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


class AccountThrottle(_FailOpen, SlidingLogThrottle):
    """Per signed-in account (API tokens, password change)."""

    scope = "account"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class AnonSearchThrottle(_FailOpen, AnonRateThrottle, SlidingLogThrottle):
    """Anonymous searches per client address."""

    scope = "search_anon"


class AnonSemanticSearchThrottle(_FailOpen, AnonRateThrottle, SlidingLogThrottle):
    """Anonymous semantic searches (each runs the embedding model) per client address: asked
    for, or the site's default mode (``SEARCH_SEMANTIC_DEFAULT``) when the request does not say.
    A words search reaches the model only when all its word levels find little."""

    scope = "search_semantic_anon"

    def allow_request(self, request: Request, view: Any) -> bool:
        asked = str(request.query_params.get("semantic", "")).lower()
        semantic = asked in ("1", "t", "true", "y", "yes", "on")
        if not asked:
            semantic = settings.SEARCH_SEMANTIC_DEFAULT
        if not semantic:
            return True
        return super().allow_request(request, view)
