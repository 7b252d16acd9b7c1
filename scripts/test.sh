#!/usr/bin/env bash
# `make test` (and `make lint` as `scripts/test.sh lint`).
#
# Installs what the checks need (venv, npm packages, apt packages via test-services.sh),
# starts PostgreSQL, Redis and Elasticsearch (reusing running ones), runs every check even
# after one fails, stops the services it started, and exits non-zero if any check failed.
# Nothing is skipped: a missing tool or config is a failure.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
MODE=${1:-all}

FAILED=()
PASSED=()
# Each check's output is also kept in var/test-logs/<check>.log; the summary repeats the end of
# a failed check's log, so the last lines of a run (all a CI report may keep) say what failed.
LOGDIR="$ROOT/var/test-logs"
mkdir -p "$LOGDIR"
rm -f "$LOGDIR"/*.log "$LOGDIR/pytest-flaky.txt"
step() { # name command...
  local name=$1; shift
  printf '\n=== %s: %s\n' "$name" "$*"
  local t0=$SECONDS
  if "$@" 2>&1 | tee "$LOGDIR/$name.log"; then
    PASSED+=("$name")
    printf '=== %s ok (%ss)\n' "$name" $((SECONDS - t0))
  else
    local rc=$?
    FAILED+=("$name")
    printf '=== %s FAILED with exit code %s (%ss)\n' "$name" "$rc" $((SECONDS - t0))
  fi
}

summary() {
  if [[ -s $LOGDIR/pytest-flaky.txt ]]; then
    printf '\n=== FLAKY: these tests failed once and passed when run again; fix them:\n'
    cat "$LOGDIR/pytest-flaky.txt"
  fi
  printf "\n=== make %s: %s checks ok" "$([[ $MODE == lint ]] && echo lint || echo test)" "${#PASSED[@]}"
  if ((${#FAILED[@]} > 0)); then
    printf '; FAILED: %s\n' "${FAILED[*]}"
    local name
    for name in "${FAILED[@]}"; do
      printf '\n=== the end of %s (var/test-logs/%s.log):\n' "$name" "$name"
      # Pytest's summary lines name each failure; other checks' last lines say what broke.
      grep -E '^(FAILED|ERROR) ' "$LOGDIR/$name.log" | head -n 40
      tail -n 25 "$LOGDIR/$name.log"
    done
    printf '\n=== make %s: FAILED: %s\n' "$([[ $MODE == lint ]] && echo lint || echo test)" "${FAILED[*]}"
    exit 1
  fi
  printf '; none failed\n'
}

has_frontend() { [[ -f frontend/package.json ]]; }
npm_has_script() { node -e 'process.exit(require("./frontend/package.json").scripts?.[process.argv[1]] ? 0 : 1)' "$1"; }

# frontend/openapi.yaml must equal what the backend generates now (`make api` refreshes it);
# the frontend's api:check then checks the TS types against that file.
openapi_fresh() {
  local tmp rc=0
  tmp=$(mktemp --suffix=.yaml)
  # The schema depends on the database vendor (integer bounds) and the language of its labels:
  # generate it as `make api`
  # does, in English with the dev settings on SQLite, whatever DATABASE_URL the tests export.
  env -u DATABASE_URL DJANGO_SETTINGS_MODULE=backend.config.settings.dev \
    .venv/bin/python manage.py spectacular --lang en --file "$tmp" || { rm -f "$tmp"; return 1; }
  diff -u frontend/openapi.yaml "$tmp" || {
    rc=1
    echo "frontend/openapi.yaml is stale: run \`make api\` and commit." >&2
  }
  rm -f "$tmp"
  return $rc
}

frontend_steps() {
  has_frontend || return 0
  step frontend-typecheck npm --prefix frontend run typecheck
  if npm_has_script lint; then step frontend-lint npm --prefix frontend run lint; fi
  if [[ -f frontend/openapi.yaml ]]; then step openapi-schema openapi_fresh; fi
  if npm_has_script api:check; then step frontend-api-types npm --prefix frontend run api:check; fi
  [[ $MODE == lint ]] && return 0
  step frontend-unit npm --prefix frontend run test
  step frontend-e2e npm --prefix frontend run e2e
  # The public pages on a phone, served as in production: Lighthouse budgets (scripts/lighthouse.sh).
  step lighthouse scripts/lighthouse.sh
}

scripts/setup.sh venv || { echo "venv setup failed" >&2; exit 1; }
export PATH="$ROOT/.venv/bin:$PATH"

# `manage.py check --deploy` with the production settings and only what a deployment must set
# (nothing else from this environment); any warning fails.
deploy_check() {
  local key
  key=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
  env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 \
    DJANGO_SETTINGS_MODULE=backend.config.settings.production \
    DJANGO_SECRET_KEY="$key" \
    DJANGO_ALLOWED_HOSTS=innovasjonstorget.example.no \
    DATABASE_URL=postgres://innovasjon@127.0.0.1:5432/innovasjon \
    .venv/bin/python manage.py check --deploy --fail-level WARNING
}

lint_steps() {
  step ruff-check .venv/bin/ruff check .
  step ruff-format .venv/bin/ruff format --check .
  step mypy .venv/bin/mypy
  step import-linter .venv/bin/lint-imports
  step deploy-check deploy_check
  step shellcheck shellcheck -x scripts/*.sh .ci/run
}

if [[ $MODE == lint ]]; then
  scripts/test-services.sh install || { echo "apt install failed" >&2; exit 1; }
  # Tools that import the test settings (mypy's django plugin) need the service URLs set.
  set -a
  eval "$(scripts/test-services.sh env)"
  set +a
  lint_steps
  if has_frontend; then scripts/setup.sh frontend-deps || exit 1; fi
  frontend_steps
  summary
  exit 0
fi

# --- install
if has_frontend; then
  scripts/setup.sh frontend-deps || { echo "npm ci failed" >&2; exit 1; }
fi
scripts/test-services.sh install || { echo "apt install failed" >&2; exit 1; }

# --- services
# shellcheck source=scripts/services.sh
. "$ROOT/scripts/services.sh"
services_up || { echo "test services did not start" >&2; exit 1; }

# Debian's Chromium for browser tests (no browser downloads on these machines).
export CHROMIUM_PATH=/usr/bin/chromium CHROME_BIN=/usr/bin/chromium
export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=/usr/bin/chromium PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The e2e backend's port (frontend/e2e/e2e-server.sh): 8765 unless another run holds it.
if [[ -z ${E2E_PORT:-} ]] && (exec 3<>/dev/tcp/127.0.0.1/8765) 2>/dev/null; then
  E2E_PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export E2E_PORT
  echo "[test] port 8765 is busy; e2e backend on $E2E_PORT"
fi

# The backend suite runs on several processes (pytest-xdist), a test file per process at a
# time: each process has its own test database, search indices and cache key prefix
# (backend/config/settings/test.py, pytest-django). Tests marked `alone` stop and restart
# the shared services: they run after the others, on one process. PYTEST_WORKERS overrides
# the number of processes (default: the CPUs, at most 4). The slowest files go first
# (tests/conftest.py), not xdist's order by number of tests.
pytest_workers() {
  local cpus
  cpus=$(nproc 2>/dev/null || echo 2)
  echo "${PYTEST_WORKERS:-$((cpus < 4 ? cpus : 4))}"
}

# A failed test is run once more, alone with the other failures, to tell a flaky test (it
# passes then) from a broken one. A flaky test does not fail the run, but the summary names
# it, so that it gets fixed; one that fails twice fails the run.
pytest_once_more() {
  local failed=0
  .venv/bin/pytest -n "$(pytest_workers)" --dist loadfile --no-loadscope-reorder -m "not alone" tests 2>&1 |
    tee "$LOGDIR/pytest-first.log"
  ((PIPESTATUS[0] == 0)) || failed=1
  printf '\n=== pytest: the tests that stop and restart services, alone\n'
  .venv/bin/pytest -m alone tests 2>&1 | tee -a "$LOGDIR/pytest-first.log"
  ((PIPESTATUS[0] == 0)) || failed=1
  ((failed == 0)) && return 0
  printf '\n=== pytest: running the failed tests once more\n'
  .venv/bin/pytest --last-failed --last-failed-no-failures none tests || return 1
  grep -E '^(FAILED|ERROR) ' "$LOGDIR/pytest-first.log" >"$LOGDIR/pytest-flaky.txt"
  return 0
}

# --- checks
lint_steps
step pytest pytest_once_more
frontend_steps
summary
