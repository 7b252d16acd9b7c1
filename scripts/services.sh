#!/usr/bin/env bash
# Sourced by test.sh and bench.sh: start the test services (with the OIDC provider), remember which ones were
# already running (someone else's), and stop only the ones we started when the shell exits.
# Exports the variables of var/test-services/env.

SERVICES_SCRIPT="$ROOT/scripts/test-services.sh"
STARTED_SERVICES=()

services_up() {
  local s
  for s in postgres redis elasticsearch oidc; do
    "$SERVICES_SCRIPT" is-running "$s" || STARTED_SERVICES+=("$s")
  done
  trap services_down EXIT
  trap "exit 130" INT TERM
  "$SERVICES_SCRIPT" start
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/var/test-services/env"
  set +a
}

services_down() {
  ((${#STARTED_SERVICES[@]} > 0)) || return 0
  "$SERVICES_SCRIPT" stop "${STARTED_SERVICES[@]}" || true
  STARTED_SERVICES=()
}
