"""The local verifier: X.509 certificates with RSA (PKCS#1 v1.5) or ECDSA keys, SHA-256.

Order of checks (the first failure is the verdict): the certificate parses; the signature verifies
with its key over the payload; the certificate chains to a trusted root; every certificate on the
path was valid at the signing time; the certificate's purpose; the subject IIN; revocation. Only
after all of that is the answer VALID; a revocation source that cannot answer gives PENDING.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from sot.core import clock
from sot.core.iin import is_valid_iin

from .. import trust
from ..certinfo import (
    fingerprint,
    is_authentication_certificate,
    is_ca,
    is_signing_certificate,
    serial_hex,
    subject_iin,
    subject_name,
)
from ..verdict import Verdict
from . import Purpose

MAX_CHAIN_DEPTH = 6
SUPPORTED_CURVES = (ec.SECP256R1, ec.SECP384R1)


class X509Verifier:
    def verify(
        self,
        *,
        payload: bytes,
        signature: bytes,
        certificate_pem: str,
        chain_pem: str,
        expected_iin: str | None,
        signed_at: datetime,
        purpose: Purpose,
    ) -> Verdict:
        try:
            cert = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
            intermediates = (
                x509.load_pem_x509_certificates(chain_pem.encode("ascii"))
                if chain_pem.strip()
                else []
            )
        except (ValueError, UnicodeEncodeError):
            return Verdict.of("malformed", signed_at=signed_at)
        facts = {
            "subject_iin": subject_iin(cert),
            "subject_name": subject_name(cert),
            "certificate_sha256": fingerprint(cert),
            "serial": serial_hex(cert),
            "signed_at": signed_at,
        }
        code = _integrity(cert, payload, signature)
        if code is None:
            path = certification_path(cert, intermediates)
            if path is None:
                return Verdict.of("untrusted", **facts)
            code = (
                _validity(path, signed_at)
                or _purpose(cert, purpose)
                or _iin(cert, expected_iin)
                or _revocation(path, signed_at)
                or "ok"
            )
        return Verdict.of(code, **facts)


def _integrity(cert: x509.Certificate, payload: bytes, signature: bytes) -> str | None:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        try:
            key.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            return "tampered"
        return None
    if isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, SUPPORTED_CURVES):
        for candidate in _ecdsa_forms(signature, key.curve.key_size):
            try:
                key.verify(candidate, payload, ec.ECDSA(hashes.SHA256()))
            except InvalidSignature:
                continue
            return None
        return "tampered"
    return "unsupported_algorithm"


def _ecdsa_forms(signature: bytes, key_bits: int) -> list[bytes]:
    """DER as the contract says; also raw r||s, which is what WebCrypto produces."""
    forms = [signature]
    size = (key_bits + 7) // 8
    if len(signature) == 2 * size:
        r = int.from_bytes(signature[:size], "big")
        s = int.from_bytes(signature[size:], "big")
        forms.append(encode_dss_signature(r, s))
    return forms


def _issued_by(child: x509.Certificate, issuer: x509.Certificate) -> bool:
    if child.issuer != issuer.subject:
        return False
    try:
        child.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _valid_at(cert: x509.Certificate, moment: datetime) -> str | None:
    if moment < cert.not_valid_before_utc:
        return "not_yet_valid"
    if moment > cert.not_valid_after_utc:
        return "expired"
    return None


def certification_path(
    cert: x509.Certificate, intermediates: list[x509.Certificate]
) -> list[x509.Certificate] | None:
    """The path leaf → … → trusted root, or None when the leaf reaches no trusted root."""
    roots = trust.trusted_roots()
    path = [cert]
    current = cert
    for _ in range(MAX_CHAIN_DEPTH):
        for root in roots.values():
            if _issued_by(current, root):
                return [*path, root]
        parent = next(
            (c for c in intermediates if c not in path and is_ca(c) and _issued_by(current, c)),
            None,
        )
        if parent is None:
            return None
        path.append(parent)
        current = parent
    return None


def _validity(path: list[x509.Certificate], signed_at: datetime) -> str | None:
    for member in path:
        problem = _valid_at(member, signed_at)
        if problem:
            return problem
    return None


def _purpose(cert: x509.Certificate, purpose: Purpose) -> str | None:
    if purpose == "sign" and not is_signing_certificate(cert):
        return "not_signing_key"
    if purpose == "auth" and not is_authentication_certificate(cert):
        return "not_auth_key"
    return None


def _iin(cert: x509.Certificate, expected_iin: str | None) -> str | None:
    """``None`` means any valid IIN (sign-in, which then looks the person up by it)."""
    found = subject_iin(cert)
    if not is_valid_iin(found):
        return "iin_invalid"
    if expected_iin is not None and found != expected_iin:
        return "iin_mismatch"
    return None


def _revocation(path: list[x509.Certificate], signed_at: datetime) -> str | None:
    """Each non-root certificate on the path needs a current CRL from its issuer."""
    lists = trust.revocation_lists()
    now = clock.now()
    for child, issuer in itertools.pairwise(path):
        crl = next((c for c in lists if c.signed_by(issuer)), None)
        if crl is None or (crl.next_update is not None and crl.next_update < now):
            return "revocation_unavailable"
        revoked_at = crl.revoked.get(child.serial_number)
        if revoked_at is not None and revoked_at <= signed_at:
            return "revoked"
    return None
