#!/usr/bin/env bash
# The Celery worker of `make run` (scripts/run.sh starts it beside runserver; the e2e server and
# tests/backend/test_run_worker.py start it the same way): every queue (default, search,
# matching, notifications), beat inside it (-B: the outbox sweeper and the scheduled tasks),
# on the broker the settings name. With the dev settings that is `filesystem://`: messages are files under
# CELERY_BROKER_DIR (default var/broker), no server needed.
#
# Two pool processes, so a slow matching run never holds up the search index. The embedding
# model is loaded by the process that first needs it. Stops on SIGTERM or SIGINT after the
# tasks in hand (Celery's warm shutdown).
#
#   RUN_WORKER_CONCURRENCY  pool processes (default 2)
#   RUN_WORKER_STATE        folder of beat's schedule file (default var/run)
#   RUN_WORKER_NAME         the worker's node name (default run-<pid>@<host>)
#   RUN_WORKER_LOGLEVEL     Celery's log level (default INFO: a line per task received and done)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-backend.config.settings.dev}"
STATE="${RUN_WORKER_STATE:-$ROOT/var/run}"
mkdir -p "$STATE"

exec "$ROOT/.venv/bin/celery" -A backend.config worker \
  --beat --schedule "$STATE/beat-schedule" \
  --queues default,search,matching,notifications \
  --concurrency "${RUN_WORKER_CONCURRENCY:-2}" \
  --hostname "${RUN_WORKER_NAME:-run-$$@%h}" \
  --without-gossip --without-mingle \
  --loglevel "${RUN_WORKER_LOGLEVEL:-INFO}"
