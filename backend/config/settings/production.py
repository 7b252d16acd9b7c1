"""Production: every secret from the environment, HTTPS only, secure cookies.

`python manage.py check --deploy --fail-level WARNING` passes with these settings (make test
runs it). Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL; nothing falls
back to a development default.
"""

import os

os.environ.setdefault("SEARCH_BACKEND", "search.backends.elasticsearch.ElasticsearchBackend")
os.environ.setdefault("MATCHING_RETRIEVAL", "search")

from backend.config.env import env
from backend.config.settings.base import *  # noqa: F403

SECRET_KEY = env.str("DJANGO_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Required here (base.py falls back to SQLite for development). base.py has read the same URL,
# with its persistent connections and their health check: a DATABASES rebuilt here lost them
# and opened a new connection per request.
env.str("DATABASE_URL")

# HTTPS: redirect plain HTTP (behind a TLS-terminating proxy, set DJANGO_NUM_PROXIES so the
# proxy's X-Forwarded-Proto is believed) and tell browsers to use nothing else.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)

SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
