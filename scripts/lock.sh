#!/usr/bin/env bash
# `make lock`: pin every Python dependency with hashes (uv pip compile, universal markers,
# Python 3.11) after a change to pyproject.toml's dependencies; commit the lock files with it.
#
#   requirements/dev.lock    the package with its dev extra and build requirements: `make run`,
#                            `make test` and `make venv` install exactly this (scripts/setup.sh)
#   requirements/prod.lock   the package alone (and its build requirements), pinned to the same
#                            versions: the Docker image
#
# Versions already in the lock files are kept; `scripts/lock.sh --upgrade` (or
# `--upgrade-package NAME`) moves them. Each file records a hash of pyproject.toml's
# dependency lists, and setup.sh refuses a lock that does not match.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

UV=.venv/bin/uv
if [[ ! -x $UV ]]; then
  # Before the first `make venv`: a uv of the locked version (or the newest) in .venv.
  version=$(sed -n 's/^uv==\([^ ;]*\).*/\1/p' requirements/dev.lock 2>/dev/null || true)
  [[ -x .venv/bin/python ]] || "$(scripts/setup.sh python)" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check "uv${version:+==$version}"
fi

hash=$(scripts/setup.sh deps-hash)
compile() { # output extra-args...
  local out=$1; shift
  "$UV" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "make lock" "$@" -o "$out"
  sed -i "1i # pyproject.toml dependencies: sha256 $hash" "$out"
}
compile requirements/dev.lock pyproject.toml requirements/build.in --extra dev "$@"
# Production: a subset, constrained to the dev lock's versions.
compile requirements/prod.lock pyproject.toml requirements/build.in -c requirements/dev.lock "$@"
echo "[lock] requirements/dev.lock, requirements/prod.lock (pyproject sha256 $hash)" >&2
