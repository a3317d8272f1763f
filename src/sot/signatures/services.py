"""Signature services: the canonical bundle, verification, and stored signature records."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from sot.core import clock

from .adapters import Purpose, get_verifier
from .models import SignatureRecord, SignatureSource, SignatureStatus
from .verdict import Verdict

if TYPE_CHECKING:
    from sot.accounts.models import User

log = logging.getLogger(__name__)


def canonical_bundle(*, form: Mapping[str, Any], attachments: Sequence[tuple[str, str]]) -> bytes:
    """What a filer signs: the form and the attachments' hashes as deterministic UTF-8 JSON.

    Sorted keys and no spaces so the browser, a lawyer's program and the server derive the same bytes;
    attachments keep the order given (the filing's order is part of what is signed).
    """
    document = {
        "attachments": [{"name": name, "sha256": digest.lower()} for name, digest in attachments],
        "form": dict(form),
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def decode_signature(value: str | bytes) -> bytes | None:
    """Base64 (standard or URL-safe, whitespace ignored) to bytes; None when it is not base64."""
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
    text = "".join(text.split())
    if not text:
        return None
    text = text.replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _verify(
    *,
    payload: bytes,
    signature: bytes,
    certificate_pem: str,
    chain_pem: str,
    expected_iin: str | None,
    signed_at: datetime | None,
    purpose: Purpose,
) -> Verdict:
    moment = signed_at or clock.now()
    if not signature or not certificate_pem.strip():
        return Verdict.of("malformed", signed_at=moment)
    return get_verifier().verify(
        payload=payload,
        signature=signature,
        certificate_pem=certificate_pem,
        chain_pem=chain_pem,
        expected_iin=expected_iin,
        signed_at=moment,
        purpose=purpose,
    )


def verify_signature(
    *,
    payload: bytes,
    signature: bytes,
    certificate_pem: str,
    chain_pem: str = "",
    expected_iin: str,
    signed_at: datetime | None = None,
) -> Verdict:
    """Check a document signature by a signing certificate issued to ``expected_iin``.

    Never raises for bad input. ``signed_at`` defaults to now; callers pass the time the server
    received the signature, never a time the client claims.
    """
    return _verify(
        payload=payload,
        signature=signature,
        certificate_pem=certificate_pem,
        chain_pem=chain_pem,
        expected_iin=expected_iin,
        signed_at=signed_at,
        purpose="sign",
    )


def verify_authentication(
    *, payload: bytes, signature: bytes, certificate_pem: str, chain_pem: str = ""
) -> Verdict:
    """Check a sign-in answer: an authentication certificate with any valid IIN (matched afterwards)."""
    return _verify(
        payload=payload,
        signature=signature,
        certificate_pem=certificate_pem,
        chain_pem=chain_pem,
        expected_iin=None,
        signed_at=None,
        purpose="auth",
    )


def _apply(record: SignatureRecord, verdict: Verdict) -> None:
    record.status = verdict.status
    record.code = verdict.code
    record.subject_iin = verdict.subject_iin[:12]
    record.subject_name = verdict.subject_name[:300]
    record.certificate_sha256 = verdict.certificate_sha256
    record.serial = verdict.serial[:80]
    record.verified_at = clock.now()


@transaction.atomic
def record_signature(
    *,
    payload: bytes,
    signature: bytes,
    certificate_pem: str,
    chain_pem: str = "",
    expected_iin: str,
    signer: User | None = None,
    source: SignatureSource = SignatureSource.UPLOAD,
    signed_at: datetime | None = None,
) -> tuple[SignatureRecord, Verdict]:
    """Verify and store one signature, whatever the verdict; filing and acts link to the record.

    Callers decide what an INVALID or PENDING verdict means for their document (refuse, or accept and
    wait for ``sot pki recheck``).
    """
    moment = signed_at or clock.now()
    verdict = verify_signature(
        payload=payload,
        signature=signature,
        certificate_pem=certificate_pem,
        chain_pem=chain_pem,
        expected_iin=expected_iin,
        signed_at=moment,
    )
    record = SignatureRecord(
        payload=payload,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        signature_b64=base64.b64encode(signature).decode("ascii"),
        certificate_pem=certificate_pem,
        chain_pem=chain_pem,
        expected_iin=expected_iin,
        signer=signer,
        source=source,
        signed_at=moment,
    )
    _apply(record, verdict)
    record.save()
    log.info("signature %s recorded: %s (%s)", record.pk, record.status, record.code)
    return record, verdict


@transaction.atomic
def recheck_signature(*, record_id: int) -> SignatureRecord:
    """Verify a PENDING record again, at its original signing time; a settled record is left alone."""
    record = SignatureRecord.objects.select_for_update().get(pk=record_id)
    if record.status != SignatureStatus.PENDING:
        return record
    verdict = verify_signature(
        payload=bytes(record.payload),
        signature=base64.b64decode(record.signature_b64),
        certificate_pem=record.certificate_pem,
        chain_pem=record.chain_pem,
        expected_iin=record.expected_iin,
        signed_at=record.signed_at,
    )
    _apply(record, verdict)
    record.save(
        update_fields=[
            "status",
            "code",
            "subject_iin",
            "subject_name",
            "certificate_sha256",
            "serial",
            "verified_at",
        ]
    )
    if record.status != SignatureStatus.PENDING:
        log.info("pending signature %s settled: %s (%s)", record.pk, record.status, record.code)
    return record


def recheck_pending(*, limit: int = 1000) -> dict[str, int]:
    """Recheck up to ``limit`` pending records, oldest first; counts by resulting status."""
    counts = {status.value: 0 for status in SignatureStatus}
    ids = SignatureRecord.objects.filter(status=SignatureStatus.PENDING).order_by("signed_at", "pk")
    for record_id in ids.values_list("pk", flat=True)[:limit]:
        counts[recheck_signature(record_id=record_id).status] += 1
    return counts
