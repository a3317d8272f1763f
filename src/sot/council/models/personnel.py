"""Judges' electronic personal records, chair terms and the personnel reserve (Art. 3 §1.15–17, 20)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordEntryKind(models.TextChoices):
    APPOINTMENT = "appointment", _("Appointment")
    TRANSFER = "transfer", _("Transfer")
    TRAINING = "training", _("Training")
    EVALUATION = "evaluation", _("Evaluation")
    AWARD = "award", _("Award")
    DISCIPLINE = "discipline", _("Disciplinary measure")
    RELEASE = "release", _("Release from office")


class PersonalRecordEntry(models.Model):
    """One line of a sitting judge's electronic personal record (Art. 3 §1.15)."""

    judge = models.ForeignKey(
        "courts.Judge",
        on_delete=models.PROTECT,
        related_name="council_record",
        verbose_name=_("judge"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RecordEntryKind.choices)
    on = models.DateField(_("date"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("personal record entry")
        verbose_name_plural = _("personal record entries")
        ordering = ["judge", "on", "pk"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"


class ChairPost(models.TextChoices):
    DISTRICT_CHAIR = "district_chair", _("Chair of a district court")
    REGIONAL_CHAIR = "regional_chair", _("Chair of a regional court")
    REGIONAL_COLLEGIUM_CHAIR = (
        "regional_collegium_chair",
        _("Chair of a judicial panel of a regional court"),
    )
    SUPREME_COLLEGIUM_CHAIR = (
        "supreme_collegium_chair",
        _("Chair of a judicial panel of the Supreme Court"),
    )


class ChairTerm(models.Model):
    """A term as chair in one court (Art. 20 counts the consecutive ones in the same post)."""

    judge = models.ForeignKey(
        "courts.Judge", on_delete=models.PROTECT, related_name="+", verbose_name=_("judge")
    )
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", verbose_name=_("court")
    )
    post = models.CharField(_("post"), max_length=32, choices=ChairPost.choices)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("chair term")
        verbose_name_plural = _("chair terms")
        ordering = ["judge", "started_on"]

    def __str__(self) -> str:
        return f"{self.judge} {self.get_post_display()} {self.started_on}"


class ReserveEntry(models.Model):
    """The personnel reserve for chair posts, formed with the Supreme Court (Art. 3 §1.16–17)."""

    judge = models.ForeignKey(
        "courts.Judge", on_delete=models.PROTECT, related_name="+", verbose_name=_("judge")
    )
    post = models.CharField(_("post"), max_length=32, choices=ChairPost.choices)
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("court"),
    )
    included_on = models.DateField(_("included on"))
    excluded_on = models.DateField(_("excluded on"), null=True, blank=True)
    basis = models.TextField(_("basis"), blank=True)

    class Meta:
        verbose_name = _("personnel reserve entry")
        verbose_name_plural = _("personnel reserve")
        ordering = ["post", "included_on"]

    def __str__(self) -> str:
        return f"{self.judge} → {self.get_post_display()}"
