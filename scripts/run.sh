#!/usr/bin/env bash
# `make run`: one process on http://127.0.0.1:8000 with SQLite, embedded search, Celery eager
# and demo data (settings backend.config.settings.dev). Safe to run again and again.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scripts/setup.sh venv
scripts/setup.sh frontend-build

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-backend.config.settings.dev}"
HOST="${RUN_HOST:-127.0.0.1}"
PORT="${RUN_PORT:-8000}"

.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py demo_load
echo "[run] serving http://$HOST:$PORT/ (settings $DJANGO_SETTINGS_MODULE)" >&2
exec .venv/bin/python manage.py runserver "$HOST:$PORT" --noreload
