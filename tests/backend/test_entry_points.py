"""Entry points never guess their settings, and the demo loader keeps out of production.

manage.py, the WSGI application and Celery run in child processes without
DJANGO_SETTINGS_MODULE, as an operator's shell or a forgotten unit file would start them.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from backend.accounts.models import Organization, User

ROOT = Path(__file__).resolve().parents[2]


def _run_without_settings(*args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_manage_py_without_a_settings_module_stops_and_names_the_choices() -> None:
    # when
    result = _run_without_settings("manage.py", "check")
    # then
    assert result.returncode == 2
    assert result.stdout == ""
    assert "manage.py: DJANGO_SETTINGS_MODULE is not set, and nothing is assumed" in result.stderr
    assert "backend.config.settings.production" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_wsgi_application_without_a_settings_module_refuses_to_load() -> None:
    # when
    result = _run_without_settings("-c", "import backend.config.wsgi")
    # then
    assert result.returncode != 0
    assert "WSGI: DJANGO_SETTINGS_MODULE is not set, and nothing is assumed" in result.stderr


def test_celery_without_a_settings_module_stops_instead_of_using_the_dev_settings() -> None:
    # when: a worker reads its configuration from the settings at start
    result = _run_without_settings(
        "-c", "from backend.config.celery import app; print(app.conf.task_acks_late)"
    )
    # then
    assert result.returncode != 0
    assert "settings are not configured" in result.stderr
    assert "DJANGO_SETTINGS_MODULE" in result.stderr
    assert result.stdout == ""


@pytest.mark.django_db
def test_demo_load_refuses_when_debug_is_off() -> None:
    # given: the test settings run with DEBUG off, as production does
    users, organizations = User.objects.count(), Organization.objects.count()
    # when
    with pytest.raises(CommandError) as refused:
        call_command("demo_load")
    # then
    assert "Refusing to load demo data: DEBUG is off" in str(refused.value)
    assert "--force" in str(refused.value)
    assert User.objects.count() == users
    assert Organization.objects.count() == organizations


@pytest.mark.django_db
def test_demo_load_with_force_loads_even_when_debug_is_off() -> None:
    # when
    call_command("demo_load", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # then
    assert User.objects.filter(email="radgiver@lup.no").exists()
    assert Organization.objects.filter(name="Bergen kommune").exists()
