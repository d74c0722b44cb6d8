"""Settings shared by every environment; each value comes from the environment.

The defaults serve a developer on one machine (SQLite, local-memory cache, console
e-mail). Production services switch on only when their variable is set.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    # Content is built in this order (see load_initial_content): home's closing pages last.
    "membership",
    "resources",
    "news",
    "events",
    "members",
    "governance",
    "helpfinder",
    "home",
    "wagtail_modeladmin",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "axes",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so it sees every response, those from the page cache too (website/access_log.py).
    "website.access_log.AccessLogPathMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "website.middleware.AdminSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication, so a cached page costs neither.
    "website.middleware.PageCacheMiddleware",
    # The language is the address's: /fr/, /es/, /ar/, and English without a prefix (website/urls.py).
    "website.middleware.LanguageFromAddressMiddleware",
    # Before anything reads a request's body: public requests are held to their size and take no files.
    "website.uploads.PublicUploadLimitMiddleware",
    "website.middleware.DatabaseUnavailableMiddleware",
    "website.middleware.SiteLookupMiddleware",
    # Only under DEBUG: the site's own 404 page, the details in the log (outside CommonMiddleware and redirects).
    "website.middleware.NotFoundPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The blank membership form without routing: after CSRF and authentication (membership/rendering.py).
    "membership.rendering.BlankFormMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site_settings",
            ],
        },
    },
]


# Database: SQLite unless DATABASE_URL names another (PostgreSQL in production).
# WAL and a busy timeout let concurrent writers wait for each other instead of
# failing with "database is locked"; IMMEDIATE transactions take the write lock
# up front so a transaction never has to upgrade (and deadlock) half-way.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
            "OPTIONS": SQLITE_OPTIONS,
            # Keep the connection: SQLite checkpoints and deletes the WAL file whenever its
            # last connection closes, which would cost every request several milliseconds.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }
USING_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Two caches. "default" holds rendered pages and fragments: local memory in each
# process, the fastest there is. "shared" holds what every gunicorn worker must agree
# on at once (the content version that makes cached pages fresh, and the membership
# form's rate limits): files in one folder on this machine. With REDIS_URL both live
# in Redis, so several machines share them too.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": alias}
        for alias in ("default", "shared")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "shared": {
            # Django's, with counting made safe across processes (website/shared_cache.py).
            "BACKEND": "website.shared_cache.FileBasedCache",
            "LOCATION": os.environ.get("SHARED_CACHE_DIR", BASE_DIR / "var" / "shared-cache"),
        },
    }


# SECURE_PROXY=1: the site is behind one proxy that sets X-Forwarded-Proto and appends
# the client's address to X-Forwarded-For; rate limits and login lock-outs use it.
BEHIND_PROXY = env_bool("SECURE_PROXY")


# Anonymous public pages are served from the cache until content changes
# (website/middleware.py). PAGE_CACHE=0 turns it off, e.g. to measure uncached speed.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)


# No mail server may hold the worker for long: every connect, read and write gives up after
# EMAIL_TIMEOUT seconds. (Lower case: Django 6.1 refuses the old EMAIL_* settings beside MAILERS.)
email_timeout = int(os.environ.get("EMAIL_TIMEOUT", "10"))


# E-mail through Django 6.1's MAILERS. EMAIL_URL (smtp://user:password@host:587,
# smtps:// for implicit TLS, smtp+tls:// for STARTTLS) or EMAIL_HOST and friends
# select a real server; without either, messages are printed to the console.
def mailer_from_environment():
    url = os.environ.get("EMAIL_URL", "")
    if url:
        parts = urlparse(url)
        query = parse_qs(parts.query)
        options = {
            "host": parts.hostname,
            "port": parts.port or (465 if parts.scheme == "smtps" else 587),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": parts.scheme == "smtp+tls" or "tls" in query,
            "timeout": email_timeout,
        }
    elif os.environ.get("EMAIL_HOST"):
        options = {
            "host": os.environ["EMAIL_HOST"],
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True) and not env_bool("EMAIL_USE_SSL"),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
            "timeout": email_timeout,
        }
    else:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    # Django's SMTP backend, which also tells "not sent" from "may have been sent" (website/mail.py).
    return {"BACKEND": "website.mail.EmailBackend", "OPTIONS": options}


MAILERS = {"default": mailer_from_environment()}


# Background work. The site's own slow work (e-mail) goes through Django's Tasks framework
# to a queue in the database, which the worker process runs (`manage.py run_worker --backend
# background`: the Procfile's `worker:`, started by `make run` too), so no request ever waits
# for a mail server. "default" is Wagtail's: its own small tasks (search and reference
# indexes) use the django-tasks backport, which reads this same setting, and run at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WePROTECT Global Alliance <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


# Security headers. Public pages run no inline script and load nothing from another
# origin, so the policy can be strict without nonces, which also keeps cached pages
# valid (a nonce would be replayed from the cache).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # An article's video player, only once the visitor presses "Play here" (news/blocks.py).
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin still writes some inline scripts and styles, and shows previews in a
# frame of its own (website/middleware.py gives its pages this policy).
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Nothing on the site uses these browser features; deny them to every frame and script.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# The admin's login: django-axes locks a user name, and separately a client address,
# after five failures in a row, for fifteen minutes; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "website.views.locked_out"
# The client as every limit on the site names it (behind SECURE_PROXY, the address the proxy
# saw). Without it django-axes would see the proxy and lock everyone out together.
AXES_CLIENT_IP_CALLABLE = "website.ratelimit.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English with British spelling; "en", not "en-gb", so that it is the LANGUAGES entry itself and its
# pages have no /en/ prefix (base.html still says lang="en-GB").
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
# The site's languages: the interface's translations are in locale/ (compiled by `make`), the
# pages' in Wagtail's locales. English is at / and the others under /fr/, /es/, /ar/.
# The language switcher names each in its own words: get_language_info(code)["name_local"].
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True


# Static files are served by whitenoise from gunicorn; media from a folder that
# production points at persistent storage.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# The page editor of a long StreamField posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# Wagtail
WAGTAIL_SITE_NAME = "WePROTECT Global Alliance"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "website.CustomImage"
# No Gravatar: the admin would otherwise send a hash of each editor's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call home for new releases: the admin makes no request to another origin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Search matches English word forms ("helplines" finds "helpline"): PostgreSQL through its
# "english" configuration, SQLite through the Porter stemmer (website/migrations/0004).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Pages are translated in Wagtail's own way: one tree per language, each page linked to its
# translations; editors make a translation from the admin (wagtail.contrib.simple_translation).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PATH = os.environ.get("ADMIN_PATH", "admin").strip("/") + "/"

# Membership register: entries closed or untouched for longer than this are purged
# (`manage.py purge_enquiries`); the privacy notice states the same period.
ENQUIRY_RETENTION_MONTHS = int(os.environ.get("ENQUIRY_RETENTION_MONTHS", "24"))


# Limits on public forms, page passwords and password resets (security findings).
# Outside the admin a request's body is at most this size, files included, and public forms
# take no files at all (website/uploads.py). The admin keeps its uploads.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, 2.5 MB
# A private page's password is paused for an address like the admin's login (website/accounts.py).
PAGE_PASSWORD_FAILURE_LIMIT = AXES_FAILURE_LIMIT
PAGE_PASSWORD_COOLOFF_TIME = AXES_COOLOFF_TIME
# Password-reset e-mails: at most three an hour to one address, and ten an hour from one client.
PASSWORD_RESET_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_LIMIT_PER_CLIENT = 10
PASSWORD_RESET_WINDOW = timedelta(hours=1)


# Error logging, the CSRF failure page and the front-end login (security findings).
# Every server error goes with its traceback to standard error, which gunicorn collects;
# nothing is e-mailed (this replaces Django's mail_admins default). django.request logs only
# errors, so a 404 never writes the path a visitor asked for: on this site a path can say
# something about the person. django.security's warnings (bad hosts, CSRF failures) stay.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {
        "refusal_as_warning": {"()": "website.log_filters.RefusalAsWarning"},
        "private_paths": {"()": "website.log_filters.PrivatePaths"},
    },
    "handlers": {
        # No line names the help finder's country, whoever logged it (website/log_filters.py).
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
            "filters": ["private_paths"],
        }
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": [], "level": "WARNING", "propagate": True},
        "django.request": {"level": "ERROR", "filters": ["refusal_as_warning"]},
        # Where Django reports a body it refused: one warning line each (website/log_filters.py).
        **{
            f"django.security.{name}": {"filters": ["refusal_as_warning"]}
            for name in (
                "RequestDataTooBig",
                "TooManyFieldsSent",
                "TooManyFilesSent",
                "FileNotAccepted",
                "DisallowedHost",
            )
        },
    },
}
# A form sent with a stale or missing CSRF token gets a page in the site's design saying
# nothing was saved, with the form's address to open it again (website/views.py).
CSRF_FAILURE_VIEW = "website.views.csrf_failure"
# A document's address is always Wagtail's document view, which applies its collection's
# privacy; the files themselves have no public address (website/urls.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The login for private pages and documents, in the site's design with the quick exit;
# without a `next` it lands on the home page, not Django's /accounts/profile/.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "account/login.html"
LOGIN_REDIRECT_URL = "/"
# The password forms for pages with a page password and documents in a password-protected
# collection, in the site's design with the quick exit, instead of Wagtail's unstyled ones.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "account/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "account/document_password_required.html"
