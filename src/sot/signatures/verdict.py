"""The outcome of checking one signature: what callers store and show.

A verdict is data, never an exception: a bad signature is an ordinary answer. ``code`` is stable for
programs; ``message`` is already translated into the language active when the verdict was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from .models import SignatureStatus


def _message(code: str) -> str:
    # Literal calls so the extractor sees every message.
    messages = {
        "ok": _("The signature is valid."),
        "tampered": _(
            "The signature does not match the signed data or the certificate: "
            "the data was changed or signed with another key."
        ),
        "untrusted": _("The certificate does not chain to a trusted root certificate."),
        "expired": _("The certificate had expired at the time of signing."),
        "not_yet_valid": _("The certificate was not yet valid at the time of signing."),
        "not_signing_key": _(
            "This certificate is not a signing certificate (it is for authentication); "
            "sign with your signing key."
        ),
        "not_auth_key": _(
            "This certificate is not an authentication certificate; "
            "sign in with your authentication key."
        ),
        "iin_mismatch": _("The certificate belongs to another person: its IIN is not yours."),
        "iin_invalid": _("The certificate carries no valid IIN."),
        "malformed": _(
            "The signature or certificate is not well-formed (expected base64 and PEM)."
        ),
        "unsupported_algorithm": _(
            "The certificate uses an algorithm this verifier does not support."
        ),
        "revoked": _("The certificate was revoked before the time of signing."),
        "revocation_unavailable": _(
            "The certificate's revocation status cannot be checked right now; "
            "the signature will be checked again."
        ),
        "verifier_unavailable": _(
            "The signature verification service cannot be reached right now; "
            "the signature will be checked again."
        ),
    }
    return messages.get(code, _("The signature could not be verified."))


STATUS_BY_CODE: dict[str, SignatureStatus] = {
    "ok": SignatureStatus.VALID,
    "revocation_unavailable": SignatureStatus.PENDING,
    "verifier_unavailable": SignatureStatus.PENDING,
}


@dataclass(frozen=True)
class Verdict:
    status: SignatureStatus
    code: str
    message: str
    subject_iin: str = ""
    subject_name: str = ""
    certificate_sha256: str = ""
    serial: str = ""
    signed_at: datetime | None = None

    @property
    def is_valid(self) -> bool:
        return self.status == SignatureStatus.VALID

    @property
    def is_pending(self) -> bool:
        return self.status == SignatureStatus.PENDING

    @classmethod
    def of(cls, code: str, **facts: object) -> Verdict:
        """The verdict for ``code``: VALID only for "ok", PENDING for what may clear later."""
        status = STATUS_BY_CODE.get(code, SignatureStatus.INVALID)
        return cls(status=status, code=code, message=_message(code), **facts)  # type: ignore[arg-type]
