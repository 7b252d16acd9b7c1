# Innovasjonstorget application image: Django (gunicorn), Celery worker and beat.
#   docker build -t innovasjonstorget .
# The same image runs web, worker and beat (see docker-compose.yml).

# ---- frontend: React + Vite build
FROM node:20-bookworm-slim AS frontend
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---- application
FROM python:3.11-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    DJANGO_SETTINGS_MODULE=backend.config.settings.production

# FreeDict English->Norwegian and nynorsk->bokmål for match explanations (matching/bilingual.py).
RUN apt-get update \
 && apt-get install -y --no-install-recommends dict-freedict-eng-nor dict-freedict-nno-nob \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/app --uid 10001 app
WORKDIR /app

# Dependencies first (cached while only the code changes): exactly the pinned, hashed
# requirements/prod.lock (`make lock`), then the code without resolving anything.
COPY requirements/prod.lock requirements/
RUN pip install --require-hashes -r requirements/prod.lock
COPY pyproject.toml README.md manage.py ./
COPY backend/ backend/
COPY matching/ matching/
COPY search/ search/
RUN pip install --no-deps --no-build-isolation -e .
COPY --from=frontend /app/frontend/dist frontend/dist

# The production settings require these; collectstatic uses none of them.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 python manage.py collectstatic --noinput \
 && mkdir -p var && chown -R app:app var

USER app
EXPOSE 8000
CMD ["gunicorn", "backend.config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
