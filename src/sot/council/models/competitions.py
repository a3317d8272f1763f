"""Competitions for vacant judgeships (Art. 16–18)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.council.rules.eligibility import Position

from .candidates import Candidate


class CompetitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    CHECKING = "checking", _("Checking documents")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Did not take place")


class Competition(models.Model):
    position = models.CharField(_("position"), max_length=24, choices=Position.choices)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", verbose_name=_("court")
    )
    vacancies = models.PositiveSmallIntegerField(_("vacancies"), default=1)
    # Art. 18 §3: for a specialised court, special education is an additional criterion.
    is_specialised_court = models.BooleanField(_("specialised court"), default=False)
    # Art. 16 §2–3: the representation of the authorised body that opens the vacancy.
    basis = models.TextField(_("basis"))
    # Art. 16 §4: published in Kazakh and Russian.
    announcement_kk = models.TextField(_("announcement in Kazakh"))
    announcement_ru = models.TextField(_("announcement in Russian"))
    status = models.CharField(
        _("status"), max_length=16, choices=CompetitionStatus.choices, default="draft"
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    applications_close_on = models.DateField(_("applications close on"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    lists_published_on = models.DateField(
        _("list of applicants published on"), null=True, blank=True
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    notify_by = models.DateField(_("participants to be notified by"), null=True, blank=True)
    # Art. 18 §11: a re-announced competition points to the one that failed.
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repeat",
        verbose_name=_("re-announcement of"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_position_display()}, {self.court}"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ADMITTED = "admitted", _("Admitted to the competition")
    REJECTED = "rejected", _("Not admitted")
    WON = "won", _("Won")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    competition = models.ForeignKey(
        Competition,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("competition"),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("candidate"),
    )
    submitted_on = models.DateField(_("submitted on"))
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default="submitted"
    )
    # The eligibility rule's reasons when the documents were checked (code, article, message).
    check_reasons = models.JSONField(_("check reasons"), default=list, blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    notified_on = models.DateField(_("notified on"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["submitted_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "candidate"], name="council_application_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.competition}"


def application_document_path(instance: ApplicationDocument, filename: str) -> str:
    return f"council/applications/{instance.application_id}/{instance.sha256}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("application"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=application_document_path, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    media_type = models.CharField(_("media type"), max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "sha256"], name="council_application_document_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title
