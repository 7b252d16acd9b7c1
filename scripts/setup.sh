#!/usr/bin/env bash
# Idempotent setup steps shared by the Makefile targets.
#
#   scripts/setup.sh venv             .venv with `pip install -e '.[dev]'`, redone only when
#                                     pyproject.toml is newer than .venv/.installed-stamp
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

venv() {
  local stamp=.venv/.installed-stamp
  if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    log "creating .venv"
    rm -rf .venv
    "$(python_bin)" -m venv .venv
    rm -f "$stamp"
  fi
  if [[ -f $stamp && ! pyproject.toml -nt $stamp ]]; then return 0; fi
  log "pip install -e '.[dev]'"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
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
  frontend-deps) frontend_deps ;;
  frontend-build) frontend_build ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
