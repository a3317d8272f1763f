"""Filings made through the Court Cabinet, their attachments, payments and signed certificates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_SIGNATURE_CHECK = "awaiting_signature_check", _("Waiting for the signature check")
    SUBMITTED = "submitted", _("Submitted, awaiting the formal check")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")
    LEFT_WITHOUT_MOTION = "left_without_motion", _("Left without motion")


class Filing(models.Model):
    # NULL until submitted: many drafts, each number unique once given.
    number = models.CharField(_("filing number"), max_length=32, unique=True, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=64)
    filer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filer"),
        on_delete=models.PROTECT,
        related_name="filings",
    )
    # The retry key a client sends with a submission: one filing per (filer, key), ever.
    client_key = models.CharField(  # noqa: DJ001
        _("client key"), max_length=64, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=32, choices=FilingStatus.choices, default=FilingStatus.DRAFT
    )
    form = models.JSONField(_("form"), default=dict, blank=True)
    court = models.ForeignKey(
        "courts.Court",
        verbose_name=_("court"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    target_case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case filed into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="filings_into",
    )
    opened_case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case opened"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="filings_opening",
    )
    fee_amount = models.DecimalField(_("state fee"), max_digits=16, decimal_places=2, default=0)
    fee_details = models.JSONField(_("fee details"), default=dict, blank=True)
    bundle_sha256 = models.CharField(_("signed bundle SHA-256"), max_length=64, blank=True)
    signature = models.TextField(_("signature"), blank=True)
    certificate_pem = models.TextField(_("certificate"), blank=True)
    signature_status = models.CharField(_("signature status"), max_length=16, blank=True)
    signature_code = models.CharField(_("signature check result"), max_length=32, blank=True)
    signer_name = models.CharField(_("signer"), max_length=300, blank=True)
    certificate_sha256 = models.CharField(_("certificate SHA-256"), max_length=64, blank=True)
    grounds = models.JSONField(_("grounds"), default=list, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    cure_by = models.DateField(_("cure by"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created on"), default=clock.now)
    updated_at = models.DateTimeField(_("updated on"), default=clock.now)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    decided_at = models.DateTimeField(_("checked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["filer", "client_key"], name="filing_client_key_unique")
        ]
        indexes = [
            models.Index(fields=["filer", "-created_at"], name="filing_filer_created"),
            models.Index(fields=["court", "status"], name="filing_court_status"),
        ]

    def __str__(self) -> str:
        return self.number or f"draft {self.pk}"


def attachment_path(instance: FilingAttachment, sha256: str) -> str:
    # Stored by content: identical bytes are one file, whoever uploads them.
    return f"filing/{sha256[:2]}/{sha256}"


class FilingAttachment(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="attachments")
    slot = models.CharField(_("attachment"), max_length=64)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to="filing/", max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=128)
    uploaded_at = models.DateTimeField(_("uploaded on"), default=clock.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class Payment(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(_("payment provider"), max_length=32)
    receipt_number = models.CharField(_("receipt number"), max_length=64, unique=True)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    payer_name = models.CharField(_("payer"), max_length=300)
    payer_iin = models.CharField(_("payer's IIN/BIN"), max_length=12)
    paid_at = models.DateTimeField(_("paid on"), default=clock.now)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.receipt_number


class FilingEvent(models.Model):
    """The filing's own history (drafted, submitted, checked): before a case exists, this is it."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=32)
    at = models.DateTimeField(_("time"), default=clock.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class PresenceCertificate(models.Model):
    """A signed certificate of presence or absence of court cases, as issued."""

    serial = models.CharField(_("serial"), max_length=40, unique=True)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lang = models.CharField(max_length=2)
    pdf_sha256 = models.CharField(max_length=64)
    signature = models.TextField()
    case_count = models.PositiveIntegerField()
    issued_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.serial
