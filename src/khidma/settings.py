"""Django settings for Khidma, read from environment variables only.

Every variable is documented in docs/configuration.md; keep the two in step.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from khidma import deployment
from khidma.env import env_bool, env_int, env_list, env_rates, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("KHIDMA_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("KHIDMA_DEBUG", False)


def _secret_key() -> str:
    """Use KHIDMA_SECRET_KEY when set; otherwise keep a generated key in the data directory.

    A generated key keeps the demo working with nothing configured while never committing a secret.
    """
    configured = env_str("KHIDMA_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("KHIDMA_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("KHIDMA_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    # Domain apps.
    "khidma.core",
    "khidma.organizations",
    "khidma.accounts",
    "khidma.sla",
    "khidma.triage",
    "khidma.cases",
    "khidma.programs",
    "khidma.content",
    "khidma.translation",
    "khidma.reports",
    "khidma.outbox",
    # Interface apps: they import domain apps, never the reverse.
    "khidma.api",
    "khidma.open311",
    "khidma.channels",
    "khidma.backoffice",
    "khidma.portal",
    "khidma.demo",
    # Start-up commands (serve, worker, run): the top layer, wiring the others together.
    "khidma.runtime",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "khidma.runtime.middleware.ContentSecurityPolicyMiddleware",
    "khidma.runtime.middleware.ProtocolErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff two-step sign-in (docs/security.md): whether this session passed it, and the back office and admin
    # refused to a session that has not when the account needs it.
    "django_otp.middleware.OTPMiddleware",
    "khidma.backoffice.middleware.StaffTwoFactorMiddleware",
    "khidma.organizations.middleware.OrganizationTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "khidma.urls"
# A refused form (missing or stale CSRF token) gets the styled, translated 403 page (khidma/error_pages.py).
CSRF_FAILURE_VIEW = "khidma.error_pages.csrf_failure"
WSGI_APPLICATION = "khidma.wsgi.application"

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

# --- Database -------------------------------------------------------------------------------------------
# DATABASE_URL, DATABASE_REPLICA_URL for reports, KHIDMA_PGBOUNCER=1 behind PgBouncer (docs/deployment.md).
DATABASES = deployment.databases(data_dir=DATA_DIR)
# Dashboards, season reports and open-data exports read here (khidma.core.db.reporting_db()); writes always go
# to the primary.
KHIDMA_REPORTING_DATABASE = deployment.REPLICA if deployment.REPLICA in DATABASES else "default"
DATABASE_ROUTERS = ["khidma.core.db.PrimaryRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:home"

# --- Languages and time -----------------------------------------------------------------------------------
# Arabic first. These ten are the languages Khidma speaks to the public (ISO 639-1 codes everywhere).
LANGUAGE_CODE = env_str("KHIDMA_LANGUAGE_CODE", "ar")
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("ur", _("Urdu")),
    ("id", _("Indonesian")),
    ("hi", _("Hindi")),
    ("ms", _("Malay")),
    ("fa", _("Persian")),
    ("bn", _("Bengali")),
    ("tr", _("Turkish")),
    ("fr", _("French")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("KHIDMA_TIME_ZONE", "Asia/Riyadh")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at every start when it is missing
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("KHIDMA_MEDIA_ROOT", str(DATA_DIR / "media"))).resolve()
# Hashed, compressed static files need `khidma collectstatic` (make demo runs it); set
# KHIDMA_STATIC_MANIFEST=0 to serve files straight from the apps (tests do).
STORAGES = {
    # KHIDMA_MEDIA_STORAGE=s3 keeps uploads in an S3-compatible bucket (docs/deployment.md).
    "default": deployment.media_storage(env_str("KHIDMA_MEDIA_STORAGE", "filesystem")),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("KHIDMA_STATIC_MANIFEST", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Requests larger than this are refused with 413 before they are parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("KHIDMA_MAX_BODY_BYTES", 256 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
KHIDMA_MAX_ATTACHMENT_BYTES = env_int("KHIDMA_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)

# --- Background work, Redis ------------------------------------------------------------------------------
# Tasks in the database (run by `khidma worker`), in Redis on RQ (KHIDMA_TASKS_BACKEND=rq, for several worker
# machines), or run at once in the request (immediate, for development). With REDIS_URL the cache (and so the
# rate limits) is shared by every process through Redis.
REDIS_URL = env_str("REDIS_URL", "")
TASKS, RQ_QUEUES, _task_apps = deployment.tasks(env_str("KHIDMA_TASKS_BACKEND", "database"), REDIS_URL)
INSTALLED_APPS += _task_apps
RQ_SHOW_ADMIN_LINK = False  # queues are inspected with `rq info --url $REDIS_URL`, not through the admin
CACHES = deployment.caches(REDIS_URL)
# The public API's reports are accepted at once (a reference number) and made cases by the worker moments
# later (cases/submissions.py); 0 makes the case within the request, for installations without a worker.
KHIDMA_INTAKE_DEFERRED = env_bool("KHIDMA_INTAKE_DEFERRED", True)
# How many accepted reports may wait for the worker: past it, a request makes its report's case itself, so
# intake never outruns what the machine can fully process (0: no limit).
KHIDMA_INTAKE_BACKLOG_LIMIT = env_int("KHIDMA_INTAKE_BACKLOG_LIMIT", 3000)

# --- Khidma -----------------------------------------------------------------------------------------------
# The organization that public endpoints serve when a request does not name one.
KHIDMA_DEFAULT_ORGANIZATION = env_str("KHIDMA_DEFAULT_ORGANIZATION", "makkah")
# Absolute base for links sent to people (tracking links in SMS); empty means "the host of the request".
KHIDMA_PUBLIC_BASE_URL = env_str(
    "KHIDMA_PUBLIC_BASE_URL", f"http://{env_str('HOST', '127.0.0.1')}:{env_int('PORT', 8000)}"
).rstrip("/")
# The portal's maps (docs/portal.md): a tile server URL template such as "https://tiles.example.org/{z}/{x}/{y}.png"
# and the attribution its licence asks for. Empty (the default): no tiles; the map draws only the
# organization's boundary and areas, served from this installation's own data.
KHIDMA_MAP_TILE_URL = env_str("KHIDMA_MAP_TILE_URL", "")
KHIDMA_MAP_TILE_ATTRIBUTION = env_str("KHIDMA_MAP_TILE_ATTRIBUTION", "")
# Open311 requests per API key per minute (a fixed window); 0 turns the limit off (docs/open311.md).
KHIDMA_OPEN311_RATE_LIMIT = env_int("KHIDMA_OPEN311_RATE_LIMIT", 60)
# The portal's optional check of the reporter's phone by a code sent by SMS (docs/portal.md): whether a
# report that gives a phone must have it checked, and how many codes a phone number or an IP address may
# ask for in an hour.
KHIDMA_PHONE_VERIFICATION_REQUIRED = env_bool("KHIDMA_PHONE_VERIFICATION_REQUIRED", False)
KHIDMA_PHONE_CODES_PER_PHONE_PER_HOUR = env_int("KHIDMA_PHONE_CODES_PER_PHONE_PER_HOUR", 3)
KHIDMA_PHONE_CODES_PER_IP_PER_HOUR = env_int("KHIDMA_PHONE_CODES_PER_IP_PER_HOUR", 10)
# The request header that carries the client's address when a reverse proxy stands in front (for example
# "X-Real-IP", which the proxy must always overwrite); empty: the connection's address (REMOTE_ADDR).
KHIDMA_CLIENT_IP_HEADER = env_str("KHIDMA_CLIENT_IP_HEADER", "")

# --- Abuse: rate limits, lockouts, staff sign-in (docs/security.md) -----------------------------------------
# Rates are "COUNT/WINDOW" lists ("10/m,100/h"); "0" switches one off. KHIDMA_RATE_LIMITS=0 switches off every
# request limit of the anonymous public endpoints (load benchmarks on one machine only, never in production);
# lockouts and message caps stay on. Counters live in the database, or in Redis when REDIS_URL is set.
KHIDMA_RATE_LIMITS = env_bool("KHIDMA_RATE_LIMITS", True)
KHIDMA_LIMIT_REPORTS_PER_IP = env_rates("KHIDMA_LIMIT_REPORTS_PER_IP", "10/m,100/h")
KHIDMA_LIMIT_REPORTS_PER_PHONE = env_rates("KHIDMA_LIMIT_REPORTS_PER_PHONE", "10/h,30/d")
KHIDMA_LIMIT_LOOKUPS_PER_IP = env_rates("KHIDMA_LIMIT_LOOKUPS_PER_IP", "60/m,600/h")
KHIDMA_RECEIVED_MESSAGES_PER_HOUR = env_int("KHIDMA_RECEIVED_MESSAGES_PER_HOUR", 3)
KHIDMA_CLOSURE_CODE_ATTEMPTS = env_rates("KHIDMA_CLOSURE_CODE_ATTEMPTS", "5/d")
KHIDMA_LIMIT_CLOSURE_FAILURES_PER_IP = env_rates("KHIDMA_LIMIT_CLOSURE_FAILURES_PER_IP", "10/h")
KHIDMA_CLOSURE_CODE_RESENDS = env_rates("KHIDMA_CLOSURE_CODE_RESENDS", "3/d")
KHIDMA_LOGIN_DELAY_AFTER = env_int("KHIDMA_LOGIN_DELAY_AFTER", 3)
KHIDMA_LOGIN_IP_DELAY_AFTER = env_int("KHIDMA_LOGIN_IP_DELAY_AFTER", 10)
KHIDMA_LOGIN_MAX_DELAY_SECONDS = env_int("KHIDMA_LOGIN_MAX_DELAY_SECONDS", 300)
KHIDMA_LOGIN_LOCK_AFTER = env_int("KHIDMA_LOGIN_LOCK_AFTER", 10)
KHIDMA_LOGIN_LOCK_MINUTES = env_int("KHIDMA_LOGIN_LOCK_MINUTES", 30)
KHIDMA_STAFF_2FA_REQUIRED = env_bool("KHIDMA_STAFF_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = env_str("KHIDMA_OTP_ISSUER", "Khidma")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a device's secret or its QR code

# --- Triage ---------------------------------------------------------------------------------------------
# Where `khidma triage-train` keeps the model trained on this installation's own history.
KHIDMA_TRIAGE_MODEL = env_str("KHIDMA_TRIAGE_MODEL", str(DATA_DIR / "triage-model.pkl"))

# --- Machine translation (docs/translation.md) -----------------------------------------------------------
# none (the default): no machine translation; libretranslate: a self-hosted LibreTranslate server.
KHIDMA_TRANSLATION_BACKEND = env_str("KHIDMA_TRANSLATION_BACKEND", "none")
if KHIDMA_TRANSLATION_BACKEND not in {"none", "libretranslate"}:
    raise ValueError(
        f"KHIDMA_TRANSLATION_BACKEND must be none or libretranslate, not {KHIDMA_TRANSLATION_BACKEND!r}"
    )
KHIDMA_LIBRETRANSLATE_URL = env_str("KHIDMA_LIBRETRANSLATE_URL", "")
KHIDMA_LIBRETRANSLATE_API_KEY = env_str("KHIDMA_LIBRETRANSLATE_API_KEY", "")
KHIDMA_TRANSLATION_TIMEOUT_SECONDS = env_int("KHIDMA_TRANSLATION_TIMEOUT_SECONDS", 10)

# --- Outgoing messages (docs/channels.md) ------------------------------------------------------------------
KHIDMA_SMS_BACKEND = env_str("KHIDMA_SMS_BACKEND", "console")  # console, file, unifonic, msegat, taqnyat
KHIDMA_WHATSAPP_BACKEND = env_str("KHIDMA_WHATSAPP_BACKEND", "console")  # console, file, cloud
KHIDMA_EMAIL_BACKEND = env_str("KHIDMA_EMAIL_BACKEND", "console")  # console (Django's), file, smtp
KHIDMA_OUTBOX_FILE = env_str("KHIDMA_OUTBOX_FILE", str(DATA_DIR / "outbox.jsonl"))
KHIDMA_OUTBOX_LEASE_SECONDS = env_int("KHIDMA_OUTBOX_LEASE_SECONDS", 300)
# How long a provider (SMS gateway, WhatsApp) may take to answer; no answer makes the message uncertain.
KHIDMA_OUTBOX_TIMEOUT_SECONDS = env_int("KHIDMA_OUTBOX_TIMEOUT_SECONDS", 15)
KHIDMA_MAX_MESSAGES_PER_CASE_PER_DAY = env_int("KHIDMA_MAX_MESSAGES_PER_CASE_PER_DAY", 6)
KHIDMA_CLOSURE_CONFIRM_DAYS = env_int("KHIDMA_CLOSURE_CONFIRM_DAYS", 3)

# --- Reports and open data (docs/reports.md) ------------------------------------------------------------
KHIDMA_OPEN_DATA_DAYS = env_int("KHIDMA_OPEN_DATA_DAYS", 365)  # how many finished days are published
KHIDMA_OPEN_DATA_LICENSE = env_str("KHIDMA_OPEN_DATA_LICENSE", "CC BY 4.0")
KHIDMA_OPEN_DATA_LICENSE_URL = env_str(
    "KHIDMA_OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
KHIDMA_SMS_URL = env_str("KHIDMA_SMS_URL", "")  # the gateway's base URL; empty: the provider's public one
KHIDMA_SMS_SENDER = env_str("KHIDMA_SMS_SENDER", "KHIDMA")
KHIDMA_SMS_USERNAME = env_str("KHIDMA_SMS_USERNAME", "")
KHIDMA_SMS_API_KEY = env_str("KHIDMA_SMS_API_KEY", "")
KHIDMA_SMS_INBOUND_SECRET = env_str("KHIDMA_SMS_INBOUND_SECRET", "")
KHIDMA_WHATSAPP_GRAPH_URL = env_str("KHIDMA_WHATSAPP_GRAPH_URL", "https://graph.facebook.com/v21.0")
KHIDMA_WHATSAPP_TOKEN = env_str("WHATSAPP_TOKEN", "")
KHIDMA_WHATSAPP_PHONE_NUMBER_ID = env_str("WHATSAPP_PHONE_NUMBER_ID", "")
KHIDMA_WHATSAPP_APP_SECRET = env_str("WHATSAPP_APP_SECRET", "")
KHIDMA_WHATSAPP_VERIFY_TOKEN = env_str("WHATSAPP_VERIFY_TOKEN", "")
# The Meta-approved template (one text parameter) used outside the 24-hour window.
KHIDMA_WHATSAPP_TEMPLATE = env_str("KHIDMA_WHATSAPP_TEMPLATE", "khidma_update")
# A Meta-approved template with an image header and one text parameter, for the after-photo outside the
# 24-hour window; empty: the photo is sent only inside the window (the tracking link always shows it).
KHIDMA_WHATSAPP_PHOTO_TEMPLATE = env_str("KHIDMA_WHATSAPP_PHOTO_TEMPLATE", "")
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}.get(KHIDMA_EMAIL_BACKEND, "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("KHIDMA_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("KHIDMA_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("KHIDMA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("KHIDMA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("KHIDMA_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("KHIDMA_EMAIL_FROM", "khidma@localhost")

# --- Security ---------------------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = env_bool("KHIDMA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if env_bool("KHIDMA_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# TLS deployments (docs/security.md#production-settings): redirect plain HTTP and tell browsers to use HTTPS
# only (HTTP Strict Transport Security) for this many seconds. 0 (the default) sends no HSTS header: a demo
# on plain HTTP must not be locked out of itself.
SECURE_SSL_REDIRECT = env_bool("KHIDMA_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("KHIDMA_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("KHIDMA_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("KHIDMA_HSTS_PRELOAD", False)


def _tile_origin(template: str) -> str:
    """The map tile server's origin as a CSP source ("https://{s}.tile.example" → "https://*.tile.example")."""
    parts = urlsplit(template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} and parts.netloc else ""


# Content-Security-Policy (khidma.runtime.middleware): scripts only from this site's own files, so an
# injected <script> or on…= handler never runs; nothing may frame the pages. Styles may be inline (the
# portal writes its style sheet into the page; Leaflet and htmx set style attributes). Images from the tile
# server named by KHIDMA_MAP_TILE_URL are the only outside resource.
KHIDMA_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(filter(None, ["img-src 'self' data: blob:", _tile_origin(KHIDMA_MAP_TILE_URL)])),
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("KHIDMA_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
