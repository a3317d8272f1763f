"""Notices to people: one row per notice to one recipient, linked to the case event it announces."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, CaseEvent
from sot.core import clock


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
    context = models.JSONField(_("details"), default=dict, blank=True)
    # The notice must reach the person by then (a hearing, a deadline); late delivery is a violation.
    due_by = models.DateTimeField(_("to be delivered by"), null=True, blank=True)
    # Makes a repeated notify() for the same thing a no-op.
    dedup_key = models.CharField(_("deduplication key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created on"), default=clock.now)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="notif_notice_inbox_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"
