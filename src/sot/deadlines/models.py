"""Procedural deadlines: the calendar, deadline rules, clocks on cases and recorded violations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock


class ViolationKind(models.TextChoices):
    DEADLINE_BREACHED = "deadline_breached", _("Procedural deadline breached")
    ACT_ENTERED_LATE = "act_entered_late", _("Court act entered late")
    HEARING_STARTED_LATE = "hearing_started_late", _("Hearing started late")
    NOTICE_LATE = "notice_late", _("Hearing notice not delivered in time")
    UNJUSTIFIED_POSTPONEMENT = "unjustified_postponement", _("Unjustified postponement")


class Violation(models.Model):
    """One breach, recorded once, when it happens; the Situational Center reads these rows.

    ``source`` identifies what was breached (a clock, a hearing, a notice) so that a monitoring
    task run twice records the breach once: (kind, source) is unique.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=ViolationKind.choices)
    source = models.CharField(_("source"), max_length=96)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="violations"
    )
    court = models.ForeignKey(
        "courts.Court", verbose_name=_("court"), on_delete=models.PROTECT, related_name="+"
    )
    rule = models.CharField(_("rule"), max_length=64, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_at = models.DateTimeField(_("due"))
    detected_at = models.DateTimeField(_("detected"), default=clock.now)
    delay = models.DurationField(_("delay"))
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source"], name="deadlines_violation_once")
        ]
        indexes = [
            models.Index(fields=["court", "detected_at"], name="deadlines_violation_court"),
            models.Index(fields=["detected_at"], name="deadlines_violation_at"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.source}"
