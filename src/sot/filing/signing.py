"""What the filer signs and how the signature is checked (through ``sot.signatures``)."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from sot.core.errors import ValidationFailed
from sot.signatures.services import canonical_bundle, verify_signature
from sot.signatures.verdict import Verdict

# Guard rails before any cryptography runs on caller-supplied bytes.
MAX_SIGNATURE_CHARS = 4096
MAX_CERTIFICATE_CHARS = 16384


def signed_form(kind_code: str, data: dict[str, Any]) -> dict[str, Any]:
    """The form as signed: the kind is part of it, so a claim cannot be replayed as a petition."""
    return {"filing_kind": kind_code, **data}


def bundle_bytes(kind_code: str, data: dict[str, Any], files: Iterable[tuple[str, str]]) -> bytes:
    return canonical_bundle(form=signed_form(kind_code, data), attachments=list(files))


def bundle_digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def decode_signature(signature_b64: str, certificate_pem: str) -> bytes:
    errors: dict[str, list[Any]] = {}
    if not signature_b64 or len(signature_b64) > MAX_SIGNATURE_CHARS:
        errors["signature"] = [_("Sign the filing with your electronic signature.")]
    if not certificate_pem or len(certificate_pem) > MAX_CERTIFICATE_CHARS:
        errors["certificate"] = [_("Attach the certificate of your signing key.")]
    if errors:
        raise ValidationFailed(fields=errors)
    try:
        return base64.b64decode(signature_b64.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationFailed(
            fields={"signature": [_("The signature is not valid base64.")]}
        ) from exc


def verify(payload: bytes, signature: bytes, certificate_pem: str, iin: str) -> Verdict:
    return verify_signature(
        payload=payload, signature=signature, certificate_pem=certificate_pem, expected_iin=iin
    )


def refuse(verdict: Verdict) -> ValidationFailed:
    """An invalid signature as the error the filer sees (the verdict's translated message)."""
    error = ValidationFailed(
        _("The electronic signature was not accepted: %(reason)s"),
        fields={"signature": [verdict.message]},
        params={"reason": verdict.message},
    )
    error.code = f"signature_{verdict.code}"
    return error
