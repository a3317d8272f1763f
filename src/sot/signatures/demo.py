"""Demo: a local test CA trusted by this installation, and key files for every demo account.

Writes var/demo-keys/<username>.pem (PKCS#8 signing key, followed by its certificate so one file is
enough for the sign widget), <username>.crt, and <username>-auth.pem/.crt for QR sign-in. ECDSA
P-256 keys: generated in milliseconds, so the demo stays fast.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from django.conf import settings

from sot.accounts.models import User
from sot.seeding.demo import DEMO_ACCOUNTS

from . import pki
from .testing import Credential, TestCA


def demo_keys_dir() -> Path:
    return Path(settings.DATA_DIR) / "demo-keys"


def _demo_ca() -> TestCA:
    directory = pki.default_ca_dir()
    try:
        ca = pki.load_ca(directory)
    except FileNotFoundError:
        ca = pki.init_test_ca(directory)
    pki.trust_test_ca(ca)
    return ca


def _issued_by(ca: TestCA, cert_path: Path) -> bool:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        cert.verify_directly_issued_by(ca.certificate)
    except (OSError, ValueError, TypeError, InvalidSignature):
        return False
    return True


def _write(credential: Credential, prefix: Path) -> None:
    for suffix in (".pem", ".crt"):
        prefix.with_name(prefix.name + suffix).unlink(missing_ok=True)
    key_path, _ = pki.write_credential(credential, prefix)
    with key_path.open("a") as out:
        out.write(credential.certificate_pem)


def demo_seed() -> None:
    ca = _demo_ca()
    folder = demo_keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    usernames = [entry[0] for entry in DEMO_ACCOUNTS.values()]
    for user in User.objects.filter(username__in=usernames, iin__isnull=False).exclude(iin=""):
        name = f"{user.last_name} {user.first_name}".strip() or user.username
        for purpose, suffix in (("sign", ""), ("auth", "-auth")):
            prefix = folder / f"{user.username}{suffix}"
            if _issued_by(ca, prefix.with_name(prefix.name + ".crt")):
                continue  # already issued by this CA: keep the file a tester may have loaded
            credential = ca.issue(iin=str(user.iin), name=name, algorithm="ecdsa", purpose=purpose)  # type: ignore[arg-type]
            _write(credential, prefix)
