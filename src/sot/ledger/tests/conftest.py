"""Each test signs with its own key file under its own temporary directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def ledger_key_file(settings, tmp_path):
    settings.SOT_LEDGER_KEY_FILE = tmp_path / "keys" / "ledger-ed25519.pem"
    settings.SOT_LEDGER_KEY_AUTOCREATE = True
    return settings.SOT_LEDGER_KEY_FILE
