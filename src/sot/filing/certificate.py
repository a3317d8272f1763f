"""The certificate of presence or absence of court cases: a PDF, signed by the server.

The PDF is made by WeasyPrint with Noto Sans embedded (it has every Kazakh letter). The server
signs ``DOMAIN || 0x00 || serial || 0x00 || SHA-256(pdf)`` with its Ed25519 key (the transparency
log's key, ``sot.ledger.keys``), so anyone holding the PDF can check it with the public key
published with the log's signed head, or ask ``/api/v1/filing/certificates/verify/``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sot.accounts.models import User
from sot.core import clock
from sot.ledger.keys import public_key_bytes, signing_key

from .models import PresenceCertificate
from .selectors import certificate_cases

DOMAIN = b"sot-presence-certificate/1"
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
LANGUAGES = ("kk", "ru")


@dataclass(frozen=True)
class IssuedCertificate:
    record: PresenceCertificate
    pdf: bytes


def signed_message(serial: str, pdf_sha256: str) -> bytes:
    return DOMAIN + b"\x00" + serial.encode() + b"\x00" + bytes.fromhex(pdf_sha256)


def public_key_b64() -> str:
    return base64.b64encode(public_key_bytes(signing_key())).decode()


def render_pdf(user: User, lang: str, serial: str) -> tuple[bytes, int]:
    from weasyprint import HTML

    cases = list(certificate_cases(user).select_related("court"))
    with translation.override(lang):
        html = render_to_string(
            "filing/certificate_pdf.html",
            {
                "person": user,
                "cases": cases,
                "serial": serial,
                "issued_at": clock.now(),
                "font_regular": (FONT_DIR / "NotoSans-Regular.ttf").as_uri(),
                "font_bold": (FONT_DIR / "NotoSans-Bold.ttf").as_uri(),
                "lang": lang,
            },
        )
    return HTML(string=html).write_pdf(), len(cases)


@transaction.atomic
def certificate_issue(*, user: User, lang: str) -> IssuedCertificate:
    serial = f"SC-{clock.now():%Y%m%d}-{secrets.token_hex(5).upper()}"
    pdf, count = render_pdf(user, lang, serial)
    digest = hashlib.sha256(pdf).hexdigest()
    signature = signing_key().sign(signed_message(serial, digest))
    record = PresenceCertificate.objects.create(
        serial=serial,
        person=user,
        lang=lang,
        pdf_sha256=digest,
        signature=base64.b64encode(signature).decode(),
        case_count=count,
    )
    return IssuedCertificate(record=record, pdf=pdf)


def certificate_verify(serial: str, pdf_sha256: str) -> PresenceCertificate | None:
    """The issued certificate when the serial and hash match and the signature checks out."""
    record = PresenceCertificate.objects.filter(
        serial=serial, pdf_sha256=pdf_sha256.lower()
    ).first()
    if record is None:
        return None
    key = Ed25519PublicKey.from_public_bytes(public_key_bytes(signing_key()))
    try:
        key.verify(base64.b64decode(record.signature), signed_message(serial, record.pdf_sha256))
    except (InvalidSignature, ValueError):
        return None
    return record
