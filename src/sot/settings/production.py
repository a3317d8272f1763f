"""Production: every secret from the environment, HTTPS only, and a refusal to start on defaults."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SOT_SECRET_KEY", "")
_WEAK_KEYS = {"", "sot-dev-only-not-for-production", "sot-test-only", "change-me"}
if SECRET_KEY in _WEAK_KEYS or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SOT_SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
ALLOWED_HOSTS = env_list("SOT_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("SOT_ALLOWED_HOSTS must list the host names Sot is served under.")

SECURE_SSL_REDIRECT = env_bool("SOT_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SOT_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# The transparency log's signing key is provisioned (`sot ledger init-key` once, then kept safe): a
# missing key must stop the server, never be silently replaced by a new one.
SOT_LEDGER_KEY_AUTOCREATE = False
SOT_SIGNATURE_ALLOW_TEST_CA = False
