"""Court acts: the act as issued (full text) and as published (depersonalized text).

Acts made in Sot belong to a case; acts migrated from an existing bank (``sot search import-acts``)
may carry only the case number as printed. Search reads both texts from here; PostgreSQL stays the
source of truth and the search indexes are derived from these rows.
"""

from __future__ import annotations

from typing import Any

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
    # Rulings of an investigating judge (criminal procedure): sanctions and restrictions.
    SANCTION = "sanction", _("Sanction ruling")
    PRIVATE_RULING = "private_ruling", _("Private ruling")
    APPEAL_RULING = "appeal_ruling", _("Appeal ruling")
    CASSATION_RESOLUTION = "cassation_resolution", _("Cassation resolution")


class ActLanguage(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")


class ActStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    # A draft the judge turned down (e.g. an assistant draft): kept for the record, never signed.
    REJECTED = "rejected", _("Rejected")


class ActOrigin(models.TextChoices):
    MANUAL = "manual", _("Written by the judge")
    ASSISTANT = "assistant", _("Drafted by the assistant")


class PublicationState(models.TextChoices):
    NONE = "", _("Not considered yet")
    WAITING = "waiting", _("Waiting for its publication date")
    PUBLISHED = "published", _("Published")
    NEVER = "never", _("Not published by law")
    WITHDRAWN = "withdrawn", _("Withdrawn by a reviewer")


class PublicationMoment(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("At announcement (when signed)")
    IN_FORCE = "in_force", _("After entering into force")
    NEVER = "never", _("Never")


class ActTemplate(models.Model):
    """One version of the template of an act kind in one language; versions are never edited.

    ``parts`` maps the four parts of the post-2018 format (introductory, descriptive, reasoning,
    operative) to lists of paragraphs with ``{placeholders}`` filled from the case record.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=ActKind.choices)
    lang = models.CharField(_("language"), max_length=2, choices=ActLanguage.choices)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    parts = models.JSONField(_("parts"))
    created_at = models.DateTimeField(_("created on"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("act template")
        verbose_name_plural = _("act templates")
        ordering = ["kind", "lang", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "lang", "version"], name="acts_template_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.lang} v{self.version}"


class PublicationRule(models.Model):
    """When acts of a category and kind reach the public bank (rules as data; admin-editable)."""

    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)
    # Blank: every kind of the category not matched by a more specific rule.
    kind = models.CharField(_("kind"), max_length=32, choices=ActKind.choices, blank=True)
    moment = models.CharField(_("when"), max_length=16, choices=PublicationMoment.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("publication rule")
        verbose_name_plural = _("publication rules")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "kind"], name="acts_publication_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category}/{self.kind or '*'}: {self.moment}"


class ClosedArticle(models.Model):
    """A statute article whose acts are never published (e.g. sexual offences); rules as data."""

    code = models.CharField(_("code"), max_length=16)  # e.g. "CC" (Criminal Code), "MFC"
    article = models.CharField(_("article"), max_length=16)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("article closed to publication")
        verbose_name_plural = _("articles closed to publication")
        constraints = [
            models.UniqueConstraint(fields=["code", "article"], name="acts_closed_article_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.article}"


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

    # -- added by issue 7 (fields above are read by other apps and keep their names) --
    template = models.ForeignKey(
        ActTemplate,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="acts",
        null=True,
        blank=True,
    )
    origin = models.CharField(
        _("origin"), max_length=16, choices=ActOrigin.choices, default=ActOrigin.MANUAL
    )
    # The assistant's rule and what the judge must verify: [{"code","text","basis","ok"}].
    assistant_rule = models.CharField(_("assistant rule"), max_length=64, blank=True)
    checks = models.JSONField(_("checks for the judge"), default=list, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects act"),
        on_delete=models.PROTECT,
        related_name="corrections",
        null=True,
        blank=True,
    )
    # Acts concerning a minor are never published (see publication.py); set by the judge.
    involves_minor = models.BooleanField(_("concerns a minor"), default=False)
    # The short code printed on the PDF, leading to the public check page.
    short_code = models.CharField(
        _("check code"), max_length=16, unique=True, null=True, blank=True
    )
    signature = models.TextField(_("signature (base64)"), blank=True)
    certificate_pem = models.TextField(_("signer's certificate"), blank=True)
    signer_name = models.CharField(_("signed by"), max_length=300, blank=True)
    signed_payload_sha256 = models.CharField(
        _("SHA-256 of the signed bundle"), max_length=64, blank=True
    )
    enters_force_on = models.DateField(_("enters into force on"), null=True, blank=True)
    publication_state = models.CharField(
        _("publication"), max_length=16, choices=PublicationState.choices, blank=True, default=""
    )
    publication_note = models.CharField(_("publication note"), max_length=300, blank=True)

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            self._refuse_change_after_signing()
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_signed(self) -> bool:
        return self.status == ActStatus.SIGNED

    def _refuse_change_after_signing(self) -> None:
        """A signed act is immutable: only its publication fields may change afterwards."""
        stored = Act.objects.filter(pk=self.pk, status=ActStatus.SIGNED).values(*SIGNED_FIELDS)
        row = stored.first()
        if row is None:
            return
        changed = [name for name in SIGNED_FIELDS if row[name] != getattr(self, _attname(name))]
        if changed:
            raise SignedActImmutable(changed)


def _attname(name: str) -> str:
    return f"{name}_id" if name in {"case", "court", "judge", "template", "corrects"} else name


# What the judge signed, and what identifies it: frozen once the act is signed.
SIGNED_FIELDS = (
    "number",
    "case",
    "court",
    "kind",
    "lang",
    "status",
    "judge",
    "issued_on",
    "text",
    "signature",
    "certificate_pem",
    "signed_at",
    "short_code",
    "template",
    "corrects",
)


class SignedActImmutable(Exception):
    """Raised by ``Act.save`` when a signed act's signed content would change."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(f"signed act is immutable; refused changes to: {', '.join(fields)}")
        self.fields = fields


class ActVersion(models.Model):
    """Every save of a draft's text; the signed act's text is its last version."""

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    saved_at = models.DateTimeField(_("saved on"), default=clock.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("act version")
        verbose_name_plural = _("act versions")
        ordering = ["act", "number"]
        constraints = [
            models.UniqueConstraint(fields=["act", "number"], name="acts_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.act_id} v{self.number}"


class ActDocument(models.Model):
    """The PDF of a signed act as rendered once at signing: its hash is in the transparency log."""

    act = models.OneToOneField(Act, on_delete=models.PROTECT, related_name="document")
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    rendered_at = models.DateTimeField(_("rendered on"), default=clock.now)
    ledger_index = models.PositiveBigIntegerField(
        _("transparency log index"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("act PDF")
        verbose_name_plural = _("act PDFs")

    def __str__(self) -> str:
        return f"{self.act_id}: {self.sha256[:12]}"
