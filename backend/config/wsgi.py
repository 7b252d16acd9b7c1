"""The WSGI application (gunicorn backend.config.wsgi:application).

DJANGO_SETTINGS_MODULE must be set (backend.config.settings.production in deployments; the
Docker image sets it): no settings module is assumed.
"""

from django.core.wsgi import get_wsgi_application

from backend.config.settings_module import require_settings_module

require_settings_module(entry_point="WSGI")

application = get_wsgi_application()
