"""Settings for ``sot bench filing``'s server only: the dev settings with DEBUG off and the bench's
own test CA trusted. Never used by a deployment (the test CA is refused unless allowed here)."""

import os
from pathlib import Path

from sot.settings.dev import *  # noqa: F403

DEBUG = False
SOT_SIGNATURE_ALLOW_TEST_CA = True
SOT_SIGNATURE_TRUSTED_ROOTS = Path(os.environ["SOT_BENCH_CA_ROOT"])
SOT_SIGNATURE_CRLS = [os.environ["SOT_BENCH_CA_CRL"]]
SOT_SIGNATURE_BACKEND = "sot.signatures.adapters.x509.X509Verifier"
SOT_DISTRIBUTION_AUTOMATIC = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
