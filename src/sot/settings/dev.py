"""The embedded default: SQLite under ``SOT_DATA_DIR``, debug on, for a laptop or a demo."""

import os

from .base import *  # noqa: F403
from .base import DATA_DIR, env_bool

DEBUG = env_bool("SOT_DEBUG", True)
# A development key is fine here: production.py refuses to start without a real one.
SECRET_KEY = os.environ.get("SOT_SECRET_KEY") or "sot-dev-only-not-for-production"

# The embedded default must work with nothing prepared: make the data directory on first use.
DATA_DIR.mkdir(parents=True, exist_ok=True)
SOT_SIGNATURE_ALLOW_TEST_CA = True  # the demo signs with keys from a local test CA
