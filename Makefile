# Thin wrappers; the work is in scripts/.
.PHONY: help venv lock run test lint bench api services-start services-stop services-status clean

help:
	@echo "make run             serve http://127.0.0.1:8000 (SQLite, embedded search, demo data) with a Celery worker"
	@echo "make test            lint, pytest and frontend checks against real PostgreSQL/Redis/Elasticsearch"
	@echo "make lint            ruff, mypy, import-linter, tsc"
	@echo "make bench           benchmarks (ARGS=\"--scale small\" or BENCH_SCALE=small for a quick run)"
	@echo "make api             regenerate frontend/openapi.yaml and the TS API types"
	@echo "make lock            re-pin the Python dependencies (requirements/*.lock) after editing pyproject.toml"
	@echo "make services-start  start PostgreSQL :55432, Redis :56379, Elasticsearch :59200 (also -stop, -status)"
	@echo "make clean           stop services, remove var/ and frontend/dist"

venv:
	@scripts/setup.sh venv

lock:
	@scripts/lock.sh

run:
	@scripts/run.sh

test:
	@scripts/test.sh

lint:
	@scripts/test.sh lint

bench:
	@scripts/bench.sh $(ARGS)

api:
	@scripts/api.sh

services-start:
	@scripts/test-services.sh start

services-stop:
	@scripts/test-services.sh stop

services-status:
	@scripts/test-services.sh status

clean:
	@if [ -d var/test-services ]; then scripts/test-services.sh purge; fi
	rm -rf var frontend/dist
