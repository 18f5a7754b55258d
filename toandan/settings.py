"""Django settings for Toàn Dân, read from the environment (see config.py and README)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from toandan.config import load_config

BASE_DIR = Path(__file__).resolve().parent.parent
CONFIG = load_config(os.environ, BASE_DIR)

PRODUCTION = CONFIG.production
DEBUG = CONFIG.debug
SECRET_KEY = CONFIG.secret_key
ALLOWED_HOSTS = CONFIG.allowed_hosts
CSRF_TRUSTED_ORIGINS = CONFIG.csrf_trusted_origins
VAR_DIR = Path(CONFIG.var_dir)
TOANDAN_DEMO_SKIP_2FA = CONFIG.demo_skip_2fa
TRUSTED_PROXY_COUNT = CONFIG.trusted_proxy_count
REPORTER_IDENTITY_KEYS = CONFIG.reporter_identity_keys

INSTALLED_APPS = [
    "toandan.web.admin_apps.ToanDanAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "toandan.core",
    "toandan.accounts",
    "toandan.orgs",
    "toandan.plans",
    "toandan.indicators",
    "toandan.reports",
    "toandan.triage",
    "toandan.awareness",
    "toandan.evaluation",
    "toandan.events",
    "toandan.privacy",
    "toandan.api",
    "toandan.web",
]

MIDDLEWARE = [
    "toandan.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "toandan.core.middleware.ClientIPMiddleware",
    "toandan.core.bodylimit.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "toandan.core.middleware.RejectNulMiddleware",
    "toandan.core.middleware.PublicRateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "toandan.accounts.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "toandan.urls"
WSGI_APPLICATION = "toandan.wsgi.application"

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
                "toandan.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": CONFIG.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: "default" for what may be evicted (reference data, pages); "limits" for rate-limit and
# proof-of-work state, in its own table with no practical entry cap, so no flood of unrelated keys can cull
# a counter (Django's database cache culls a third of its rows past MAX_ENTRIES, 300 by default). Expired
# rows are deleted on a schedule (core.tasks.purge_expired_cache): a counter outlives its window by minutes.
LIMITS_CACHE_MAX_ENTRIES = 10_000_000
if CONFIG.cache_backend == "database":
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "toandan_cache"},
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "toandan_limits",
            "OPTIONS": {"MAX_ENTRIES": LIMITS_CACHE_MAX_ENTRIES},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "toandan"},
        "limits": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "toandan-limits",
            "OPTIONS": {"MAX_ENTRIES": LIMITS_CACHE_MAX_ENTRIES},
        },
    }

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions: citizens stay signed in for two weeks; staff sessions end after 30 idle minutes or 10 hours.
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_SAVE_EVERY_REQUEST = False
STAFF_SESSION_IDLE_SECONDS = 30 * 60
STAFF_SESSION_MAX_SECONDS = 10 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
OTP_TOTP_ISSUER = "Toàn Dân"
# The admin never shows a TOTP device's secret key or QR code: whoever reads it passes the second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sign-in throttling: failures per account and per address within the window.
LOGIN_FAILURES_PER_USER = "5/15m"
LOGIN_ATTEMPTS_PER_IP = "20/15m"
PUBLIC_RATE_GET = "240/m"
PUBLIC_RATE_WRITE = "30/m"
POW_DIFFICULTY = 16  # leading zero bits of SHA-256: ~65,000 hashes per submission
REPORT_RATE_PER_IP = "20/h"
REPORT_RATE_WITHOUT_POW = "3/h"
REPORT_RATE_PER_CONTACT = "5/h"
ADD_INFO_RATE_PER_IP = "10/h"
ADD_INFO_RATE_PER_REPORT = "20/d"
MAX_FILES_PER_REPORT = 30
# A report whose story is this similar (Jaccard of word 3-shingles) to one naming the same indicators within
# the window is a likely repeat of that incident: counted once (toandan/reports/repeats.py).
REPORT_REPEAT_WINDOW_HOURS = CONFIG.report_repeat_window_hours
REPORT_REPEAT_SIMILARITY = 0.8
RATELIMIT_USE_CACHE = "limits"
# W021: HSTS preload commits the whole domain (a gov.vn name) for years: the province decides it, not the
# platform (docs/deploy.md); HSTS itself is on, a year long, with subdomains.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "security.W021"]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "toandan" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CONFIG.static_root
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise expects it, even before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Uploaded files live outside the web root and are served only through views that check access.
MEDIA_ROOT = CONFIG.media_root
MEDIA_URL = "/_media-not-served/"
# Short screen recordings as evidence (core/video.py, needs Debian's ffmpeg): at most this many per upload,
# each at most this many MB; 0 files turns them off.
REPORT_VIDEO_MAX_MB = CONFIG.report_video_max_mb
REPORT_VIDEO_MAX_FILES = CONFIG.report_video_max_files
# Request bodies: refused from their Content-Length before reading (core/bodylimit.py; nginx's
# client_max_body_size says the same in front). Evidence forms take up to 10 files of 10 MB (videos larger).
REQUEST_BODY_MAX_BYTES = 12 * 1024 * 1024
EVIDENCE_BODY_MAX_BYTES = (105 + REPORT_VIDEO_MAX_FILES * max(0, REPORT_VIDEO_MAX_MB - 10)) * 1024 * 1024
REQUEST_BODY_LIMITS = {
    "/to-giac/": EVIDENCE_BODY_MAX_BYTES,
    "/theo-doi/bo-sung/": EVIDENCE_BODY_MAX_BYTES,
    "/api/v1/reports": EVIDENCE_BODY_MAX_BYTES,
    "/tra-cuu/khieu-nai/": EVIDENCE_BODY_MAX_BYTES,
    "/can-bo/": 50 * 1024 * 1024,
    "/quan-tri/": 50 * 1024 * 1024,
}
# Fields (not files) held in memory; files above FILE_UPLOAD_MAX_MEMORY_SIZE stream to temporary files.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The parser stops at the eleventh file (the forms refuse more than ten with their own message).
DATA_UPLOAD_MAX_NUMBER_FILES = 11
# The plan review form carries about 15 inputs per task: a 150-task appendix table needs ~2,500 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 4000

EMAIL_BACKEND = CONFIG.email_backend
EMAIL_FILE_PATH = CONFIG.email_file_path
DEFAULT_FROM_EMAIL = CONFIG.default_from_email
SERVER_EMAIL = CONFIG.default_from_email
EMAIL_HOST = CONFIG.email_host
EMAIL_PORT = CONFIG.email_port
EMAIL_HOST_USER = CONFIG.email_host_user
EMAIL_HOST_PASSWORD = CONFIG.email_host_password
EMAIL_USE_TLS = CONFIG.email_use_tls

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A worker beats every WORKER_HEARTBEAT_SECONDS; one silent for WORKER_STALE_SECONDS counts as gone (/healthz)
# and the tasks it had claimed go back to the queue.
WORKER_HEARTBEAT_SECONDS = CONFIG.worker_heartbeat_seconds
WORKER_HEARTBEAT_STALE_SECONDS = CONFIG.worker_stale_seconds
REFCACHE_SECONDS = 60
# Tasks the worker enqueues on a schedule: dotted path of a django-tasks task → interval in seconds.
PERIODIC_TASKS: dict[str, int] = {
    "toandan.plans.tasks.send_plan_reminders": 24 * 3600,
    "toandan.triage.tasks.detect_waves": 15 * 60,
    # Intake enqueues nothing: this sweep suggests a category and priority for every report still without one.
    "toandan.triage.tasks.suggest_pending": 30,
    # Nor does it look for repeats: this sweep marks the same incident sent again (reports.repeats).
    "toandan.reports.tasks.find_repeats": 30,
    "toandan.core.tasks.prune_task_results": 24 * 3600,
    "toandan.core.tasks.purge_expired_cache": 10 * 60,
    # Evidence files a killed process wrote before its report's transaction committed (older than an hour).
    "toandan.reports.tasks.remove_orphan_evidence": 3600,
    "toandan.awareness.tasks.publish_scheduled": 60,
    "toandan.events.tasks.send_event_reminders": 3600,
    # The retention schedule (privacy app): anonymises or deletes personal data whose time is up, events'
    # participants included.
    "toandan.privacy.tasks.apply_retention": 24 * 3600,
}

# Content Security Policy on every response (django-csp): scripts and styles only from this site's static
# files, never inline; no plugins, no framing, forms post only here. The browser tests fail on any violation.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# A database outage answers 503 with this Retry-After (toandan.core.errors.database_unavailable).
OUTAGE_RETRY_AFTER_SECONDS = 10
# /metrics answers the machine itself, or a scraper sending this bearer token.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # nginx redirects http to https too; this covers a request that reaches the app another way. The health
    # check is asked over plain http on the machine itself.
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object a line with the request id (toandan.core.logs); LOG_FORMAT=text for people reading.
    "formatters": {
        "json": {"()": "toandan.core.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": CONFIG.log_format}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"toandan": {"level": "INFO"}},
}
