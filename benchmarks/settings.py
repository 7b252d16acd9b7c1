"""Settings of the benchmark's Django processes (the bench itself, gunicorn, Celery workers):
production-like (Elasticsearch search, matching candidates from its k-NN, the default model,
a real broker, DEBUG off) on the bench's own database, index prefix, broker and cache
databases, which benchmarks.stack puts in the environment. Never the test data's.
"""

import json
import os

os.environ.setdefault("SEARCH_BACKEND", "search.backends.elasticsearch.ElasticsearchBackend")
os.environ.setdefault("MATCHING_RETRIEVAL", "search")
os.environ.setdefault("SEARCH_REPLICAS", "0")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "bench")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "false")
# The load tests send thousands of anonymous searches from one address.
os.environ.setdefault(
    "THROTTLE_RATES",
    json.dumps({"search_anon": "1000000/min", "search_semantic_anon": "1000000/min"}),
)
os.environ.setdefault("LOG_LEVEL", "WARNING")

from backend.config.settings.base import *  # noqa: F403
from backend.config.settings.base import CACHES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]  # testserver: in-process requests
CACHES["default"]["KEY_PREFIX"] = "bench"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

from backend.config.settings.base import DATABASES, SEARCH_OPTIONS  # noqa: E402

# The bench drops and fills its database: refuse any other (the tests' or a real one).
if not str(DATABASES["default"].get("NAME", "")).endswith("_bench"):
    raise RuntimeError(
        "benchmarks.settings needs a database whose name ends in _bench "
        "(benchmarks.stack sets DATABASE_URL); got " + str(DATABASES["default"].get("NAME"))
    )
SEARCH_OPTIONS["request_timeout"] = 60.0
