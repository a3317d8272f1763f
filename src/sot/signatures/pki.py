"""File operations behind `sot pki`: the test CA on disk, trusting it, issuing key files."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from django.conf import settings

from . import trust
from .testing import CRL_FILE, ROOT_CERT, Credential, TestCA


def default_ca_dir() -> Path:
    return Path(getattr(settings, "SOT_SIGNATURE_TEST_CA_DIR", settings.DATA_DIR / "test-ca"))


def init_test_ca(directory: Path) -> TestCA:
    """Create a test CA in ``directory``; FileExistsError if one is there."""
    ca = TestCA.create()
    ca.save(directory)
    return ca


def trust_test_ca(ca: TestCA) -> Path:
    """Add the CA's root to the configured trust bundle and link its CRL into the CRL location.

    Effective only where SOT_SIGNATURE_ALLOW_TEST_CA is on: production ignores marked test roots.
    """
    assert ca.directory is not None
    bundle = trust.trusted_roots_path()
    bundle.parent.mkdir(parents=True, exist_ok=True)
    existing = bundle.read_text() if bundle.exists() else ""
    if ca.certificate_pem not in existing:
        with bundle.open("a") as out:
            out.write(ca.certificate_pem)
    crl_location = trust.crl_paths()[0] if trust.crl_paths() else None
    if crl_location is not None and crl_location.suffix == "":
        crl_location.mkdir(parents=True, exist_ok=True)
        link = crl_location / f"test-ca-{ca.certificate.serial_number:x}.crl"
        if not link.exists():
            link.symlink_to((ca.directory / CRL_FILE).resolve())
    return bundle


def write_credential(credential: Credential, prefix: Path) -> tuple[Path, Path]:
    """PREFIX.pem (PKCS#8 key, owner-only) and PREFIX.crt; refuses to overwrite either."""
    key_path, cert_path = (
        prefix.with_name(prefix.name + ".pem"),
        prefix.with_name(prefix.name + ".crt"),
    )
    for path in (key_path, cert_path):
        if path.exists():
            raise FileExistsError(str(path))
    prefix.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(credential.private_key_pem)
    cert_path.write_text(credential.certificate_pem)
    return key_path, cert_path


def load_ca(directory: Path) -> TestCA:
    if not (directory / ROOT_CERT).exists():
        raise FileNotFoundError(str(directory))
    return TestCA.load(directory)


def read_certificate(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())
