"""What the secretariat sends out: the applicants' lists to the regional courts (Art. 16 §6) and
the notices of a competition's result to its participants (Art. 18 §12). Each row is what a sender
was given and when; delivery belongs to the sender (docs/council.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .competitions import Application, ApplicationStatus, Competition


class ListDispatch(models.Model):
    """Art. 16 §6: the list of applicants sent to the regional courts once acceptance is over."""

    competition = models.OneToOneField(
        Competition,
        on_delete=models.CASCADE,
        related_name="list_dispatch",
        verbose_name=_("competition"),
    )
    courts = models.ManyToManyField(
        "courts.Court", related_name="+", verbose_name=_("courts sent to")
    )
    applicants = models.JSONField(_("applicants sent"), default=list)
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    channel = models.CharField(_("channel"), max_length=32)

    class Meta:
        verbose_name = _("dispatch of the applicants' list")
        verbose_name_plural = _("dispatches of the applicants' lists")

    def __str__(self) -> str:
        return f"{self.competition} {self.sent_at:%Y-%m-%d}"


class ResultNotice(models.Model):
    """Art. 18 §12: the notice of the result sent to one participant of a competition."""

    application = models.OneToOneField(
        Application,
        on_delete=models.CASCADE,
        related_name="result_notice",
        verbose_name=_("application"),
    )
    outcome = models.CharField(_("result"), max_length=16)
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    channel = models.CharField(_("channel"), max_length=32)

    class Meta:
        verbose_name = _("notice of the result")
        verbose_name_plural = _("notices of the result")
        ordering = ["application"]

    def __str__(self) -> str:
        return f"{self.application} {self.sent_at:%Y-%m-%d}"

    @property
    def outcome_label(self) -> str:
        return str(ApplicationStatus(self.outcome).label)
