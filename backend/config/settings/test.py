"""Tests: real PostgreSQL, Redis and Elasticsearch, started by scripts/test-services.sh.

A missing service fails loudly: these variables have no defaults.
"""

import os

from backend.config.env import env

_REQUIRED = ("DATABASE_URL", "ELASTICSEARCH_URL", "CELERY_BROKER_URL")
_missing = [name for name in _REQUIRED if not os.environ.get(name)]
if _missing:
    raise RuntimeError(
        f"Test services are not configured: {', '.join(_missing)} unset. "
        "Run `bash scripts/test-services.sh start` and export var/test-services/env "
        "(`make test` does both)."
    )

os.environ.setdefault("SEARCH_BACKEND", "search.backends.elasticsearch.ElasticsearchBackend")
os.environ.setdefault("SEARCH_REPLICAS", "0")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
# The deterministic hashing encoder keeps the API suite fast; tests/backend/matches and
# tests/matching run the real default model.
os.environ.setdefault("EMBEDDING_MODEL", "fake-384")
# Throttle counters in the real Redis, under a prefix of this process (tests/backend/conftest.py
# clears them between tests).
os.environ.setdefault("CACHE_URL", os.environ.get("REDIS_URL") or os.environ["CELERY_BROKER_URL"])

from backend.config.broker import broker_transport_options  # noqa: E402
from backend.config.settings.base import *  # noqa: E402, F403
from backend.config.settings.base import (  # noqa: E402
    CACHES,
    CELERY_BROKER_TRANSPORT_OPTIONS,
    CELERY_BROKER_URL,
    SEARCH_OPTIONS,
)

# A worker started on make run's broker (tests/backend/test_run_worker.py) finds its folders.
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(
    CELERY_BROKER_URL, CELERY_BROKER_TRANSPORT_OPTIONS
)

SEARCH_OPTIONS["index_prefix"] = env.str("SEARCH_INDEX_PREFIX", default=f"test-{os.getpid()}")
SEARCH_OPTIONS["refresh"] = True
SEARCH_OPTIONS["embedding_dims"] = 384
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"
# The throttle gives Redis 0.1 s in production; a test machine shared by several runs can be
# slower than that now and then, and a throttle that timed out stops counting for a while.
THROTTLE_REDIS_TIMEOUT = 0.5
# Static files are looked up when a request asks for one, not listed and stat-ed each time a
# test client loads the middleware (every new client, some 14 ms): an e2e run's `vite build`
# empties and refills frontend/dist, and a test whose client listed a file that was gone by
# the stat failed with FileNotFoundError, whatever it tested.
WHITENOISE_AUTOREFRESH = True
