"""Settings for the test suite: SQLite in memory unless ``DATABASE_URL`` names PostgreSQL."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "sot-test-only"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; tests
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sot-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sot-test-static-"))
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SOT_DISTRIBUTION_AUTOMATIC = False
SOT_DEADLINE_RULES_CACHE_SECONDS = 0  # tests change rules with update(), which sends no signal

# Tests run tasks in-process when enqueued; a test of the queue itself overrides TASKS with the
# database backend and drives `db_worker` as production does.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "notifications", "search", "analytics"],
    }
}
SOT_SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="sot-test-search-"))
SOT_SIGNATURE_ALLOW_TEST_CA = True
