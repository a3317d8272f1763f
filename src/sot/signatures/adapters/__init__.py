"""The verification backend boundary: a Protocol and the setting that picks the implementation.

``SOT_SIGNATURE_BACKEND`` names a class (dotted path); the default is the local X.509 verifier.
Production in Kazakhstan, where certificates are GOST 34.10 from NCA RK, uses
``sot.signatures.adapters.ncanode.NcaNodeVerifier`` against an NCANode service.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Literal, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from ..verdict import Verdict

Purpose = Literal["sign", "auth"]
DEFAULT_BACKEND = "sot.signatures.adapters.x509.X509Verifier"


class SignatureVerifier(Protocol):
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
        """Check one signature; never raise for bad input, return the verdict."""
        ...


@cache
def _load(path: str) -> SignatureVerifier:
    backend: SignatureVerifier = import_string(path)()
    return backend


def get_verifier() -> SignatureVerifier:
    return _load(str(getattr(settings, "SOT_SIGNATURE_BACKEND", DEFAULT_BACKEND)))
