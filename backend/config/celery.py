"""Celery application. Tasks are thin wrappers over services.

Workers and beat need DJANGO_SETTINGS_MODULE (backend.config.settings.production in
deployments): no settings module is assumed, so a worker started without one stops at once
with Django's "settings are not configured" instead of running on the development settings.
"""

from celery import Celery

app = Celery("innovasjonstorget")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
