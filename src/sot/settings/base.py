"""Settings shared by every environment; everything that differs comes from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SOT_DATA_DIR", "var")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_env() -> dict[str, Any]:
    """SQLite under the data directory unless ``DATABASE_URL`` names another database."""
    url = os.environ.get("DATABASE_URL")
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        if config["ENGINE"] == "django.db.backends.postgresql":
            config.setdefault("OPTIONS", {})
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "sot.sqlite3",
        # WAL lets the web server read while the seeder or a worker writes.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DEBUG = False
SECRET_KEY = os.environ.get("SOT_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("SOT_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "sot.core",
    "sot.accounts",
    "sot.courts",
    "sot.cases",
    "sot.ledger",
    "sot.distribution",
    "sot.deadlines",
    "sot.hearings",
    "sot.council",
    "sot.signatures",
    "sot.filing",
    "sot.notifications",
    "sot.acts",
    "sot.search",
    "sot.analytics",
    "sot.seeding",
    "sot.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a signed-in user's preferred language counts.
    "sot.core.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sot.urls"
WSGI_APPLICATION = "sot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Kazakh is the state language: it is the default for every page and message.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Courts keep their own zone (see Court.timezone); the server's is the capital's.
TIME_ZONE = "Asia/Almaty"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Upload limits: the documents app enforces its own cap per file; these bound the request.
SOT_DOCUMENT_MAX_BYTES = int(os.environ.get("SOT_DOCUMENT_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Transparency log (docs/ledger.md): the Ed25519 key that signs tree heads. Created by
# `sot ledger init-key`; with autocreate on (dev, tests) the first signature creates it. Production
# must turn autocreate off (SOT_LEDGER_KEY_AUTOCREATE=0): a lost key must fail, not be replaced.
SOT_LEDGER_KEY_FILE = Path(
    os.environ.get("SOT_LEDGER_KEY_FILE", str(DATA_DIR / "ledger-ed25519.pem"))
).resolve()
SOT_LEDGER_KEY_AUTOCREATE = env_bool("SOT_LEDGER_KEY_AUTOCREATE", True)

# The throttle counters live here: per process by default (needs nothing), shared by every worker
# when SOT_CACHE_URL names a Redis server (redis://host:6379/0; needs the redis package).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["SOT_CACHE_URL"],
            "KEY_PREFIX": "sot",
        }
        if os.environ.get("SOT_CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sot"}
    )
}

REST_FRAMEWORK = {
    # Token first: DRF answers an anonymous caller with the first class's challenge (401 and
    # "WWW-Authenticate: Token"); SessionAuthentication has none, and would make that a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Scopes are set per view (ScopedRateThrottle); the counters live in the default cache.
    "DEFAULT_THROTTLE_RATES": {
        # Password guessing against the token endpoint, per client address.
        "auth_token": os.environ.get("SOT_AUTH_THROTTLE", "10/min"),
    },
    "DEFAULT_PAGINATION_CLASS": "sot.core.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "sot.core.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Sot API",
    "DESCRIPTION": "Courts, judges, cases and case history of the Sot e-justice platform.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Courts run closed networks: the docs page's scripts ship with the app, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One schema component per choice set, named after it: "status", "role" and "kind" name
    # different sets in different resources and would otherwise collide. Since drf-spectacular
    # 0.27 an override matches values and labels, hence ".choices" rather than ".values".
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "sot.cases.models.CaseStatus.choices",
        "CaseEventKindEnum": "sot.cases.models.CaseEventKind.choices",
        "ParticipantRoleEnum": "sot.cases.models.ParticipantRole.choices",
        "PartyKindEnum": "sot.cases.models.PartyKind.choices",
        "BenchRoleEnum": "sot.cases.models.BenchRole.choices",
        "CaseActionEnum": "sot.cases.lifecycle.CaseAction.choices",
        "CaseCategoryEnum": "sot.core.judiciary.CaseCategory.choices",
        "InstanceEnum": "sot.core.judiciary.Instance.choices",
        "CourtLevelEnum": "sot.courts.models.CourtLevel.choices",
        "CourtKindEnum": "sot.courts.models.CourtKind.choices",
        "JudgeStatusEnum": "sot.courts.models.JudgeStatus.choices",
        "RoleEnum": "sot.accounts.roles.Role.choices",
        "LanguageEnum": "sot.accounts.models.Language.choices",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SOT_LOG_LEVEL", "INFO")},
}

# Registration draws the presiding judge automatically (docs/distribution.md). Off only in the
# unit-test settings, where most tests place judges by hand; the distribution tests turn it on.
SOT_DISTRIBUTION_AUTOMATIC = env_bool("SOT_DISTRIBUTION_AUTOMATIC", True)

# Outgoing e-mail (chairs' daily digests, later notices): Django's SMTP backend.
EMAIL_HOST = os.environ.get("SOT_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SOT_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SOT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SOT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SOT_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("SOT_EMAIL_FROM", "sot@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# How long a process reuses the active deadline rules before reading them again (seconds).
SOT_DEADLINE_RULES_CACHE_SECONDS = float(os.environ.get("SOT_DEADLINE_RULES_CACHE_SECONDS", "5"))

# Background work (ARCHITECTURE §4): Django's Tasks API on a database-backed queue that works on SQLite
# and PostgreSQL; `sot db_worker` processes it. Tasks are idempotent and enqueued on commit.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("SOT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "notifications", "search", "analytics"],
    }
}

# Search indexes (issue 8): derived data under the data directory, rebuilt by `sot search reindex`.
SOT_SEARCH_INDEX_DIR = Path(os.environ.get("SOT_SEARCH_INDEX_DIR", str(DATA_DIR / "search")))

# Electronic signatures (docs/signatures.md): the roots a signing certificate must chain to, the CRLs
# checked for revocation, and the verifier (X.509 here; NCA RK through NCANode in production).
SOT_SIGNATURE_TRUSTED_ROOTS = Path(
    os.environ.get(
        "SOT_SIGNATURE_TRUSTED_ROOTS", str(DATA_DIR / "signatures" / "trusted-roots.pem")
    )
)
SOT_SIGNATURE_CRLS = env_list("SOT_SIGNATURE_CRLS", [str(DATA_DIR / "signatures" / "crl")])
SOT_SIGNATURE_BACKEND = os.environ.get(
    "SOT_SIGNATURE_BACKEND", "sot.signatures.adapters.x509.X509Verifier"
)
SOT_NCANODE_URL = os.environ.get("SOT_NCANODE_URL", "http://127.0.0.1:14579")
# A test CA (`sot pki init-test-ca`) is trusted only where this is on; never in production.
SOT_SIGNATURE_ALLOW_TEST_CA = False
