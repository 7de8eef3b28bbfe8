"""Settings for Reading Room, configured entirely from environment variables.

DEBUG is off unless asked for. With it off, a missing SECRET_KEY or ALLOWED_HOSTS stops the site
from serving (`readingroom.serving`) and fails `check --deploy`, each with a message that says
what to set; commands that only read the code or the database, such as `makemigrations` and
`migrate`, still run.
"""

import datetime
import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

# What a production configuration lacks, each with what to set. Serving refuses to start while
# this is not empty; the rest of the tooling does not need these values and keeps working.
MISSING_CONFIGURATION: list[str] = []

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        # Development only: a fixed key so sessions survive restarts of `make serve`.
        SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
    else:
        MISSING_CONFIGURATION.append(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string, or set DEBUG=1 for local development."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if DEBUG:
        ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
    else:
        MISSING_CONFIGURATION.append(
            "ALLOWED_HOSTS is not set. Set it to the comma-separated host names the site "
            "answers to (for example ALLOWED_HOSTS=press.example.org), or set DEBUG=1."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "csp",
    "axes",
    "simple_history",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that can fail, so that error and outage pages carry the policy too.
    "csp.middleware.CSPMiddleware",
    "articles.middleware.DatabaseUnavailableMiddleware",
    # Before the session, CSRF and auth middleware, so it sees the cookies and Vary headers
    # they add before it lets anyone share a response.
    "articles.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the clippings' revision history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes must see every login attempt before the model backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "readingroom.urls"

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

WSGI_APPLICATION = "readingroom.wsgi.application"

CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "60"))

# Unset DATABASE_URL means the embedded SQLite file, so `make serve` needs nothing installed.
# Health checks make a persistent connection that broke (a database restart) reconnect on the
# next request instead of failing it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}

# A read replica takes the public pages' reads; articles/db_router.py says what stays on the
# primary.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    # Tests have no replication, so the replica alias reads the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["articles.db_router.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Each worker keeps its own; stored pages are compressed, about 8 KB each.
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }

# How long anonymous readers' pages are kept by the page cache, browsers and shared caches:
# the longest a change takes to show everywhere (articles/cache.py). 0 turns the page cache off,
# as it is by default in development, where a template edit should show on the next reload.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "60"))
# Counts over the whole collection (per outlet, topic, month) are kept until the next write, this
# many seconds at most; 0 counts on every request, as in development.
COLLECTION_CACHE_SECONDS = int(os.environ.get("COLLECTION_CACHE_SECONDS", "0" if DEBUG else "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
# The site and its admin are in English only. With translation machinery off, each of the
# forty-odd labels a page shows is its own text rather than a catalogue lookup through
# thread-local state (about half a millisecond a page); the labels stay marked for
# translation, so turning it back on is this line and a LocaleMiddleware.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Only the admin uses the session, and nothing but the admin's own forms posts to the site.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
# An editor's login lasts a working day at most, and ends when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# The header only allows submission to the preload list; submitting stays a human decision.
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Pages load nothing from other hosts and run no inline script or style, so the policy can
# be this strict; the Django admin (5.2) needs no exception either.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Request size limits: past them Django answers 400 instead of reading on. No form on the
# site comes near them; a pasted clipping is a few tens of kilobytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB of form fields
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads are spooled to a temporary file
# Django limits form fields but not uploaded files; any body larger than this is refused
# before it is read (articles.middleware).
MAX_REQUEST_BODY_SIZE = 10 * 1024 * 1024

# A less guessable admin path keeps most password-guessing robots away from the login.
ADMIN_URL = os.environ.get("ADMIN_URL", "").strip().strip("/") or "admin"
# Segments of unreserved URL characters, none of them "." or "..".
_SEGMENT = r"(?!\.+(?:/|$))[A-Za-z0-9._~-]+"
if not re.fullmatch(rf"{_SEGMENT}(?:/{_SEGMENT})*", ADMIN_URL):
    raise ImproperlyConfigured(
        f"ADMIN_URL {ADMIN_URL!r} is not a plain path: use letters, digits, '-', '_', '.', "
        "'~' and '/' (for example ADMIN_URL=editors/)."
    )
ADMIN_URL += "/"

# Login throttling: five failures for one username from one address lock that pair out for
# fifteen minutes. Locking by username alone would let anyone lock an editor out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# How many proxies of our own stand in front of the site (1 behind nginx). Each appends the
# address it saw to X-Forwarded-For, so the client is that many entries from the right;
# 0 trusts no header, since a client could write any address there.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "articles.middleware.client_ip"

# Public pages list this many clippings at a time.
ARTICLES_PER_PAGE = 20

# Where `manage.py backup` writes (see articles/backups.py).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
