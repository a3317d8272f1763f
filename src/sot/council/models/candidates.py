"""Candidates for judgeships and what the Council knows of them (Art. 13, 15, 17, 18)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExperienceKind(models.TextChoices):
    # Art. 18 §4: work that counts as taking part in court proceedings.
    HEARING_SECRETARY = "hearing_secretary", _("Hearing secretary")
    JUDGE_ASSISTANT = "judge_assistant", _("Judge's consultant (assistant)")
    PROSECUTOR_IN_COURT = "prosecutor_in_court", _("Prosecutor taking part in trials")
    ADVOCATE_IN_COURT = "advocate_in_court", _("Advocate taking part in trials")
    ARBITRATOR = "arbitrator", _("Arbitrator")
    # Judicial service, by court level (Art. 17 §2, §3).
    JUDGE_DISTRICT = "judge_district", _("Judge of a district court")
    JUDGE_REGIONAL = "judge_regional", _("Judge of a regional court")
    JUDGE_SUPREME = "judge_supreme", _("Judge of the Supreme Court")
    OTHER_LEGAL = "other_legal", _("Other work in the legal profession")


PROCEEDINGS_KINDS = frozenset(
    {
        ExperienceKind.HEARING_SECRETARY,
        ExperienceKind.JUDGE_ASSISTANT,
        ExperienceKind.PROSECUTOR_IN_COURT,
        ExperienceKind.ADVOCATE_IN_COURT,
        ExperienceKind.ARBITRATOR,
    }
)
JUDGE_KINDS = frozenset(
    {ExperienceKind.JUDGE_DISTRICT, ExperienceKind.JUDGE_REGIONAL, ExperienceKind.JUDGE_SUPREME}
)


class AcademicDegree(models.TextChoices):
    NONE = "none", _("None")
    MASTER = "master", _("Master of laws")
    CANDIDATE = "candidate", _("Candidate of legal sciences")
    PHD = "phd", _("Doctor of philosophy (PhD)")
    DOCTOR = "doctor", _("Doctor of legal sciences")


class Candidate(models.Model):
    """A person who applies to the Council: a citizen seeking a judgeship or a sitting judge."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="council_candidate",
    )
    judge = models.OneToOneField(
        "courts.Judge",
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_candidate",
        help_text=_("Set for sitting judges."),
    )
    born_on = models.DateField(_("date of birth"))
    is_citizen = models.BooleanField(_("citizen of Kazakhstan"))
    higher_legal_education = models.BooleanField(_("higher legal education"))
    education = models.TextField(_("education"), blank=True)
    degree = models.CharField(
        _("academic degree"), max_length=16, choices=AcademicDegree.choices, default="none"
    )
    diploma_average = models.DecimalField(
        _("diploma average"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    magistracy_graduated_on = models.DateField(
        _("specialised magistracy graduated on"), null=True, blank=True
    )
    # Art. 13 §3: a former judge's service and how it ended.
    former_judge_years = models.DecimalField(
        _("years served as a judge before"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    former_judge_left_on = models.DateField(_("left the judgeship on"), null=True, blank=True)
    former_judge_negative_grounds = models.BooleanField(
        _("dismissed on negative grounds"), default=False
    )
    # Art. 13 §5.
    dismissed_for_discrediting = models.BooleanField(
        _("dismissed for discrediting misconduct"), default=False
    )
    # Art. 18 §3: special education, an extra criterion for specialised courts.
    has_special_education = models.BooleanField(_("special education"), default=False)
    # Art. 18 §2.5: competitions entered before Sot kept them.
    earlier_competitions = models.PositiveSmallIntegerField(
        _("competitions entered before"), default=0
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return str(self.user)


class Experience(models.Model):
    """A period of legal work; ``ended_on`` is the last day worked (empty while it lasts)."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="experience", verbose_name=_("candidate")
    )
    kind = models.CharField(_("kind of work"), max_length=24, choices=ExperienceKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal experience")
        verbose_name_plural = _("legal experience")
        ordering = ["started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="council_experience_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{ExperienceKind(self.kind).label}: {self.organisation}"


class GuaranteeKind(models.TextChoices):
    JUDGE = "judge", _("Judge of a higher court or retired judge")
    NON_JUDGE = "non_judge", _("Person who is not a judge")


class Guarantee(models.Model):
    """A written guarantee (Art. 17 §1–3, Art. 18 §7)."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="guarantees", verbose_name=_("candidate")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=GuaranteeKind.choices)
    guarantor = models.CharField(_("guarantor"), max_length=200)
    given_on = models.DateField(_("given on"))

    class Meta:
        verbose_name = _("guarantee")
        verbose_name_plural = _("guarantees")

    def __str__(self) -> str:
        return self.guarantor


class ConclusionKind(models.TextChoices):
    REGIONAL_PLENARY = "regional_plenary", _("Plenary session of the regional court")
    SUPREME_PLENARY = "supreme_plenary", _("Plenary session of the Supreme Court")
    PUBLIC_COUNCIL = "public_council", _("Public Council")


class Conclusion(models.Model):
    """A plenary session's or the Public Council's conclusion on a candidate (Art. 17 §2–4)."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("candidate")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=ConclusionKind.choices)
    is_positive = models.BooleanField(_("positive"))
    given_on = models.DateField(_("given on"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return str(ConclusionKind(self.kind).label)


class SpecialCheck(models.Model):
    """A special check's result (Art. 13 §2, Art. 18 §9–10): valid one year from its issue."""

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="special_checks",
        verbose_name=_("candidate"),
    )
    is_passed = models.BooleanField(_("passed"))
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    # Art. 18 §10: a criminal case found, even closed on rehabilitating grounds, goes to the
    # prosecutor's additional check and then to a session of the Council.
    criminal_case_found = models.BooleanField(_("criminal case found"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("special check")
        verbose_name_plural = _("special checks")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.candidate} {self.issued_on}"


class PolygraphResult(models.Model):
    """A polygraph examination's conclusion: advisory only (Art. 15 §3), it never decides."""

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="polygraph_results",
        verbose_name=_("candidate"),
    )
    examined_on = models.DateField(_("examined on"))
    is_favourable = models.BooleanField(_("favourable"))
    conclusion = models.TextField(_("conclusion"), blank=True)

    class Meta:
        verbose_name = _("polygraph result")
        verbose_name_plural = _("polygraph results")

    def __str__(self) -> str:
        return f"{self.candidate} {self.examined_on}"
