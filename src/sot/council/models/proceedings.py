"""Chair vacancies (Art. 19–20), dismissal proceedings (Art. 21–23) and appeals against the
Judicial Jury (Art. 24). Each is heard at a session: an agenda item, a vote and a decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .personnel import ChairPost
from .sessions import AgendaItem, Vote


class ProceedingStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CHECKED = "checked", _("Checked")
    READY = "ready", _("Ready for the session")
    SCHEDULED = "scheduled", _("On the agenda")
    DECIDED = "decided", _("Decided")


class ChairVacancy(models.Model):
    """A chair post submitted by the Chair of the Supreme Court on the plenary's decision."""

    post = models.CharField(_("post"), max_length=32, choices=ChairPost.choices)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", verbose_name=_("court")
    )
    submitted_on = models.DateField(_("submitted on"))
    plenary_decision = models.CharField(_("plenary session decision"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=ProceedingStatus.choices, default="received"
    )
    item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chair_vacancy",
        verbose_name=_("agenda item"),
    )

    class Meta:
        verbose_name = _("chair vacancy")
        verbose_name_plural = _("chair vacancies")

    def __str__(self) -> str:
        return f"{self.get_post_display()}, {self.court}"


class ChairCandidate(models.Model):
    vacancy = models.ForeignKey(
        ChairVacancy,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("chair vacancy"),
    )
    judge = models.ForeignKey(
        "courts.Judge", on_delete=models.PROTECT, related_name="+", verbose_name=_("judge")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    in_reserve = models.BooleanField(_("in the personnel reserve"))
    vote = models.OneToOneField(
        Vote,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chair_candidate",
        verbose_name=_("vote"),
    )

    class Meta:
        verbose_name = _("chair candidate")
        verbose_name_plural = _("chair candidates")
        ordering = ["vacancy", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "judge"], name="council_chair_candidate_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.judge)


class DismissalGround(models.TextChoices):
    # Art. 21 §1: these three need a decision of the Judicial Jury.
    DISCIPLINARY = "disciplinary", _("Disciplinary offence")
    UNFITNESS = "unfitness", _("Professional unfitness")
    NON_COMPLIANCE = "non_compliance", _("Failure to meet the Constitutional Law's requirements")
    OWN_WISH = "own_wish", _("At the judge's own wish")
    AGE = "age", _("Retirement or age limit")
    HEALTH = "health", _("Health")
    REORGANISATION = "reorganisation", _("Reorganisation or abolition of the court")
    OTHER = "other", _("Other ground under the law")


JURY_GROUNDS = frozenset(
    {DismissalGround.DISCIPLINARY, DismissalGround.UNFITNESS, DismissalGround.NON_COMPLIANCE}
)


class DismissalCase(models.Model):
    """Release of a chair, collegium chair or judge from office (Art. 21–23)."""

    judge = models.ForeignKey(
        "courts.Judge", on_delete=models.PROTECT, related_name="+", verbose_name=_("judge")
    )
    ground = models.CharField(_("ground"), max_length=24, choices=DismissalGround.choices)
    submission_received_on = models.DateField(_("submission received on"))
    jury_decision = models.CharField(_("Judicial Jury decision"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ProceedingStatus.choices, default="received"
    )
    # Art. 21 §3: the report of the check.
    report_circumstances = models.TextField(_("circumstances established"), blank=True)
    report_conclusion = models.TextField(_("conclusion of the check"), blank=True)
    report_proposals = models.TextField(_("proposals"), blank=True)
    report_signed_by = models.JSONField(_("signed by"), default=list, blank=True)
    report_on = models.DateField(_("report date"), null=True, blank=True)
    # Art. 22.
    acquainted_on = models.DateField(_("judge acquainted on"), null=True, blank=True)
    refusal_protocol = models.TextField(_("protocol of refusal to read"), blank=True)
    explanation = models.TextField(_("judge's explanation"), blank=True)
    item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dismissal",
        verbose_name=_("agenda item"),
    )
    # Art. 23 §2: the circumstances the recommendation rests on, citing the materials.
    recommended = models.BooleanField(_("release recommended"), null=True, blank=True)
    grounds_cited = models.TextField(_("circumstances and materials relied on"), blank=True)

    class Meta:
        verbose_name = _("dismissal proceeding")
        verbose_name_plural = _("dismissal proceedings")

    def __str__(self) -> str:
        return f"{self.judge}: {self.get_ground_display()}"


class JuryCommission(models.TextChoices):
    DISCIPLINARY = "disciplinary", _("Disciplinary commission")
    QUALIFICATION = "qualification", _("Qualification commission")


class JuryAppeal(models.Model):
    """A judge's appeal against a decision of a Judicial Jury commission (Art. 24)."""

    judge = models.ForeignKey(
        "courts.Judge", on_delete=models.PROTECT, related_name="+", verbose_name=_("judge")
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("filed by"),
    )
    commission = models.CharField(_("commission"), max_length=16, choices=JuryCommission.choices)
    jury_decision = models.CharField(_("Judicial Jury decision"), max_length=300)
    received_on = models.DateField(_("received on"))
    grounds = models.TextField(_("grounds of the appeal"))
    status = models.CharField(
        _("status"), max_length=16, choices=ProceedingStatus.choices, default="received"
    )
    item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jury_appeal",
        verbose_name=_("agenda item"),
    )
    # Art. 24 §3: found unfounded, the Jury's decision is to be cancelled and reviewed.
    jury_decision_unfounded = models.BooleanField(
        _("Jury decision found unfounded"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("appeal against the Judicial Jury")
        verbose_name_plural = _("appeals against the Judicial Jury")

    def __str__(self) -> str:
        return f"{self.judge}: {self.jury_decision}"
