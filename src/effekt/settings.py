"""Django settings, read only from the environment (see docs/settings.md for each variable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import django_stubs_ext

from effekt.env import SettingError, env_bool, env_int, env_list, env_path, env_str

django_stubs_ext.monkeypatch()  # generic admin/queryset classes at runtime (typed code)

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("EFFEKT_DATA_DIR", Path.cwd() / "var")

DEBUG = env_bool("EFFEKT_DEBUG", False)
_DEV_KEY = "insecure-development-key-set-EFFEKT_SECRET_KEY-in-production"
SECRET_KEY = env_str("EFFEKT_SECRET_KEY", _DEV_KEY)
if SECRET_KEY == _DEV_KEY and not DEBUG and env_bool("EFFEKT_REQUIRE_SECRET_KEY", False):
    raise SettingError("EFFEKT_SECRET_KEY must be set when EFFEKT_REQUIRE_SECRET_KEY is on")
ALLOWED_HOSTS = env_list("EFFEKT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("EFFEKT_CSRF_TRUSTED_ORIGINS", [])


def database_from_url(url: str) -> dict[str, Any]:
    """Turn `sqlite:///path` or `postgres://user:pw@host:port/name` into a DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:////abs/path is absolute, sqlite:///rel/path is relative (as dj-database-url).
        name = unquote(parsed.path)[1:]
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": env_int("EFFEKT_DB_CONN_MAX_AGE", 60),
        }
    raise SettingError(f"EFFEKT_DATABASE_URL={url!r}: use sqlite:///PATH or postgres://…")


if env_str("EFFEKT_DATABASE_URL", "") == "":
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": database_from_url(
        env_str("EFFEKT_DATABASE_URL", f"sqlite:///{DATA_DIR / 'effekt.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "effekt.web",  # first, so its registration/ templates replace the admin's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "effekt.organisations",
    "effekt.progression",
    "effekt.statistics",
    "effekt.monitoring",
    "effekt.evaluation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "effekt.urls"
WSGI_APPLICATION = "effekt.wsgi.application"
AUTH_USER_MODEL = "organisations.User"
# Django's own backend second: sessions made before the first one was added stay valid
AUTHENTICATION_BACKENDS = [
    "effekt.organisations.backends.UserWithOrganisationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

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
                "effekt.web.context.navigation",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_path("EFFEKT_STATIC_ROOT", DATA_DIR / "static")

EMAIL_BACKEND = env_str("EFFEKT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("EFFEKT_DEFAULT_FROM_EMAIL", "effekt@localhost")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("EFFEKT_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("EFFEKT_LOG_LEVEL", "WARNING")},
}
