#!/usr/bin/env bash
# `make bench`: `python -m benchmarks` when a benchmarks/ package exists, else the
# matching/search bench modules found (matching.bench, search.bench, or packages
# matching.benchmarks / search.benchmarks). Test services are started for them (and the
# ones started here stopped afterwards). Extra arguments go to each bench.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scripts/setup.sh venv

modules=()
if [[ -f benchmarks/__init__.py || -f benchmarks/__main__.py ]]; then
  modules=(benchmarks)
else
  for pkg in matching search; do
    for m in bench benchmarks; do
      if [[ -f $pkg/$m.py || -f $pkg/$m/__main__.py ]]; then modules+=("$pkg.$m"); fi
    done
  done
fi
if ((${#modules[@]} == 0)); then
  echo "[bench] no benchmarks found (benchmarks/, matching/bench.py, search/bench.py)" >&2
  exit 1
fi

# shellcheck source=scripts/services.sh
. "$ROOT/scripts/services.sh"
services_up

for m in "${modules[@]}"; do
  echo "[bench] python -m $m $*" >&2
  .venv/bin/python -m "$m" "$@"
done
