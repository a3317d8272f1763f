"""The trust configuration: trusted root certificates and certificate revocation lists (CRLs).

Both are read from files named in settings; parsed results are cached by each file's size, mtime
and inode, so an operator can replace a CRL (a CA publishes one every few hours) without a restart.
Replace files atomically (write a temporary file, then rename): a rename changes the inode.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.conf import settings

from .certinfo import fingerprint, is_test_ca

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[tuple[str, str], object] = {}


def trusted_roots_path() -> Path:
    default = settings.DATA_DIR / "signatures" / "trusted-roots.pem"
    return Path(getattr(settings, "SOT_SIGNATURE_TRUSTED_ROOTS", default))


def crl_paths() -> list[Path]:
    configured = getattr(settings, "SOT_SIGNATURE_CRLS", None)
    if configured is None:
        configured = [settings.DATA_DIR / "signatures" / "crl"]
    return [Path(p) for p in configured]


def allow_test_ca() -> bool:
    """Test CAs are trusted only where allowed; the default follows DEBUG (off in production)."""
    return bool(getattr(settings, "SOT_SIGNATURE_ALLOW_TEST_CA", settings.DEBUG))


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file()))
        elif path.is_file():
            found.append(path)
    return found


def _stamp(kind: str, files: list[Path]) -> tuple[str, str]:
    """A cheap key: path, size, mtime and inode of each file (a CRL can hold 100 000 entries)."""
    parts = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
    return kind, "|".join(parts)


def _read(files: list[Path]) -> list[tuple[Path, bytes]]:
    contents = []
    for path in files:
        try:
            contents.append((path, path.read_bytes()))
        except OSError:
            log.warning("signatures: cannot read %s", path)
    return contents


def _cached(key: tuple[str, str]) -> object | None:
    with _lock:
        return _cache.get(key)


def _remember(key: tuple[str, str], value: object) -> None:
    with _lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = value


def _parse_roots(contents: list[tuple[Path, bytes]]) -> dict[str, x509.Certificate]:
    roots: dict[str, x509.Certificate] = {}
    for path, data in contents:
        try:
            for cert in x509.load_pem_x509_certificates(data):
                roots[fingerprint(cert)] = cert
        except ValueError:
            log.warning("signatures: cannot parse trusted roots in %s", path)
    return roots


@dataclass
class RevocationList:
    """A parsed CRL with its entries indexed by serial (lookups stay O(1) for large CRLs)."""

    crl: x509.CertificateRevocationList
    revoked: dict[int, datetime]
    verified_issuers: set[str] = field(default_factory=set)

    @property
    def issuer(self) -> x509.Name:
        return self.crl.issuer

    @property
    def next_update(self) -> datetime | None:
        return self.crl.next_update_utc

    def signed_by(self, issuer: x509.Certificate) -> bool:
        digest = fingerprint(issuer)
        if digest in self.verified_issuers:
            return True
        if self.crl.issuer != issuer.subject:
            return False
        key = issuer.public_key()
        if not isinstance(key, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)):
            return False
        if self.crl.is_signature_valid(key):
            self.verified_issuers.add(digest)
            return True
        return False


def _parse_crls(contents: list[tuple[Path, bytes]]) -> list[RevocationList]:
    lists: list[RevocationList] = []
    for path, data in contents:
        try:
            if b"-----BEGIN X509 CRL-----" in data:
                crl = x509.load_pem_x509_crl(data)
            else:
                crl = x509.load_der_x509_crl(data)
        except ValueError:
            log.warning("signatures: cannot parse CRL %s", path)
            continue
        revoked = {entry.serial_number: entry.revocation_date_utc for entry in crl}
        lists.append(RevocationList(crl=crl, revoked=revoked))
    return lists


def trusted_roots() -> dict[str, x509.Certificate]:
    """Trusted roots by SHA-256 fingerprint; test CAs are dropped unless allowed."""
    files = _files([trusted_roots_path()])
    key = _stamp("roots", files)
    cached = _cached(key)
    if cached is None:
        cached = _parse_roots(_read(files))
        _remember(key, cached)
    assert isinstance(cached, dict)
    roots: dict[str, x509.Certificate] = dict(cached)
    if not allow_test_ca():
        for digest, cert in list(roots.items()):
            if is_test_ca(cert):
                log.warning("signatures: ignoring test CA %s in the trusted roots", digest[:16])
                del roots[digest]
    return roots


def revocation_lists() -> list[RevocationList]:
    files = _files(crl_paths())
    key = _stamp("crls", files)
    cached = _cached(key)
    if cached is None:
        cached = _parse_crls(_read(files))
        _remember(key, cached)
    assert isinstance(cached, list)
    return list(cached)
