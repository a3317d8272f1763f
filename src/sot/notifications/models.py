"""Notices, their deliveries per channel, contact points, routing rules and print batches.

One ``Notice`` per thing announced to one person (linked to the case event or hearing event it
announces); one ``Delivery`` per channel tried for it. Delivery states:
queued → sending → sent → delivered | failed (retried with backoff, then a fallback channel) and
``interrupted`` when a worker died between handing the message over and recording it (see ADR 0009).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, CaseEvent
from sot.core import clock
from sot.hearings.models import HearingEvent

from .kinds import KINDS


class Channel(models.TextChoices):
    INBOX = "inbox", _("Court Cabinet inbox")
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")
    PUSH = "push", _("Web push")
    HYBRID_MAIL = "hybrid_mail", _("Hybrid mail (paper)")


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    INTERRUPTED = "interrupted", _("Interrupted (outcome unknown)")
    READ = "read", _("Read")


FINAL_STATES = (DeliveryState.DELIVERED, DeliveryState.FAILED, DeliveryState.INTERRUPTED)


class Responsible(models.TextChoices):
    PRESIDING_JUDGE = "presiding_judge", _("Presiding judge")
    COURT_OFFICE = "court_office", _("Court office")
    FILING_OFFICE = "filing_office", _("Filing office")


def kind_choices() -> list[tuple[str, str]]:
    return [(code, str(kind.label)) for code, kind in KINDS.items()]


class RoutingRule(models.Model):
    """Which channels a kind of notice uses, what to fall back on, and how early it must arrive.

    Edited by court administrators in the admin; a kind without a row uses ``routing.DEFAULTS``.
    """

    kind = models.CharField(_("kind"), max_length=64, unique=True, choices=kind_choices)
    channels = models.JSONField(_("channels"), default=list, help_text=_("Tried together."))
    fallbacks = models.JSONField(
        _("fallbacks"), default=list, help_text=_("Tried in order when a channel fails.")
    )
    lead_time = models.DurationField(
        _("deliver at least this long before"), default=timedelta(0), blank=True
    )
    responsible = models.CharField(
        _("responsible"),
        max_length=24,
        choices=Responsible.choices,
        default=Responsible.COURT_OFFICE,
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts per channel"), default=3)
    retry_after = models.DurationField(_("first retry after"), default=timedelta(seconds=30))

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.kind


class Notice(models.Model):
    kind = models.CharField(_("kind"), max_length=64)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        related_name="notices",
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        CaseEvent,
        verbose_name=_("case event"),
        on_delete=models.PROTECT,
        related_name="notices",
        null=True,
        blank=True,
    )
    hearing_event = models.ForeignKey(
        HearingEvent,
        verbose_name=_("hearing event"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    context = models.JSONField(_("details"), default=dict, blank=True)
    lang = models.CharField(_("language"), max_length=2, default="kk")
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    # The notice must reach the person by then (a hearing, a deadline); late delivery is a violation.
    due_by = models.DateTimeField(_("to be delivered by"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Makes a repeated notify() for the same thing a no-op.
    dedup_key = models.CharField(_("deduplication key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created on"), default=clock.now)
    # First proof that it reached the person: a delivery receipt, or reading it in the Cabinet.
    reached_at = models.DateTimeField(_("reached the person on"), null=True, blank=True)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    # Set once the monitor has judged the notice against ``due_by`` (recorded late or on time).
    timeliness_checked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notif_notice_inbox_idx"),
            models.Index(
                fields=["due_by"],
                name="notif_notice_unchecked_idx",
                condition=models.Q(timeliness_checked=False, due_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class Delivery(models.Model):
    notice = models.ForeignKey(
        Notice, verbose_name=_("notice"), on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    address = models.CharField(_("address"), max_length=512, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    # The idempotency key handed to the provider (SMTP Message-ID, SMS reference, file name).
    key = models.UUIDField(_("delivery key"), default=uuid.uuid4, unique=True, editable=False)
    is_fallback = models.BooleanField(_("fallback"), default=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=clock.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    # Which worker's claim took it (a random token per claim), so a worker learns what it won.
    claim_token = models.CharField(max_length=32, blank=True, db_index=True)
    created_at = models.DateTimeField(_("queued on"), default=clock.now)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered on"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed on"), null=True, blank=True)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    provider = models.CharField(_("provider"), max_length=32, blank=True)
    provider_id = models.CharField(_("provider's receipt id"), max_length=128, blank=True)
    error = models.TextField(_("last error"), blank=True)
    batch = models.ForeignKey(
        "PrintBatch",
        verbose_name=_("print batch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deliveries",
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "channel"], name="notif_delivery_once"),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="notif_delivery_due_idx",
                condition=models.Q(state="queued"),
            ),
            models.Index(
                fields=["claimed_at"],
                name="notif_delivery_sending_idx",
                condition=models.Q(state="sending"),
            ),
            models.Index(fields=["provider", "provider_id"], name="notif_delivery_receipt_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.notice_id} ({self.state})"


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Mobile phone")
    EMAIL = "email", _("E-mail")
    # For hybrid mail; the person's own statement (no code can prove a postal address).
    POSTAL = "postal", _("Postal address")


class ContactPoint(models.Model):
    """A phone number or e-mail address of a person; used for notices only once verified."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="contact_points",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ContactKind.choices)
    value = models.CharField(_("address"), max_length=254)
    # The person agrees to receive notices here (SMS and e-mail are optional channels).
    is_opted_in = models.BooleanField(_("send notices here"), default=True)
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    code_hash = models.CharField(max_length=128, blank=True)
    code_sent_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("added on"), default=clock.now)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["kind", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "value"], name="notif_contact_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class PushSubscription(models.Model):
    """A browser's Web Push subscription (RFC 8030 endpoint with its RFC 8291 keys)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
    )
    endpoint = models.URLField(_("endpoint"), max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("added on"), default=clock.now)

    class Meta:
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self) -> str:
        return self.endpoint[:60]


class RecordedMessage(models.Model):
    """What the local SMS and push channels "sent": the outbox a test or a demo reads."""

    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    key = models.CharField(_("delivery key"), max_length=64, unique=True)
    address = models.CharField(_("address"), max_length=1000)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("recorded on"), default=clock.now)

    class Meta:
        verbose_name = _("recorded message")
        verbose_name_plural = _("recorded messages")

    def __str__(self) -> str:
        return f"{self.channel}:{self.address}"


class PrintBatch(models.Model):
    """A ZIP of notice PDFs with a manifest, handed to the print centre (hybrid mail)."""

    name = models.CharField(_("file name"), max_length=200, unique=True)
    path = models.CharField(_("file"), max_length=500)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    count = models.PositiveIntegerField(_("notices"))
    created_at = models.DateTimeField(_("created on"), default=clock.now)

    class Meta:
        verbose_name = _("print batch")
        verbose_name_plural = _("print batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name
