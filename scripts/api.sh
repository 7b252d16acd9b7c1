#!/usr/bin/env bash
# `make api`: regenerate frontend/openapi.yaml from the backend (drf-spectacular) and the
# TypeScript types from it (npm run api:generate). make test fails while either is stale.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/setup.sh venv
scripts/setup.sh frontend-deps
# English labels, dev settings on SQLite (integer bounds in the schema depend on the database vendor).
env -u DATABASE_URL DJANGO_SETTINGS_MODULE=backend.config.settings.dev \
  .venv/bin/python manage.py spectacular --lang en --file frontend/openapi.yaml
npm --prefix frontend run api:generate
