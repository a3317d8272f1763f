"""Hearings: courtrooms, hearings and their log, postponements, suspensions of proceedings.

Courtrooms belong to a court; the architecture lists them under ``courts``, but only hearings use
them, so they live here (see docs/hearings.md). Postponement reasons and suspension grounds are
data a court administrator reviews, not code.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, Participant
from sot.core import clock
from sot.core.models import AppendOnlyModel, AppendOnlyQuerySet
from sot.courts.models import Court, Judge, localized


class Courtroom(models.Model):
    court = models.ForeignKey(
        Court, verbose_name=_("court"), on_delete=models.PROTECT, related_name="courtrooms"
    )
    number = models.CharField(_("courtroom number"), max_length=16)
    name_kk = models.CharField(_("name (kk)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (ru)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    has_video = models.BooleanField(_("equipped for video hearings"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("courtroom")
        verbose_name_plural = _("courtrooms")
        ordering = ["court", "number"]
        constraints = [
            models.UniqueConstraint(fields=["court", "number"], name="hearings_courtroom_number")
        ]

    def __str__(self) -> str:
        name = localized(self, "name")
        return f"№ {self.number} {name}".strip() if name else f"№ {self.number}"


class HearingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Video conference")


class HearingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class HearingQuerySet(models.QuerySet["Hearing"]):
    def booked(self) -> HearingQuerySet:
        """Hearings that still hold their slot: scheduled or under way."""
        return self.filter(status__in=[HearingStatus.SCHEDULED, HearingStatus.IN_PROGRESS])

    def overlapping(self, starts_at: object, ends_at: object) -> HearingQuerySet:
        # Half-open intervals: a hearing ending at 11:00 does not clash with one starting at 11:00.
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Hearing(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="hearings"
    )
    courtroom = models.ForeignKey(
        Courtroom, verbose_name=_("courtroom"), on_delete=models.PROTECT, related_name="hearings"
    )
    judge = models.ForeignKey(
        Judge, verbose_name=_("judge"), on_delete=models.PROTECT, related_name="hearings"
    )
    starts_at = models.DateTimeField(_("scheduled start"))
    ends_at = models.DateTimeField(_("expected end"))
    format = models.CharField(
        _("format"), max_length=16, choices=HearingFormat.choices, default=HearingFormat.IN_PERSON
    )
    summoned = models.ManyToManyField(
        Participant, verbose_name=_("participants summoned"), related_name="hearings", blank=True
    )
    # Set by the video adapter for video hearings: the bridge that made the room, and its id.
    video_backend = models.CharField(_("video bridge"), max_length=32, blank=True)
    video_room = models.CharField(_("video room"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=HearingStatus.choices, default=HearingStatus.SCHEDULED
    )
    actual_start = models.DateTimeField(_("actual start"), null=True, blank=True)
    actual_end = models.DateTimeField(_("actual end"), null=True, blank=True)
    # The hearing this one replaces after a postponement.
    postponed_from = models.OneToOneField(
        "self",
        verbose_name=_("postponed hearing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rescheduled_as",
    )
    # A form's or API client's submission key: repeating a submission returns the same hearing.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("scheduled on"), default=clock.now)

    objects = HearingQuerySet.as_manager()

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        indexes = [
            models.Index(fields=["judge", "starts_at"], name="hearings_judge_start"),
            models.Index(fields=["courtroom", "starts_at"], name="hearings_room_start"),
            models.Index(fields=["case", "starts_at"], name="hearings_case_start"),
            models.Index(fields=["starts_at"], name="hearings_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="hearings_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.starts_at:%Y-%m-%d %H:%M}"


class HearingEventKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Hearing scheduled")
    STARTED = "started", _("Hearing opened")
    STARTED_LATE = "started_late", _("Hearing opened late")
    ENDED = "ended", _("Hearing closed")
    POSTPONED = "postponed", _("Hearing postponed")
    CANCELLED = "cancelled", _("Hearing cancelled")
    SUSPENDED = "suspended", _("Proceedings suspended")
    RESUMED = "resumed", _("Proceedings resumed")


class HearingEvent(AppendOnlyModel):
    """The hearings' own log: steps the case lifecycle has no event kind for are recorded here."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    hearing = models.ForeignKey(
        Hearing,
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=HearingEventKind.choices)
    at = models.DateTimeField(_("time"), default=clock.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    payload = models.JSONField(_("details"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("hearing event")
        verbose_name_plural = _("hearing events")
        indexes = [models.Index(fields=["case", "at"], name="hearings_event_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class PostponementReason(models.Model):
    """Why a hearing may be put off; ``is_justified`` decides whether it counts as a violation."""

    code = models.SlugField(_("code"), max_length=48, unique=True)
    name_kk = models.CharField(_("name (kk)"), max_length=300)
    name_ru = models.CharField(_("name (ru)"), max_length=300)
    name_en = models.CharField(_("name (en)"), max_length=300)
    is_justified = models.BooleanField(_("justified"))
    # The article a court administrator checks the reason against.
    legal_basis = models.CharField(_("legal basis"), max_length=120, blank=True)
    requires_proof = models.BooleanField(_("needs a supporting document"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("postponement reason")
        verbose_name_plural = _("postponement reasons")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Postponement(models.Model):
    hearing = models.OneToOneField(
        Hearing, verbose_name=_("hearing"), on_delete=models.PROTECT, related_name="postponement"
    )
    reason = models.ForeignKey(
        PostponementReason,
        verbose_name=_("reason"),
        on_delete=models.PROTECT,
        related_name="postponements",
    )
    note = models.TextField(_("note"), blank=True)
    new_hearing = models.OneToOneField(
        Hearing, verbose_name=_("new hearing"), on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), default=clock.now)

    class Meta:
        verbose_name = _("postponement")
        verbose_name_plural = _("postponements")

    def __str__(self) -> str:
        return f"{self.hearing_id} → {self.new_hearing_id}"


class SuspensionGround(models.Model):
    """A ground to suspend proceedings, with the Civil Procedure Code article it rests on."""

    code = models.SlugField(_("code"), max_length=48, unique=True)
    name_kk = models.CharField(_("name (kk)"), max_length=300)
    name_ru = models.CharField(_("name (ru)"), max_length=300)
    name_en = models.CharField(_("name (en)"), max_length=300)
    legal_basis = models.CharField(_("legal basis"), max_length=120)
    # Mandatory grounds oblige the court to suspend; the others let it.
    is_mandatory = models.BooleanField(_("mandatory"))
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("suspension ground")
        verbose_name_plural = _("suspension grounds")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Suspension(models.Model):
    """One period during which a case's proceedings stood suspended."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="suspensions"
    )
    # Empty only for a suspension recorded outside this app (the case page's plain action).
    ground = models.ForeignKey(
        SuspensionGround,
        verbose_name=_("ground"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="suspensions",
    )
    note = models.TextField(_("note"), blank=True)
    suspended_at = models.DateTimeField(_("suspended on"))
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    resumed_at = models.DateTimeField(_("resumed on"), null=True, blank=True)
    resumed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resumed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resume_note = models.TextField(_("note on resumption"), blank=True)
    duration = models.DurationField(_("duration"), null=True, blank=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        constraints = [
            # At most one open suspension per case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(resumed_at__isnull=True),
                name="hearings_one_open_suspension",
            )
        ]
        indexes = [models.Index(fields=["case", "suspended_at"], name="hearings_susp_case")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.suspended_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.resumed_at is None
