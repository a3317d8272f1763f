"""Court acts: the act as issued (full text) and as published (depersonalized text).

Acts made in Sot belong to a case; acts migrated from an existing bank (``sot search import-acts``)
may carry only the case number as printed. Search reads both texts from here; PostgreSQL stays the
source of truth and the search indexes are derived from these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case
from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Judge


class ActKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    RULING = "ruling", _("Ruling")
    SENTENCE = "sentence", _("Sentence")
    RESOLUTION = "resolution", _("Resolution")
    COURT_ORDER = "court_order", _("Court order")


class ActLanguage(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")


class ActStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class Act(models.Model):
    number = models.CharField(_("act number"), max_length=64, unique=True)
    # The id an imported act had in the bank it came from; blank for acts made in Sot.
    external_id = models.CharField(_("id in the source bank"), max_length=128, blank=True)
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        related_name="acts",
        null=True,
        blank=True,
    )
    case_number = models.CharField(_("case number"), max_length=64, blank=True)
    court = models.ForeignKey(
        Court, verbose_name=_("court"), on_delete=models.PROTECT, related_name="acts"
    )
    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)
    instance = models.CharField(
        _("instance"), max_length=16, choices=Instance.choices, default=Instance.FIRST
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ActKind.choices)
    lang = models.CharField(_("language"), max_length=2, choices=ActLanguage.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ActStatus.choices, default=ActStatus.DRAFT
    )
    judge = models.ForeignKey(
        Judge,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        related_name="acts",
        null=True,
        blank=True,
    )
    issued_on = models.DateField(_("issued on"))
    outcome = models.CharField(_("outcome"), max_length=32, blank=True)
    articles = models.JSONField(_("articles applied"), default=list, blank=True)
    # Copied from the case when the act is made: acts of closed sessions are never published.
    is_closed = models.BooleanField(_("closed session"), default=False)
    text = models.TextField(_("text"))
    published_text = models.TextField(_("published text"), blank=True)
    created_at = models.DateTimeField(_("created on"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    signed_at = models.DateTimeField(_("signed on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("court act")
        verbose_name_plural = _("court acts")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="acts_act_external_id_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["published_at"], name="acts_act_published_idx"),
            models.Index(fields=["court", "issued_on"], name="acts_act_court_issued_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
