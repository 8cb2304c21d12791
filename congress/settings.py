"""The one settings module: every deployment knob is an environment variable (see README)."""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from congress.env import email_settings, env_bool, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)

# A key for development only. With DEBUG off the app refuses to *start* on it (web, Celery worker
# and beat, runserver: congress/startup.py) and `check --deploy` fails; management commands that
# serve nothing (migrate, makemigrations, seed_demo, backup) still run.
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY") or DEV_SECRET_KEY
DEV_SECRET_KEY_REFUSED = not DEBUG and SECRET_KEY == DEV_SECRET_KEY and not env_bool("ALLOW_DEV_SECRET_KEY", False)
if not DEBUG and len(SECRET_KEY) < 32 and SECRET_KEY != DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "django_celery_beat",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "congress",
    "subcommittees",
    "personnel",
    "documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Pages leave compressed (a dashboard: 100 KB → 10 KB); static files come compressed from WhiteNoise.
    # Django's GZip adds random bytes to each response against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "congress.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "congress.security.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a lockout into the login page with a clear message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "congress.urls"
WSGI_APPLICATION = "congress.wsgi.application"

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
                "django.template.context_processors.i18n",
                "congress.context_processors.congress_nav",
            ],
            "libraries": {"audit": "congress.audit_tags"},
            # dmy, dmyhm and as_field: cheap filters the list pages use per row (README, "Performance").
            "builtins": ["congress.templatetags.page_tags"],
        },
    },
]

# --- Database: SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASE_URL = env_url("DATABASE_URL", schemes={"sqlite", "postgres", "postgresql", "pgsql"})
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            # WAL and a busy timeout let the web process, the worker and beat share the file.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "congress.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every password check of a locked-out username + address (django-axes).
    "congress.security.LoginThrottleBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Sessions: expire after inactivity.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 8 * 3600, minimum=300)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Login throttling (django-axes): a username is locked out from one address after
# LOGIN_FAILURE_LIMIT wrong passwords, for LOGIN_LOCKOUT_MINUTES; the admin login included.
AXES_ENABLED = env_bool("LOGIN_THROTTLING", True)
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "congress.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "congress.security.client_ip"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# --- Two-factor (django-otp, TOTP): optional for everyone, asked after the password once enrolled;
# OTP_REQUIRED_FOR_ADMIN=1 makes it compulsory for staff and superusers in the admin.
OTP_REQUIRED_FOR_ADMIN = env_bool("OTP_REQUIRED_FOR_ADMIN", False)
OTP_TOTP_ISSUER = env_str("OTP_ISSUER") or "Dai hoi"

# --- Backups (manage.py backup): the database and the uploaded files, timestamped.
BACKUP_DIR = Path(env_str("BACKUP_DIR") or VAR_DIR / "backups")

# --- Language, time.
LANGUAGE_CODE = env_str("LANGUAGE_CODE") or "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE") or "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["congress.formats"]

# --- Static files: vendored and served by the app (WhiteNoise), never from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Uploads: a hard ceiling here, per-kind limits in congress/uploads.py.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Redis: broker and cache when REDIS_URL is set; otherwise an embedded broker on disk.
REDIS_URL = env_url("REDIS_URL", schemes={"redis", "rediss"})
CELERY_BROKER_FOLDER = VAR_DIR / "celery-broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task not acknowledged within this time is handed to another worker;
        # it must exceed the longest task (an export) so nothing runs twice by accident.
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=60),
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "congress",
        }
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # kombu's filesystem transport: one folder for in and out, so the web process,
        # the worker and beat see the same queue.
        "data_folder_in": str(CELERY_BROKER_FOLDER / "queue"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "queue"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        "store_processed": False,
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
# Acknowledge after the task ran, so a worker killed mid-task leaves the message for another;
# tasks are written to be safe to run twice (they claim their row first).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per worker process: long exports do not hold short reminders hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A separate queue name lets several deployments (or a test run) share one Redis.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE") or "celery"

# --- Deadline reminders (README, section "reminders").
# Links in e-mails; `make run` passes its port as APP_PORT.
SITE_URL = (env_str("SITE_URL") or f"http://127.0.0.1:{env_str('APP_PORT') or 8000}").rstrip("/")
# A reminder more than this late (broker or workers down) is marked "missed" instead of sent.
REMINDER_MISSED_AFTER_HOURS = env_int("REMINDER_MISSED_AFTER_HOURS", 24, minimum=1)
# How far back each sweep looks for reminders that fell due (at least the missed age).
REMINDER_LOOKBACK_HOURS = env_int("REMINDER_LOOKBACK_HOURS", 72, minimum=1)
# A recorded reminder whose task has not run this long after queueing is queued again.
REMINDER_REQUEUE_AFTER_SECONDS = env_int("REMINDER_REQUEUE_AFTER_SECONDS", 300, minimum=5)
# A claim older than this (the worker died while sending) is released for another try.
REMINDER_CLAIM_LEASE_SECONDS = env_int("REMINDER_CLAIM_LEASE_SECONDS", 600, minimum=5)
# Transient mail errors: retries with exponential backoff (base · 2^n, capped), then "failed".
REMINDER_MAX_ATTEMPTS = env_int("REMINDER_MAX_ATTEMPTS", 6, minimum=1)
REMINDER_RETRY_BASE_SECONDS = env_int("REMINDER_RETRY_BASE_SECONDS", 60, minimum=1)
REMINDER_RETRY_MAX_SECONDS = env_int("REMINDER_RETRY_MAX_SECONDS", 3600, minimum=1)
if REMINDER_LOOKBACK_HOURS < REMINDER_MISSED_AFTER_HOURS:
    raise ImproperlyConfigured("REMINDER_LOOKBACK_HOURS must be at least REMINDER_MISSED_AFTER_HOURS.")

# --- E-mail.
globals().update(email_settings(env_url("EMAIL_URL", schemes={"smtp", "smtps", "console", "locmem"})))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Ban Tổ chức Đại hội <daihoi@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security: strict by default outside DEBUG (check --deploy stays clean).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy (django-csp): nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
}

# A lighter select than Django's (congress/forms.py, templates/forms/).
FORM_RENDERER = "congress.renderers.FormRenderer"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
MESSAGE_TAGS = {40: "danger"}

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}
