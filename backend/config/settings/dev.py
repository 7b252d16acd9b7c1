"""`make run`: SQLite, embedded search, DEBUG, and a real Celery worker beside the web process
(scripts/run.sh starts both) on a broker that needs no server: messages are files under
var/broker. A write commits and answers; the worker computes matches and updates the index.
``CELERY_TASK_ALWAYS_EAGER=true`` runs the tasks inside the request instead (no worker)."""

import os

os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "false")
os.environ.setdefault("CELERY_BROKER_URL", "filesystem://localhost/")
os.environ.setdefault("DJANGO_DEBUG", "true")
# The embedded index file, shared by the web process (reads) and the worker (writes).
os.environ.setdefault("SEARCH_BACKEND", "backend.discovery.shared_index.SharedEmbeddedBackend")

from backend.config.broker import broker_transport_options
from backend.config.settings.base import *  # noqa: F403
from backend.config.settings.base import (
    CELERY_BROKER_TRANSPORT_OPTIONS,
    CELERY_BROKER_URL,
    DATABASES,
)

# Messages as files under CELERY_BROKER_DIR (default var/broker), shared by the two processes.
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(
    CELERY_BROKER_URL, CELERY_BROKER_TRANSPORT_OPTIONS
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two processes share the database: in write-ahead-log mode readers never wait for the
    # worker's writes nor the worker for them; writers queue on the busy timeout (base.py).
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
    )
