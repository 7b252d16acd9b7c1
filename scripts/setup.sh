#!/usr/bin/env bash
# Idempotent setup steps shared by the Makefile targets.
#
#   scripts/setup.sh venv             .venv with exactly the pinned, hashed requirements/dev.lock
#                                     (pip --require-hashes), then the project itself (editable,
#                                     --no-deps); redone only when the lock or pyproject.toml is
#                                     newer than .venv/.installed-stamp. Refuses a lock made for
#                                     other dependencies than pyproject.toml's (run `make lock`).
#   scripts/setup.sh deps-hash        sha256 of pyproject.toml's dependency lists (as the locks record it)
#   scripts/setup.sh python           path of a Python 3.11
#   scripts/setup.sh frontend-deps    npm ci in frontend/ (skipped when package-lock.json is
#                                     older than node_modules/.ci-stamp); no-op without frontend/package.json
#   scripts/setup.sh frontend-build   npm run build in frontend/; no-op without frontend/package.json
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

log() { printf '[setup] %s\n' "$*" >&2; }

python_bin() { # a Python 3.11: $PYTHON, python3.11 on PATH, pyenv's, Debian's
  local p
  for p in "${PYTHON:-}" python3.11 "$HOME"/.pyenv/versions/3.11*/bin/python3.11 /usr/bin/python3.11; do
    [[ -n $p ]] || continue
    p=$(command -v "$p") || continue
    "$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null && { echo "$p"; return; }
  done
  echo "no Python 3.11 found (set PYTHON=/path/to/python3.11)" >&2
  return 1
}

LOCK=requirements/dev.lock

# The hash of what pyproject.toml asks for: requires-python, dependencies, optional-dependencies
# and the build requirements. scripts/lock.sh writes it into each lock file.
deps_hash() {
  "$(python_bin)" - <<'PY'
import hashlib, json, tomllib
with open("pyproject.toml", "rb") as f:
    data = tomllib.load(f)
project = data["project"]
wanted = {
    "requires-python": project.get("requires-python"),
    "dependencies": project.get("dependencies", []),
    "optional-dependencies": project.get("optional-dependencies", {}),
    "build-system": data.get("build-system", {}).get("requires", []),
}
print(hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest())
PY
}

lock_check() {
  [[ -f $LOCK ]] || { log "$LOCK is missing: run \`make lock\`"; return 1; }
  local want have
  want=$(deps_hash)
  have=$(sed -n 's/^# pyproject.toml dependencies: sha256 \([0-9a-f]*\)$/\1/p' "$LOCK")
  if [[ $want != "$have" ]]; then
    log "pyproject.toml's dependencies changed since $LOCK was made: run \`make lock\` and commit requirements/"
    return 1
  fi
}

venv() {
  local stamp=.venv/.installed-stamp
  if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    log "creating .venv"
    rm -rf .venv
    "$(python_bin)" -m venv .venv
    rm -f "$stamp"
  fi
  lock_check
  if [[ -f $stamp && ! pyproject.toml -nt $stamp && ! $LOCK -nt $stamp ]]; then return 0; fi
  log "pip install --require-hashes -r $LOCK"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$LOCK"
  log "pip install --no-deps -e ."
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  touch "$stamp"
}

has_frontend() { [[ -f frontend/package.json ]]; }

frontend_deps() {
  has_frontend || return 0
  local stamp=frontend/node_modules/.ci-stamp lock=frontend/package-lock.json
  if [[ -f $stamp && ! $lock -nt $stamp && ! frontend/package.json -nt $stamp ]]; then return 0; fi
  if [[ -f $lock ]]; then
    log "npm ci (frontend)"
    npm --prefix frontend ci --no-audit --no-fund --loglevel=error
  else
    log "npm install (frontend; no package-lock.json)"
    npm --prefix frontend install --no-audit --no-fund --loglevel=error
  fi
  touch "$stamp"
}

frontend_build() {
  has_frontend || return 0
  frontend_deps
  log "npm run build (frontend)"
  npm --prefix frontend run build
}

case ${1:-} in
  venv) venv ;;
  deps-hash) deps_hash ;;
  python) python_bin ;;
  frontend-deps) frontend_deps ;;
  frontend-build) frontend_build ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
