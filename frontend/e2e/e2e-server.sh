#!/usr/bin/env bash
# Starts the real backend for the end-to-end tests: a fresh SQLite database and
# embedded search index in a temp dir, migrations, demo data, and Django's
# runserver on 127.0.0.1:${E2E_PORT:-8765} serving the built frontend (frontend/dist).
# Playwright's webServer runs this and stops it when the tests end.
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
# Eager Celery tasks can hold the SQLite write lock for a while: wait for it (timeout), and take
# the write lock at BEGIN (IMMEDIATE) so concurrent requests queue instead of failing at once.
export DATABASE_URL="sqlite:///$TMP/db.sqlite3?timeout=90&transaction_mode=IMMEDIATE"
export SEARCH_PATH="$TMP/search"
# Embedded search and eager tasks whatever services `make test` exported for pytest.
export SEARCH_BACKEND=search.backends.embedded.EmbeddedBackend
unset ELASTICSEARCH_URL CELERY_BROKER_URL
export CELERY_TASK_ALWAYS_EAGER=true
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
echo "[e2e] backend on http://127.0.0.1:$PORT" >&2
# Not exec: the EXIT trap must remove the temp dir after the server stops.
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
wait $SERVER
