"""Stored signatures and one-time QR challenges."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignatureStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    INVALID = "invalid", _("Invalid")
    PENDING = "pending", _("Pending verification")


class SignatureSource(models.TextChoices):
    UPLOAD = "upload", _("Signed in the browser or by a program")
    QR = "qr", _("Signed on a phone by QR code")


class SignatureRecord(models.Model):
    """One signature over one payload, with the verdict the server reached.

    The payload itself is kept (bundles are small: form JSON and attachment hashes) so a pending
    signature can be checked again once the revocation source answers.
    """

    payload = models.BinaryField(_("signed data"))
    payload_sha256 = models.CharField(_("SHA-256 of the signed data"), max_length=64, db_index=True)
    signature_b64 = models.TextField(_("signature (base64)"))
    certificate_pem = models.TextField(_("certificate (PEM)"))
    chain_pem = models.TextField(_("intermediate certificates (PEM)"), blank=True, default="")
    certificate_sha256 = models.CharField(_("certificate fingerprint"), max_length=64, blank=True)
    serial = models.CharField(_("certificate serial number"), max_length=80, blank=True)
    subject_iin = models.CharField(_("signer's IIN"), max_length=12, blank=True)
    subject_name = models.CharField(_("signer's name"), max_length=300, blank=True)
    expected_iin = models.CharField(_("expected IIN"), max_length=12)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signature_records",
    )
    source = models.CharField(
        _("how it was signed"),
        max_length=10,
        choices=SignatureSource.choices,
        default=SignatureSource.UPLOAD,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SignatureStatus.choices, db_index=True
    )
    code = models.CharField(_("verdict code"), max_length=40)
    signed_at = models.DateTimeField(_("signed at"))
    verified_at = models.DateTimeField(_("verified at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        indexes = [models.Index(fields=["status", "verified_at"], name="sig_status_verified")]

    def __str__(self) -> str:
        return f"{self.payload_sha256[:12]} {self.status}"

    @property
    def is_valid(self) -> bool:
        return self.status == SignatureStatus.VALID


class ChallengePurpose(models.TextChoices):
    LOGIN = "login", _("Sign in")
    SIGN = "sign", _("Sign a document")


class Challenge(models.Model):
    """A one-time QR challenge: random, short-lived, answered once, consumed once.

    ``token`` is the secret in the QR URL (whoever holds it may answer); ``id`` is what the waiting
    browser polls with, bound to its session (login) or its user (signing).
    """

    token = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(_("purpose"), max_length=10, choices=ChallengePurpose.choices)
    payload = models.BinaryField(_("data to sign"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    session_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    consumed_at = models.DateTimeField(_("consumed at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    record = models.ForeignKey(
        SignatureRecord, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("QR challenge")
        verbose_name_plural = _("QR challenges")

    def __str__(self) -> str:
        return f"{self.purpose} {self.pk}"
