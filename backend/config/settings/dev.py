"""`make run`: one process, SQLite, embedded search, Celery eager."""

import os

os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("DJANGO_DEBUG", "true")

from backend.config.settings.base import *  # noqa: F403
