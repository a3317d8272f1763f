"""Production adapter for NCA RK certificates (GOST 34.10-2015, also RSA): NCANode's HTTP API.

NCANode (https://github.com/ncanode-kz/NCANode) wraps the Kalkan crypto provider that NCA RK
certificates need; Python's `cryptography` has no GOST. Sot sends it the certificate, the raw
signature and the signed data (`POST {SOT_NCANODE_URL}/x509/verify`, NCANode 3.x) and asks for an
OCSP revocation check; NCANode knows the NCA RK roots itself. Sot then applies its own rules to
the answer: signing key usage, the subject's IIN, and "cannot tell now" → PENDING.

Not tested against a real NCANode or NCA RK here (neither runs in this environment); the mapping is
written from NCANode's request/response shapes and must be checked on a staging NCANode with a
real test key from NCA RK (pki.gov.kz issues test certificates) before it is switched on.

Settings: SOT_SIGNATURE_BACKEND = "sot.signatures.adapters.ncanode.NcaNodeVerifier",
SOT_NCANODE_URL = "http://ncanode.internal:14579", SOT_NCANODE_TIMEOUT = 10 (seconds).
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.request
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings

from sot.core.iin import is_valid_iin

from ..certinfo import fingerprint, serial_hex, subject_iin, subject_name
from ..verdict import Verdict
from . import Purpose

log = logging.getLogger(__name__)


class NcaNodeVerifier:
    # Settings are read per call: the backend instance is cached for the process.
    @property
    def url(self) -> str:
        return str(getattr(settings, "SOT_NCANODE_URL", "http://127.0.0.1:14579")).rstrip("/")

    @property
    def timeout(self) -> float:
        return float(getattr(settings, "SOT_NCANODE_TIMEOUT", 10))

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
            data = payload.decode("utf-8")  # NCANode signs and verifies the data as a UTF-8 string
        except (ValueError, UnicodeError):
            return Verdict.of("malformed", signed_at=signed_at)
        facts = {
            "subject_iin": subject_iin(cert),
            "subject_name": subject_name(cert),
            "certificate_sha256": fingerprint(cert),
            "serial": serial_hex(cert),
            "signed_at": signed_at,
        }
        request = {
            "certificate": base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode(),
            "signature": base64.b64encode(signature).decode(),
            "data": data,
            "revocationCheck": ["OCSP"],
        }
        try:
            answer = self._post("/x509/verify", request)
        except (OSError, ValueError) as exc:  # unreachable, timeout, 5xx, not JSON
            log.warning("signatures: NCANode unavailable: %s", exc)
            return Verdict.of("verifier_unavailable", **facts)
        return Verdict.of(interpret(answer, expected_iin=expected_iin, purpose=purpose), **facts)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(  # noqa: S310 - the URL is an operator setting
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = json.loads(response.read())
        except urllib.error.HTTPError as error:
            if error.code >= 500:
                raise OSError(f"NCANode answered {error.code}") from error
            answer = json.loads(error.read() or b"{}")
        if not isinstance(answer, dict):
            raise ValueError("NCANode answer is not an object")
        return answer


def interpret(answer: dict[str, Any], *, expected_iin: str | None, purpose: Purpose) -> str:
    """Map NCANode's VerificationResponse to a verdict code (pure, so it is tested on its own)."""
    signers = answer.get("signers") or []
    info = signers[0] if signers and isinstance(signers[0], dict) else None
    if info is None:
        return "malformed"
    revocations = info.get("revocations") or []
    if any(r.get("revoked") for r in revocations if isinstance(r, dict)):
        return "revoked"
    checked = [r for r in revocations if isinstance(r, dict) and r.get("revoked") is False]
    if not answer.get("valid"):
        # NCANode folds signature, chain, dates and revocation into one flag; the certificate's own
        # flag tells a certificate problem from a signature that does not match.
        if info.get("valid") is False:
            return "untrusted" if not checked else "expired"
        return "tampered"
    usage = str(info.get("keyUsage", "")).upper()
    if purpose == "sign" and usage != "SIGN":
        return "not_signing_key"
    if purpose == "auth" and usage != "AUTH":
        return "not_auth_key"
    iin = str((info.get("subject") or {}).get("iin") or "")
    if not is_valid_iin(iin):
        return "iin_invalid"
    if expected_iin is not None and iin != expected_iin:
        return "iin_mismatch"
    if not checked:
        return "revocation_unavailable"
    return "ok"
