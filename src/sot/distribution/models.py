"""Case distribution: its settings (data an administrator edits, every change logged), declared
conflicts and recusals, and the record of each draw, which points at its entries in the ledger."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.core.models import AppendOnlyModel, AppendOnlyQuerySet


class DistributionMode(models.TextChoices):
    COURT = "court", _("Within the court of jurisdiction")
    EXTRATERRITORIAL = (
        "extraterritorial",
        _("Extraterritorial: every court outside the parties' regions"),
    )
    CLAIMANT_CHOICE = "claimant_choice", _("Extraterritorial at the claimant's choice")


class CategoryRule(models.Model):
    """How cases of one category at one instance are distributed, and what each weighs."""

    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)
    instance = models.CharField(_("instance"), max_length=16, choices=Instance.choices)
    mode = models.CharField(
        _("mode"), max_length=24, choices=DistributionMode.choices, default=DistributionMode.COURT
    )
    weight = models.DecimalField(
        _("case weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    min_pool = models.PositiveSmallIntegerField(
        _("smallest pool"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("With fewer eligible judges the case goes to the court chair's queue."),
    )

    class Meta:
        verbose_name = _("distribution rule")
        verbose_name_plural = _("distribution rules")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "instance"], name="distribution_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category}/{self.instance}: {self.mode}"


class JudgeWorkload(models.Model):
    """A judge on partial load (a chair, a judge with other duties) counts proportionally."""

    judge = models.OneToOneField(
        "courts.Judge", verbose_name=_("judge"), on_delete=models.CASCADE, related_name="workload"
    )
    share = models.DecimalField(
        _("share of a full load"),
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal("1"))],
    )

    class Meta:
        verbose_name = _("judge workload")
        verbose_name_plural = _("judge workloads")

    def __str__(self) -> str:
        return f"{self.judge_id}: {self.share}"


class ConflictKind(models.TextChoices):
    RELATIVE = "relative", _("Related to the person")
    DECLARED = "declared", _("Declared conflict of interest")


class Conflict(models.Model):
    """A judge must not hear cases of this person or organisation (by IIN or BIN)."""

    judge = models.ForeignKey(
        "courts.Judge", verbose_name=_("judge"), on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ConflictKind.choices)
    identifier = models.CharField(_("IIN or BIN"), max_length=12)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("judge's conflict")
        verbose_name_plural = _("judges' conflicts")
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "identifier"], name="distribution_conflict_unique"
            )
        ]
        indexes = [models.Index(fields=["identifier"], name="distribution_conflict_id")]

    def __str__(self) -> str:
        return f"{self.judge_id}: {self.kind}"


class Recusal(models.Model):
    """A judge withdrawn from one case (self-recusal or a granted challenge)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="recusals"
    )
    judge = models.ForeignKey(
        "courts.Judge", verbose_name=_("judge"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    recorded_at = models.DateTimeField(_("recorded on"), default=clock.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["case", "judge"], name="distribution_recusal_once")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.judge_id}"


class ConfigChange(AppendOnlyModel):
    """Every change to the distribution settings: who, when, what before and after.

    The same record is appended to the transparency log, so a pool shrunk by editing the
    settings is as visible as a pool shrunk by absences.
    """

    at = models.DateTimeField(_("time"), default=clock.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    model = models.CharField(_("setting"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    leaf_index = models.BigIntegerField(_("log entry"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("distribution settings change")
        verbose_name_plural = _("distribution settings changes")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id} {self.at:%Y-%m-%d}"


class DrawKind(models.TextChoices):
    INITIAL = "initial", _("Automatic distribution")
    REASSIGNMENT = "reassignment", _("Reassignment")
    CHAIR = "chair", _("Assignment by the court chair")


class DrawOutcome(models.TextChoices):
    ASSIGNED = "assigned", _("Judge assigned")
    CHAIR_QUEUE = "chair_queue", _("Sent to the court chair")


class ReassignmentReason(models.TextChoices):
    RECUSAL = "recusal", _("Recusal after assignment")
    LONG_ABSENCE = "long_absence", _("Long absence of the judge")
    OFFICE_ENDED = "office_ended", _("The judge's powers ended")


class Draw(AppendOnlyModel):
    """One distribution of a case: an index into the ledger, which holds the full record."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="draws"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DrawKind.choices)
    outcome = models.CharField(_("outcome"), max_length=16, choices=DrawOutcome.choices)
    judge = models.ForeignKey(
        "courts.Judge",
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    request_leaf = models.BigIntegerField(_("request log entry"), null=True, blank=True)
    leaf_index = models.BigIntegerField(_("log entry"), unique=True)
    # The closed-case commitment's salt: shown to those who may see the case, never logged.
    salt = models.CharField(_("salt"), max_length=64, blank=True)
    at = models.DateTimeField(_("time"), default=clock.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        indexes = [models.Index(fields=["case", "at"], name="distribution_draw_case")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} → {self.judge_id or self.outcome}"


class ChairQueueEntry(models.Model):
    """A case the automatic distribution could not place, waiting for the court chair."""

    case = models.OneToOneField(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    court = models.ForeignKey(
        "courts.Court", verbose_name=_("court"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=64)
    details = models.JSONField(_("details"), default=dict, blank=True)
    queued_at = models.DateTimeField(_("queued on"), default=clock.now)
    resolved_at = models.DateTimeField(_("resolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("chair's queue entry")
        verbose_name_plural = _("chair's queue")
        indexes = [models.Index(fields=["court", "resolved_at"], name="distribution_queue_open")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.reason}"
