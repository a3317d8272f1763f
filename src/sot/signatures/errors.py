"""Errors the signature services raise; each becomes a 4xx with a stable code and translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sot.core.errors import Conflict, DomainError, NotFound

from .verdict import Verdict


class ChallengeNotFound(NotFound):
    code = "challenge_not_found"
    default_message = _("This QR code is unknown. Start again to get a new one.")


class ChallengeExpired(DomainError):
    code = "challenge_expired"
    status = 410
    default_message = _("This QR code has expired. Start again to get a new one.")


class ChallengeUsed(Conflict):
    code = "challenge_used"
    default_message = _("This QR code has already been used. Start again to get a new one.")


class NoIin(DomainError):
    code = "no_iin"
    default_message = _("Your account has no IIN, so a signature cannot be matched to you.")


class NoAccount(DomainError):
    code = "no_account"
    default_message = _("No active account is registered for the IIN in this certificate.")


class MalformedSignature(DomainError):
    code = "malformed"
    default_message = _(
        "The signature or certificate is not well-formed (expected base64 and PEM)."
    )


class SignatureRejected(DomainError):
    """A verdict other than VALID (or PENDING where that is acceptable), with the verdict's code."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.message)
        self.code = verdict.code
        self.verdict = verdict
