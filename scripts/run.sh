#!/usr/bin/env bash
# `make run`: http://127.0.0.1:8000 (RUN_HOST, RUN_PORT) with SQLite, embedded search and demo
# data (settings backend.config.settings.dev), and beside it a real Celery worker with beat
# (scripts/worker.sh) on a broker that needs no server: messages are files under var/broker.
# A write commits and answers at once; the worker computes the suggestions and updates the
# search index moments later, as in production ("Beregner forslag …" on the page until then).
#
# The worker's log goes to the terminal, each line prefixed "[worker]", and to var/log/worker.log
# (this run's).
# When runserver stops (Ctrl-C, or it fails) the worker is stopped too, and the other way round.
# Safe to run again and again: migrations and demo data are idempotent, and a worker left behind
# by an earlier run on the same port that was killed outright is stopped first.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scripts/setup.sh venv
scripts/setup.sh frontend-build

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-backend.config.settings.dev}"
HOST="${RUN_HOST:-127.0.0.1}"
PORT="${RUN_PORT:-8000}"
mkdir -p var/log var/run
PIDFILE="var/run/worker-$PORT.pid"

log() { printf '[run] %s\n' "$*" >&2; }

# A worker of an earlier run that did not get to stop it (kill -9, a closed terminal).
if [[ -f $PIDFILE ]]; then
  old=$(<"$PIDFILE")
  if [[ $old =~ ^[0-9]+$ ]] && kill -0 "$old" 2>/dev/null \
    && ps -p "$old" -o command= 2>/dev/null | grep -q 'celery -A backend.config worker'; then
    log "stopping the worker left by an earlier run (pid $old)"
    kill -TERM "$old" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$old" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$PIDFILE"
fi

.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py demo_load

WORKER=""
SERVER=""
# shellcheck disable=SC2317  # called by the trap below
stop() {
  trap - EXIT INT TERM
  local pid
  for pid in $SERVER $WORKER; do kill -TERM "$pid" 2>/dev/null || true; done
  if [[ -n $WORKER ]]; then
    log "stopping the worker (it finishes the tasks in hand)"
    wait "$WORKER" 2>/dev/null || true
  fi
  [[ -z $SERVER ]] || wait "$SERVER" 2>/dev/null || true
  rm -f "$PIDFILE"
}
trap stop EXIT INT TERM

# The log pipe ignores Ctrl-C, so that it still carries the worker's last lines as it stops.
scripts/worker.sh > >(
  trap '' INT
  tee var/log/worker.log | while IFS= read -r line; do printf '[worker] %s\n' "$line"; done >&2
) 2>&1 &
WORKER=$!
echo "$WORKER" >"$PIDFILE"
log "worker pid $WORKER, log var/log/worker.log"
log "serving http://$HOST:$PORT/ (settings $DJANGO_SETTINGS_MODULE)"
.venv/bin/python manage.py runserver "$HOST:$PORT" --noreload &
SERVER=$!
# Whichever stops first ends the run (with its exit status); the trap stops the other. (A
# loop rather than `wait -n`, which macOS's bash 3.2 lacks.)
while kill -0 "$SERVER" 2>/dev/null && kill -0 "$WORKER" 2>/dev/null; do sleep 1; done
status=0
if kill -0 "$SERVER" 2>/dev/null; then wait "$WORKER" || status=$?; else wait "$SERVER" || status=$?; fi
exit "$status"
