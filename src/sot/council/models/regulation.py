"""The numbers the law leaves to the Council's regulation, kept as data an administrator edits."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.council.rules.thresholds import Thresholds

DEFAULTS = Thresholds()


class Regulation(models.Model):
    """One row (pk 1): the values in force. See ``rules.thresholds`` for where each comes from."""

    district_judge_min_age = models.PositiveSmallIntegerField(
        _("minimum age of a district judge"), default=DEFAULTS.district_judge_min_age
    )
    district_judge_min_legal_experience_years = models.PositiveSmallIntegerField(
        _("minimum legal experience of a district judge (years)"),
        default=DEFAULTS.district_judge_min_legal_experience_years,
    )
    qualified_majority_numerator = models.PositiveSmallIntegerField(
        _("qualified majority: numerator"),
        default=DEFAULTS.qualified_majority_numerator,
        validators=[MinValueValidator(1)],
    )
    qualified_majority_denominator = models.PositiveSmallIntegerField(
        _("qualified majority: denominator"),
        default=DEFAULTS.qualified_majority_denominator,
        validators=[MinValueValidator(1)],
    )
    exam_pass_mark_percent = models.PositiveSmallIntegerField(
        _("computer test pass mark (%)"),
        default=DEFAULTS.exam_pass_mark_percent,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    exam_questions_per_field = models.PositiveSmallIntegerField(
        _("test questions per field of law"),
        default=DEFAULTS.exam_questions_per_field,
        validators=[MinValueValidator(1)],
    )
    exam_ticket_questions = models.PositiveSmallIntegerField(
        _("questions in an exam ticket"),
        default=DEFAULTS.exam_ticket_questions,
        validators=[MinValueValidator(1)],
    )
    # Art. 16 §5: the documents an application must carry, by title.
    required_documents = models.JSONField(
        _("documents required with an application"), default=list, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Council regulation settings")
        verbose_name_plural = _("Council regulation settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    qualified_majority_numerator__lte=models.F("qualified_majority_denominator")
                ),
                name="council_regulation_majority_at_most_whole",
            ),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def thresholds(self) -> Thresholds:
        return Thresholds(
            district_judge_min_age=self.district_judge_min_age,
            district_judge_min_legal_experience_years=self.district_judge_min_legal_experience_years,
            qualified_majority_numerator=self.qualified_majority_numerator,
            qualified_majority_denominator=self.qualified_majority_denominator,
            exam_pass_mark_percent=self.exam_pass_mark_percent,
            exam_questions_per_field=self.exam_questions_per_field,
            exam_ticket_questions=self.exam_ticket_questions,
        )
