"""The log's Ed25519 signing key: a PEM file (PKCS#8, unencrypted, mode 0600) named by settings.

``SOT_LEDGER_KEY_FILE`` names the file (default ``<SOT_DATA_DIR>/ledger-ed25519.pem``).
``sot ledger init-key`` creates it. With ``SOT_LEDGER_KEY_AUTOCREATE`` on (dev and tests) the first
signature creates it too; production turns that off, so a missing key is an error rather than a
new identity nobody published.
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class KeyExists(Exception):
    pass


def key_path() -> Path:
    return Path(settings.SOT_LEDGER_KEY_FILE)


def key_create(path: Path) -> Ed25519PrivateKey:
    """Write a new key to ``path`` (0600, never over an existing file: raises ``KeyExists``)."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise KeyExists(str(path)) from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return key


@lru_cache(maxsize=4)
def _key_load(path: Path, mtime_ns: int) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} does not hold an Ed25519 private key")
    return key


def signing_key() -> Ed25519PrivateKey:
    path = key_path()
    if not path.exists():
        if not settings.SOT_LEDGER_KEY_AUTOCREATE:
            raise ImproperlyConfigured(
                f"The ledger signing key {path} is missing; create it with `sot ledger init-key`."
            )
        with contextlib.suppress(KeyExists):  # another process created it first: use theirs
            key_create(path)
    return _key_load(path, path.stat().st_mtime_ns)


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
