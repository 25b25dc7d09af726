"""Stock-Vis settings: every value comes from the environment (see .env.example)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from config.channels import redis_channel_prefix
from config.env import env_bool, env_float, env_int, env_list, env_path, env_str
from config.log_config import logging_config
from config.openapi import openapi_settings
from config.secret_key import secret_key_from_var_dir
from config.security import DEFAULT_CONTENT_SECURITY_POLICY, proxy_ssl_header

BASE_DIR = Path(__file__).resolve().parent.parent
# A .env beside manage.py fills in what the real environment leaves unset; it never overrides.
load_dotenv(BASE_DIR / ".env", override=False)

STOCKVIS_ENV = env_str("STOCKVIS_ENV", "development")
if STOCKVIS_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"STOCKVIS_ENV must be development or production, not {STOCKVIS_ENV!r}"
    )
PRODUCTION = STOCKVIS_ENV == "production"

VAR_DIR = env_path("VAR_DIR", BASE_DIR / "var", base=BASE_DIR)
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Signs sessions and JWTs. Production needs it set (every machine must share it); development
# makes a random one on first start and keeps it in VAR_DIR, never in the repository.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is not set; production mode needs a secret key")
    SECRET_KEY = secret_key_from_var_dir(VAR_DIR)
DEBUG = env_bool("DEBUG", not PRODUCTION)
# `stockvis serve` refuses a non-loopback --host while DEBUG is on unless this says it is meant.
DEBUG_ALLOW_NON_LOOPBACK = env_bool("DEBUG_ALLOW_NON_LOOPBACK", False)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver"
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set; production mode needs the served host names"
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- HTTPS and browser hardening: strict by default in production (see .env.example) -----------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
# "X-Forwarded-Proto=https": the header a TLS-terminating proxy sets (only that proxy may set it).
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(env_str("SECURE_PROXY_SSL_HEADER"))
# Content-Security-Policy of every page but DRF's browsable API (see stockvis.core.middleware).
CONTENT_SECURITY_POLICY = env_str("CONTENT_SECURITY_POLICY", DEFAULT_CONTENT_SECURITY_POLICY)
# /api/schema/ and /api/docs/; false answers them 404.
API_DOCS = env_bool("API_DOCS", True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "stockvis.core",
    "stockvis.accounts",
    "stockvis.market",
    "stockvis.collector",
    "stockvis.analysis",
    "stockvis.portfolios",
    "stockvis.realtime",
    "stockvis.ml",
    "stockvis.web",
]

MIDDLEWARE = [
    # Outermost: every log line of the request, errors included, carries its id.
    "stockvis.core.request_id.RequestIdMiddleware",
    # Next, so it also sees the errors the middlewares below answer by themselves.
    "stockvis.core.middleware.JsonErrorsUnderApiMiddleware",
    # Before the host check and the HTTPS redirect: probes ask by address over plain HTTP.
    "stockvis.core.probes.HealthProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "stockvis.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'stockvis.sqlite3'}"
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
except Exception as exc:  # dj_database_url raises several types for one cause: a bad URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we understand: {exc}") from None
if not _db.get("ENGINE"):
    raise ImproperlyConfigured(
        f"DATABASE_URL has an unknown scheme: {DATABASE_URL.split(':', 1)[0]!r}"
    )
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server, the worker and beat read while one of them writes; IMMEDIATE takes
    # the write lock up front so concurrent writers queue instead of failing with "locked".
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache, broker, channel layer: Redis when REDIS_URL is set, local stand-ins otherwise ------
REDIS_URL = env_str("REDIS_URL")
# Each web process receives every group message its sockets watch on one channel (its fan-out
# hub, stockvis/realtime/fanout.py): a feed round of many symbols arrives at once.
_fanout_capacity = {"fanout.*": env_int("WS_FANOUT_CAPACITY", 5000)}
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "stockvis"),
        }
    }
    # redis-py 8 gives every connection a 5 s socket timeout by default, and channels-redis
    # waits up to 5 s in BZPOPMIN for a message: an idle socket's read timed out and dropped it.
    # The read timeout must sit well above that wait; keepalive still finds dead peers.
    _redis_host = {
        "address": REDIS_URL,
        "socket_timeout": env_float("CHANNEL_REDIS_SOCKET_TIMEOUT", 30.0),
        "socket_connect_timeout": 5.0,
        "socket_keepalive": True,
        # redis-py 8 pools hold 100 connections and then fail (not wait): a reconnect storm of
        # a thousand sockets runs a thousand group_add calls at once.
        "max_connections": env_int("CHANNEL_REDIS_MAX_CONNECTIONS", 1000),
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer"
            # The pub/sub layer measured faster (README "Realtime"): a web process's hub gets its
            # groups' messages pushed, where the list layer pops them one at a time.
            if env_str("CHANNEL_LAYER", "redis-pubsub") == "redis-pubsub"
            else "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [_redis_host],
                "prefix": redis_channel_prefix(REDIS_URL),
                "capacity": env_int("WS_CHANNEL_CAPACITY", 100),
                "channel_capacity": _fanout_capacity,
            },
        }
    }
else:
    # Shared by every local process (web, worker, beat) through the file system.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
    # Web, worker and feed reach each other through a SQLite outbox (stockvis/realtime/layers.py).
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "stockvis.realtime.layers.LocalProcessChannelLayer",
            "CONFIG": {
                "path": str(VAR_DIR / "channels.sqlite3"),
                "capacity": env_int("WS_CHANNEL_CAPACITY", 100),
                "channel_capacity": _fanout_capacity,
            },
        }
    }

# Where the API throttles count requests (stockvis.core.throttling): "shared" is the default cache
# (Redis, or the files every local process shares), "local" this process's memory, right for one
# web process and much cheaper than a file write per request. Default: shared with REDIS_URL, else
# local; `stockvis serve --web-workers N` (N > 1) without Redis sets shared for its web processes.
THROTTLE_STORE = env_str("THROTTLE_STORE", "shared" if REDIS_URL else "local")
if THROTTLE_STORE not in {"local", "shared"}:
    raise ImproperlyConfigured(f"THROTTLE_STORE must be local or shared, not {THROTTLE_STORE!r}")
CACHES["throttle"] = (
    {
        "BACKEND": "stockvis.core.throttling.InProcessCache",
        "LOCATION": "throttle",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
    if THROTTLE_STORE == "local"
    else {**CACHES["default"]}
)

BROKER_DIR = VAR_DIR / "broker"
# "localhost" only names the filesystem transport's host, which kombu warns about when missing.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "filesystem://localhost//"
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    # kombu's filesystem transport: producers and consumers share one folder, so the web
    # process, the worker and beat need no broker server.
    for _sub in ("queue", "processed", "control"):
        (BROKER_DIR / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(BROKER_DIR / "control"),
    }
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True  # a killed worker's task is redelivered, not lost
# Every task ends within this many seconds (tasks may set a shorter time_limit of their own)...
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 3600)
# ...and a broker with a visibility timeout (Redis) waits longer than that before it hands an
# unacknowledged task to another worker: a slow task is never run twice at once.
# A killed worker's task comes back once the timeout has passed: workers look for such tasks every
# 10 s x throttle (kombu's default sweep is every 100 s), so at most a tenth of the timeout late.
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    _visibility = 2 * CELERY_TASK_TIME_LIMIT
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": _visibility,
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": max(1, min(10, _visibility // 100)),
    }
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Beat records a heartbeat as it ticks (readiness); it ticks at least this often (seconds).
CELERY_BEAT_SCHEDULER = "stockvis.core.beat:HeartbeatScheduler"
CELERY_BEAT_MAX_LOOP_INTERVAL = 10

# --- Health ----------------------------------------------------------------------------------
# /healthz/ready waits for these background processes' heartbeats (worker, beat, feed).
HEALTH_READY_COMPONENTS = env_list(
    "HEALTH_READY_COMPONENTS",
    "worker,beat,feed" if env_bool("FEED_IN_SERVE", True) else "worker,beat",
)
# The queues a worker must consume for readiness (each needs at least one live worker).
HEALTH_WORKER_QUEUES = env_list("HEALTH_WORKER_QUEUES", "high,default,low")
# Seconds between heartbeats, and the age after which a process counts as gone.
HEARTBEAT_INTERVAL = env_float("HEARTBEAT_INTERVAL", 10.0)
HEALTH_STALE_AFTER = env_float("HEALTH_STALE_AFTER", 30.0)

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Empty until someone runs collectstatic; WhiteNoise warns at every start when it is missing.
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [p for p in [BASE_DIR / "frontend" / "dist"] if p.is_dir()]
# Serve straight from the apps' folders so the embedded run needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# The web UI's bundles carry a content hash in their names (app-3fA9_kQz.js): cache them a year.
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/static/ui/assets/.+-[A-Za-z0-9_-]{8}\.\w+$"

# --- API -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # JSON bodies only: form encodings read a missing or empty field as "not given", so a body
    # the schema calls invalid would pass (and the web UI and clients all send JSON).
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "stockvis.core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "stockvis.core.throttling.AnonRateThrottle",
        "stockvis.core.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("THROTTLE_ANON", "600/min"),
        "user": env_str("THROTTLE_USER", "1200/min"),
        "auth": env_str("THROTTLE_AUTH", "10/min"),
        "auth_username": env_str("THROTTLE_AUTH_USERNAME", "30/hour"),
    },
    # Proxies in front of us that append to X-Forwarded-For; 0 trusts the header not at all.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
}
# User-owned lists (portfolios, holdings, transactions, watchlists, alerts, notifications) answer
# pages of PAGE_SIZE rows; a client may ask for up to PAGE_SIZE_MAX with ?page_size=.
PAGE_SIZE = env_int("PAGE_SIZE", 50)
PAGE_SIZE_MAX = env_int("PAGE_SIZE_MAX", 200)
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 30)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
}
SPECTACULAR_SETTINGS = openapi_settings()

# --- Providers and collection ----------------------------------------------------------------
DEMO_DATA = env_bool("DEMO_DATA", True)
DEMO_YEARS = env_int("DEMO_YEARS", 3)
DEFAULT_PROVIDER = env_str("DEFAULT_PROVIDER", "synthetic")
ALPHA_VANTAGE_API_KEY = env_str("ALPHA_VANTAGE_API_KEY")
ALPHA_VANTAGE_BASE_URL = env_str("ALPHA_VANTAGE_BASE_URL", "https://www.alphavantage.co/query")
ALPHA_VANTAGE_OUTPUTSIZE = env_str("ALPHA_VANTAGE_OUTPUTSIZE", "compact")
ALPHA_VANTAGE_CALLS_PER_MINUTE = env_int("ALPHA_VANTAGE_CALLS_PER_MINUTE", 5)
ALPHA_VANTAGE_CALLS_PER_DAY = env_int("ALPHA_VANTAGE_CALLS_PER_DAY", 25)
PROVIDER_TIMEOUT = env_float("PROVIDER_TIMEOUT", 20.0)
# A provider failing this many calls in a row is not called for CIRCUIT_COOLDOWN seconds, then
# one probe call decides whether it is back.
CIRCUIT_FAILURE_THRESHOLD = env_int("CIRCUIT_FAILURE_THRESHOLD", 5)
CIRCUIT_COOLDOWN = env_float("CIRCUIT_COOLDOWN", 300.0)
PROVIDER_MAX_RETRIES = env_int("PROVIDER_MAX_RETRIES", 3)
PROVIDER_RETRY_BASE_DELAY = env_float("PROVIDER_RETRY_BASE_DELAY", 1.0)
PRICE_SPIKE_THRESHOLD = env_float("PRICE_SPIKE_THRESHOLD", 0.30)
ALERT_WEBHOOK_URL = env_str("ALERT_WEBHOOK_URL")
FDR_CALLS_PER_MINUTE = env_int("FDR_CALLS_PER_MINUTE", 60)
# The limiter sleeps at most this long for a call slot before the call fails as transient.
RATE_LIMIT_MAX_WAIT = env_float("RATE_LIMIT_MAX_WAIT", 120.0)
# Daily provider quotas reset at midnight in this zone.
RATE_LIMIT_TZ = env_str("RATE_LIMIT_TZ", "UTC")
# `collect --provider csv` reads <SYMBOL>.csv files from here.
CSV_IMPORT_DIR = env_path("CSV_IMPORT_DIR", VAR_DIR / "import", base=BASE_DIR)
# `import-prices` refuses a file larger than this many bytes (0: no limit); files are streamed.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 200_000_000)
# A running job whose heartbeat is older than this many seconds is marked failed (its process
# is gone); on the job's own host a vanished pid is detected at once.
JOB_STALE_AFTER = env_int("JOB_STALE_AFTER", 3600)
# Days the scheduled collections re-read, so a missed day heals on the next run.
COLLECT_WINDOW_DAYS = env_int("COLLECT_WINDOW_DAYS", 7)
# Years of history fetched for a symbol a user adds that has no data yet.
COLLECT_HISTORY_YEARS = env_int("COLLECT_HISTORY_YEARS", 3)
# Calendar days per backfill request; each chunk commits on its own so a rerun resumes.
BACKFILL_CHUNK_DAYS = env_int("BACKFILL_CHUNK_DAYS", 365)

# --- Logging -------------------------------------------------------------------------------
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = logging_config(log_format=LOG_FORMAT, log_level=LOG_LEVEL)

PORT = env_int("PORT", 8000)
os.environ.setdefault("PORT", str(PORT))

# --- Portfolios and alerts ---
# Registration and password changes go through Django's standard validators.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Seconds before a post to a user's Discord webhook (price alerts) gives up.
DISCORD_WEBHOOK_TIMEOUT = env_float("DISCORD_WEBHOOK_TIMEOUT", 5.0)

# --- Realtime (WebSockets and the quote feed; see README "Realtime") ---
WS_HEARTBEAT_SECONDS = env_float("WS_HEARTBEAT_SECONDS", 30.0)
# A client that cannot take a message within this many seconds is dropped (4408).
WS_SEND_TIMEOUT = env_float("WS_SEND_TIMEOUT", 5.0)
# Messages queued for one socket while it sends; a client further behind is dropped (4408).
WS_SOCKET_QUEUE = env_int("WS_SOCKET_QUEUE", 256)
WS_CLIENT_MESSAGES_PER_SECOND = env_float("WS_CLIENT_MESSAGES_PER_SECOND", 10.0)
WS_CLIENT_BURST = env_float("WS_CLIENT_BURST", 30.0)
# Seconds between two polls of the quote provider for the watched symbols.
FEED_INTERVAL = env_float("FEED_INTERVAL", 1.0)
# Alpha Vantage calls the feed may make a day and a minute, counted apart from the daily
# collection's ALPHA_VANTAGE_CALLS_PER_DAY: 0 keeps a free key's quota for the collection.
FEED_ALPHAVANTAGE_CALLS_PER_DAY = env_int("FEED_ALPHAVANTAGE_CALLS_PER_DAY", 0)
FEED_ALPHAVANTAGE_CALLS_PER_MINUTE = env_int("FEED_ALPHAVANTAGE_CALLS_PER_MINUTE", 5)
# Days of intraday bars kept for the chart's 1d period.
INTRADAY_RETENTION_DAYS = env_int("INTRADAY_RETENTION_DAYS", 7)
# Start the feed with `stockvis serve` (the embedded run).
FEED_IN_SERVE = env_bool("FEED_IN_SERVE", True)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "stockvis.realtime.*": {"queue": "high"},
    "stockvis.portfolios.tasks.evaluate_price_alerts": {"queue": "high"},
    "stockvis.portfolios.tasks.deliver_discord_notification": {"queue": "high"},
    "stockvis.collector.*": {"queue": "default"},
    "stockvis.portfolios.*": {"queue": "default"},
    "stockvis.analysis.*": {"queue": "low"},
    "stockvis.ml.*": {"queue": "low"},
    "stockvis.statements.*": {"queue": "low"},
}
# Seconds a dead feed's Redis lock lasts before a waiting feed takes over.
FEED_LEADER_TTL = env_float("FEED_LEADER_TTL", 10.0)

# --- Predictions (stockvis.ml) ---
# Trained model files (JSON, hashed in the registry); never pickles.
ML_MODELS_DIR = Path(env_str("ML_MODELS_DIR") or str(VAR_DIR / "models")).resolve()
# Walk-forward: first training window and retraining interval, in sessions.
ML_MIN_TRAIN = env_int("ML_MIN_TRAIN", 252)
ML_RETRAIN_EVERY = env_int("ML_RETRAIN_EVERY", 63)
# Train on at most this many of the latest bars (bounds training time on long histories).
ML_MAX_BARS = env_int("ML_MAX_BARS", 2520)
# Threads that fit one asset's models side by side during `ml train` and the weekly retrain.
ML_TRAIN_THREADS = env_int("ML_TRAIN_THREADS", 2)
# An active model is retired when its live error exceeds its backtest error by this share...
ML_RETIRE_TOLERANCE = env_float("ML_RETIRE_TOLERANCE", 0.25)
# ...measured over at least this many realised predictions.
ML_MONITOR_MIN_PREDICTIONS = env_int("ML_MONITOR_MIN_PREDICTIONS", 20)
# Population stability index above which a feature counts as drifted (0.25: a major shift).
ML_PSI_ALERT = env_float("ML_PSI_ALERT", 0.25)
