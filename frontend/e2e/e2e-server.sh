#!/usr/bin/env bash
# Starts the real backend for the end-to-end tests as `make run` runs it: a fresh SQLite database,
# embedded search index and broker folder in a temp dir, migrations, demo data, Django's
# runserver on 127.0.0.1:${E2E_PORT:-8765} serving the built frontend (frontend/dist), and make
# run's Celery worker (scripts/worker.sh), which computes suggestions and updates the index after
# each write. Its pid is written to $E2E_WORKER_PIDFILE (default test-results/e2e-worker.pid),
# so that a test can pause it (helpers.ts: withWorkerPaused). Playwright's webServer runs this
# and stops it when the tests end; the worker is stopped with it.
set -euo pipefail
FRONTEND=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$FRONTEND/.." && pwd)
PORT=${E2E_PORT:-8765}
TMP=$(mktemp -d -t innovasjonstorget-e2e-XXXXXX)
trap 'rm -rf "$TMP"' EXIT

if [[ ${E2E_SKIP_BUILD:-0} != 1 ]]; then
  npm --prefix "$FRONTEND" run build >&2
fi

export DJANGO_SETTINGS_MODULE=backend.config.settings.dev
# The worker and the web process share the database (WAL, dev.py): a writer waits for the lock
# (timeout), and takes it at BEGIN (IMMEDIATE) so concurrent writes queue instead of failing.
export DATABASE_URL="sqlite:///$TMP/db.sqlite3?timeout=90&transaction_mode=IMMEDIATE"
export SEARCH_PATH="$TMP/search"
# make run's embedded search and broker folder, whatever services `make test` exported for pytest.
export SEARCH_BACKEND=backend.discovery.shared_index.SharedEmbeddedBackend
unset ELASTICSEARCH_URL
export CELERY_BROKER_URL=filesystem://localhost/
export CELERY_BROKER_DIR="$TMP/broker"
export CELERY_TASK_ALWAYS_EAGER=false
export RUN_WORKER_STATE="$TMP/run"
WORKER_PIDFILE=${E2E_WORKER_PIDFILE:-$FRONTEND/test-results/e2e-worker.pid}
# E-mails (verification and reset links) land as files that the tests read (helpers.ts).
export E2E_MAIL_DIR=${E2E_MAIL_DIR:-$FRONTEND/test-results/e2e-mail}
rm -rf "$E2E_MAIL_DIR" && mkdir -p "$E2E_MAIL_DIR"
# filemail:// + an absolute path (django-environ drops the first slash of the path).
export EMAIL_URL="filemail:///$E2E_MAIL_DIR"
export SITE_URL="http://127.0.0.1:$PORT"
# One browser on one address drives every test: throttle counters in this server's memory,
# with room for a whole run.
unset REDIS_URL CACHE_URL
export THROTTLE_RATES='{"auth": "1000/min", "auth_address": "1000/hour", "search_anon": "10000/min", "search_semantic_anon": "10000/min"}'
# The test services' OpenID Connect provider, when it runs (`make test` starts it): the login
# page then offers ID-porten, as 05-oidc.spec.ts expects. Without it, password login only.
unset OIDC_ISSUER OIDC_CLIENT_ID OIDC_CLIENT_SECRET
if "$ROOT/scripts/test-services.sh" is-running oidc; then
  while IFS= read -r line; do
    [[ $line == OIDC_* ]] && export "${line?}"
  done < <("$ROOT/scripts/test-services.sh" env)
fi
PY="$ROOT/.venv/bin/python"
cd "$ROOT"
"$PY" manage.py migrate --noinput >&2
"$PY" manage.py demo_load >&2
# One notification of every kind for the demo users (e2e/10-notifications.spec.ts follows them).
"$PY" manage.py notifications_examples >&2
WORKER=""
SERVER=""
# shellcheck disable=SC2317  # called by the trap below
stop() {
  trap - EXIT INT TERM
  # A paused worker (SIGSTOP) is let go first, so that it can stop.
  [[ -z $WORKER ]] || kill -CONT "$WORKER" 2>/dev/null || true
  for pid in $SERVER $WORKER; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $SERVER $WORKER; do wait "$pid" 2>/dev/null || true; done
  rm -f "$WORKER_PIDFILE"
  rm -rf "$TMP"
}
trap stop EXIT INT TERM
"$ROOT/scripts/worker.sh" > >(sed -u 's/^/[e2e worker] /' >&2) 2>&1 &
WORKER=$!
mkdir -p "$(dirname "$WORKER_PIDFILE")"
echo "$WORKER" >"$WORKER_PIDFILE"
echo "[e2e] backend on http://127.0.0.1:$PORT, worker pid $WORKER" >&2
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload &
SERVER=$!
status=0
wait -n "$SERVER" "$WORKER" || status=$?
exit "$status"
