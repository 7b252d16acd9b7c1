#!/usr/bin/env python
"""Django's command-line utility for Innovasjonstorget.

DJANGO_SETTINGS_MODULE must be set (e.g. backend.config.settings.dev for local work): no
settings module is assumed.
"""

import sys


def main() -> None:
    from django.core.exceptions import ImproperlyConfigured

    from backend.config.settings_module import require_settings_module

    try:
        require_settings_module(entry_point="manage.py")
    except ImproperlyConfigured as error:
        sys.stderr.write(f"{error}\n")
        sys.exit(2)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
