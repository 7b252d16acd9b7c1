"""Celery application. Tasks are thin wrappers over services."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings.dev")

app = Celery("innovasjonstorget")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
