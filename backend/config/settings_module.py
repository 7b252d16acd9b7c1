"""Every entry point (manage.py, the WSGI application, Celery) runs with the settings module it
is given in DJANGO_SETTINGS_MODULE: none of them guesses one, least of all the development
settings, which would serve a production database with a known key and DEBUG on."""

import os

from django.core.exceptions import ImproperlyConfigured

SETTINGS_MODULES = {
    "backend.config.settings.dev": "make run and local work (SQLite, embedded search, DEBUG)",
    "backend.config.settings.test": "the test suite (real PostgreSQL, Redis, Elasticsearch)",
    "backend.config.settings.production": "deployments (secrets and hosts from the environment)",
}


def require_settings_module(*, entry_point: str) -> str:
    """The settings module named in the environment; refuses to start without one."""
    name = os.environ.get("DJANGO_SETTINGS_MODULE", "").strip()
    if not name:
        choices = "\n".join(f"  {module}: {use}" for module, use in SETTINGS_MODULES.items())
        raise ImproperlyConfigured(
            f"{entry_point}: DJANGO_SETTINGS_MODULE is not set, and nothing is assumed. "
            f"Set it to one of:\n{choices}\n"
            "(`make run`, `make test` and the Docker image set it themselves.)"
        )
    return name
