"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test stores uploads in its own directory, so "nothing stored" can be checked."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def ledger_key_file(settings, tmp_path):
    """Each test signs the transparency log with its own key, under its own directory."""
    settings.SOT_LEDGER_KEY_FILE = tmp_path / "keys" / "ledger-ed25519.pem"
    settings.SOT_LEDGER_KEY_AUTOCREATE = True
    return settings.SOT_LEDGER_KEY_FILE
