"""The Qualification Commission and its exams (Art. 11–14)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .candidates import Candidate


class CommissionSeat(models.TextChoices):
    # Art. 11 §2.
    CHAIR = "chair", _("Chair of the Commission")
    SCHOLAR = "scholar", _("Law teacher or legal scholar")
    JUDGE = "judge", _("Judge delegated by the Judicial Jury")
    PROSECUTOR_OFFICE = "prosecutor_office", _("Representative of the Prosecutor General's Office")
    MINISTRY_OF_JUSTICE = "ministry_of_justice", _("Representative of the Ministry of Justice")
    BAR = "bar", _("Representative of the bar")
    PUBLIC = "public", _("Representative of the public or foreign expert")


class CommissionMember(models.Model):
    """A member of the Qualification Commission, appointed for two years (Art. 11 §3)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("user"), related_name="+"
    )
    seat = models.CharField(_("seat"), max_length=24, choices=CommissionSeat.choices)
    appointed_on = models.DateField(_("appointed on"))
    term_ends_on = models.DateField(_("term ends on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("Commission member")
        verbose_name_plural = _("Commission members")

    def __str__(self) -> str:
        return str(self.user)


class FieldOfLaw(models.TextChoices):
    CONSTITUTIONAL = "constitutional", _("Constitutional law")
    CIVIL = "civil", _("Civil law and procedure")
    CRIMINAL = "criminal", _("Criminal law and procedure")
    ADMINISTRATIVE = "administrative", _("Administrative law and procedure")
    JUDICIAL_SYSTEM = "judicial_system", _("Judicial system and status of judges")


class Question(models.Model):
    """A question of the bank for the computer test (Art. 13 §10.1), approved by the Council."""

    field_of_law = models.CharField(_("field of law"), max_length=24, choices=FieldOfLaw.choices)
    text = models.TextField(_("question"))
    options = models.JSONField(_("answer options"))
    correct_option = models.PositiveSmallIntegerField(_("correct option"))
    # Art. 13 §8: model questions are published; the rest of the bank is not.
    is_model = models.BooleanField(_("published model question"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)
    # Art. 13 §10: the list of questions is approved at a session of the Council; only approved
    # questions are drawn into tests or published as model questions.
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("test question")
        verbose_name_plural = _("test questions")
        ordering = ["field_of_law", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ExamTicket(models.Model):
    """An exam ticket of the second stage (Art. 13 §10.2): practical tasks from judicial practice."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    questions = models.JSONField(_("questions"))

    class Meta:
        verbose_name = _("exam ticket")
        verbose_name_plural = _("exam tickets")
        ordering = ["number"]

    def __str__(self) -> str:
        return str(self.number)


class ExamSession(models.Model):
    """A sitting of the Commission that takes exams (Art. 12)."""

    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200)
    notice_sent_on = models.DateField(_("members notified on"))
    # The draw of each candidate's test is reproducible from this seed (and the candidate).
    seed = models.CharField(_("draw seed"), max_length=64)
    present = models.ManyToManyField(
        CommissionMember, verbose_name=_("members present"), related_name="sessions", blank=True
    )
    is_closed = models.BooleanField(_("closed"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exam session")
        verbose_name_plural = _("exam sessions")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.place}"


class RegistrationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ADMITTED = "admitted", _("Admitted")
    REFUSED = "refused", _("Refused")
    EXEMPT = "exempt", _("Exempt")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class ExamRegistration(models.Model):
    """One candidate at one exam session: admission, the three stages and the result."""

    session = models.ForeignKey(
        ExamSession,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("exam session"),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="exam_registrations",
        verbose_name=_("candidate"),
    )
    applied_on = models.DateField(_("applied on"))
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default="applied"
    )
    # Admission: the rule's reasons (code, article) and the day it was decided (Art. 14).
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # Stage 1: the drawn question ids, the answers (option index per question id) and the score.
    test_questions = models.JSONField(_("test questions"), default=list, blank=True)
    test_answers = models.JSONField(_("test answers"), default=dict, blank=True)
    test_score_percent = models.PositiveSmallIntegerField(
        _("test score (%)"), null=True, blank=True
    )
    # Stage 2 and 3: set by the Commission.
    ticket = models.ForeignKey(
        ExamTicket,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exam ticket"),
    )
    ticket_passed = models.BooleanField(_("ticket passed"), null=True, blank=True)
    psychological_test_passed = models.BooleanField(
        _("psychological test passed"), null=True, blank=True
    )
    result_on = models.DateField(_("result on"), null=True, blank=True)

    class Meta:
        verbose_name = _("exam registration")
        verbose_name_plural = _("exam registrations")
        ordering = ["-applied_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "candidate"], name="council_exam_registration_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} @ {self.session}"


class QuestionList(models.Model):
    """Art. 13 §10: a list of the bank's questions put to a session of the Council for approval."""

    item = models.OneToOneField(
        "council.AgendaItem",
        on_delete=models.PROTECT,
        related_name="question_list",
        verbose_name=_("agenda item"),
    )
    questions = models.ManyToManyField(Question, related_name="lists", verbose_name=_("questions"))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("list of exam questions")
        verbose_name_plural = _("lists of exam questions")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return str(self.item)
