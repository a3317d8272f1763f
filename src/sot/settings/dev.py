"""The embedded default: SQLite under ``SOT_DATA_DIR``, debug on, for a laptop or a demo."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("SOT_DEBUG", True)
# A development key is fine here: production.py refuses to start without a real one.
SECRET_KEY = os.environ.get("SOT_SECRET_KEY") or "sot-dev-only-not-for-production"  # noqa: S105
