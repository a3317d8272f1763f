"""Procedural deadlines: the calendar, deadline rules, clocks on cases and recorded violations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import localized


class ViolationKind(models.TextChoices):
    DEADLINE_BREACHED = "deadline_breached", _("Procedural deadline breached")
    ACT_ENTERED_LATE = "act_entered_late", _("Court act entered late")
    HEARING_STARTED_LATE = "hearing_started_late", _("Hearing started late")
    NOTICE_LATE = "notice_late", _("Hearing notice not delivered in time")
    UNJUSTIFIED_POSTPONEMENT = "unjustified_postponement", _("Unjustified postponement")


class Violation(models.Model):
    """One breach, recorded once, when it happens; the Situational Center reads these rows.

    ``source`` identifies what was breached (a clock, a hearing, a notice) so that a monitoring
    task run twice records the breach once: (kind, source) is unique.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=ViolationKind.choices)
    source = models.CharField(_("source"), max_length=96)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="violations"
    )
    court = models.ForeignKey(
        "courts.Court", verbose_name=_("court"), on_delete=models.PROTECT, related_name="+"
    )
    rule = models.CharField(_("rule"), max_length=64, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_at = models.DateTimeField(_("due"))
    detected_at = models.DateTimeField(_("detected"), default=clock.now)
    delay = models.DurationField(_("delay"))
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source"], name="deadlines_violation_once")
        ]
        indexes = [
            models.Index(fields=["court", "detected_at"], name="deadlines_violation_court"),
            models.Index(fields=["detected_at"], name="deadlines_violation_at"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.source}"


# --- the working-day calendar --------------------------------------------------------------------


class WorkCalendar(models.Model):
    """A working-day calendar: the national one, or a regional one layered over it.

    A regional calendar (``parent`` set) inherits every day of its parent and adds its own
    overrides; courts use the national calendar unless a ``CourtCalendar`` row says otherwise.
    ``first_year``..``last_year`` are the years the calendar knows: arithmetic outside them is
    refused, because an unknown year's holidays and transfers are unknown.
    """

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_default = models.BooleanField(_("national default"), default=False)
    first_year = models.PositiveSmallIntegerField(_("first known year"))
    last_year = models.PositiveSmallIntegerField(_("last known year"))

    class Meta:
        verbose_name = _("working-day calendar")
        verbose_name_plural = _("working-day calendars")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="deadlines_calendar_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CourtCalendar(models.Model):
    """A court whose region keeps a calendar of its own."""

    court = models.OneToOneField(
        "courts.Court", verbose_name=_("court"), on_delete=models.CASCADE, related_name="+"
    )
    calendar = models.ForeignKey(
        WorkCalendar,
        verbose_name=_("working-day calendar"),
        on_delete=models.PROTECT,
        related_name="courts",
    )

    class Meta:
        verbose_name = _("court calendar")
        verbose_name_plural = _("court calendars")

    def __str__(self) -> str:
        return f"{self.court_id}: {self.calendar_id}"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Public holiday")
    CARRIED_OVER = "carried_over", _("Day off carried over from a holiday on a weekend")
    DAY_OFF = "day_off", _("Day off moved by decree")
    WORKING = "working", _("Working day moved by decree")


class CalendarDay(models.Model):
    """A day that departs from "Monday to Friday work", as seeded from the ``holidays`` package.

    Holidays, the days off carried over from holidays on a weekend (computed here, by the Labour
    Code's rule) and the transfers the package knows. Re-seeding replaces these rows; what an
    administrator enters goes to ``CalendarOverride``, which wins.
    """

    calendar = models.ForeignKey(
        WorkCalendar, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=200)
    is_religious = models.BooleanField(_("religious holiday"), default=False)
    # The package's own guess for a moving religious holiday, to be confirmed by an administrator.
    is_estimated = models.BooleanField(_("estimated date"), default=False)
    source = models.CharField(_("source"), max_length=64)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="deadlines_day_once")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class CalendarOverride(models.Model):
    """A day an administrator declares working or not, from a government decree: this wins."""

    calendar = models.ForeignKey(
        WorkCalendar,
        verbose_name=_("calendar"),
        on_delete=models.CASCADE,
        related_name="overrides",
    )
    date = models.DateField(_("date"))
    is_working = models.BooleanField(_("working day"))
    reason = models.CharField(
        _("reason"),
        max_length=300,
        help_text=_(
            "The decree or announcement, e.g. the government resolution's number and date."
        ),
    )
    created_at = models.DateTimeField(_("entered on"), default=clock.now)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="deadlines_override_once")
        ]

    def __str__(self) -> str:
        return f"{self.date} {'+' if self.is_working else '-'} {self.reason}"


# --- deadline rules ------------------------------------------------------------------------------


class PeriodUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")


class ProcedureCode(models.TextChoices):
    CIVIL = "cpc", _("Civil Procedure Code")
    ADMINISTRATIVE = "appc", _("Administrative Procedure and Process Code")
    CRIMINAL = "crpc", _("Criminal Procedure Code")


class Responsible(models.TextChoices):
    PRESIDING_JUDGE = "presiding_judge", _("Presiding judge")
    HEARING_SECRETARY = "hearing_secretary", _("Hearing secretary")


class DeadlineRule(models.Model):
    """One procedural deadline as data: what starts and stops its clock, how long it runs.

    Stop events are case event kinds; ``higher:<kind>`` means that event on the case opened at
    the higher instance for this one (the appeal court registering the case it was sent).
    Rules are reviewed by a court administrator (``is_reviewed``) before anyone relies on them.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_kk = models.CharField(_("name (kk)"), max_length=200)
    name_ru = models.CharField(_("name (ru)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200)
    procedure_code = models.CharField(
        _("procedure code"), max_length=8, choices=ProcedureCode.choices
    )
    article = models.CharField(_("article"), max_length=64)
    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)
    instance = models.CharField(_("instance"), max_length=16, choices=Instance.choices)
    start_event = models.CharField(_("starting event"), max_length=32)
    stop_events = models.JSONField(_("stopping events"), default=list)
    unit = models.CharField(_("unit"), max_length=16, choices=PeriodUnit.choices)
    length = models.PositiveSmallIntegerField(_("length"))
    pauses_on_suspension = models.BooleanField(_("pauses while suspended"), default=True)
    responsible = models.CharField(_("responsible"), max_length=24, choices=Responsible.choices)
    violation_kind = models.CharField(
        _("breach recorded as"),
        max_length=32,
        choices=ViolationKind.choices,
        default=ViolationKind.DEADLINE_BREACHED,
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_reviewed = models.BooleanField(_("reviewed by a court administrator"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["procedure_code", "code"]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localized(self, "name")


# --- clocks on cases ------------------------------------------------------------------------------


class ClockState(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused (proceedings suspended)")
    STOPPED = "stopped", _("Stopped")


class CaseClock(models.Model):
    """One running (or finished) deadline of one case, derived from the case's events.

    ``due`` is the last day of the period in the court's calendar, moved by the days spent
    suspended; ``None`` when the calendar does not know the years the period reaches.
    Rebuilt whole by ``sot deadlines recompute``; kept current by the case event signal.
    """

    # Derived data, replaced whole by the rebuild: no database constraints to check on each of a
    # million rows (Django still cascades deletes); (case, rule) is unique and indexed below.
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="clocks",
        db_index=False,
        db_constraint=False,
    )
    rule = models.ForeignKey(
        DeadlineRule,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    state = models.CharField(_("state"), max_length=8, choices=ClockState.choices)
    started_on = models.DateField(_("started on"))
    base_due = models.DateField(_("due without suspensions"), null=True)
    due = models.DateField(_("due"), null=True)
    paused_since = models.DateField(_("paused since"), null=True)
    paused_days = models.PositiveIntegerField(_("days suspended"), default=0)
    stopped_on = models.DateField(_("stopped on"), null=True)
    breach_recorded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("deadline clock")
        verbose_name_plural = _("deadline clocks")
        constraints = [
            models.UniqueConstraint(fields=["case", "rule"], name="deadlines_clock_once")
        ]
        indexes = [
            # "Overdue today": running clocks by due date, for the country and for one court.
            models.Index(
                fields=["due"],
                condition=models.Q(state="running"),
                name="deadlines_clock_running_due",
            ),
            models.Index(
                fields=["court", "due"],
                condition=models.Q(state="running"),
                name="deadlines_clock_court_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.rule_id} {self.state} {self.due}"

    @property
    def source(self) -> str:
        """What a breach of this clock is recorded under: stable across rebuilds."""
        return clock_source(self.case_id, self.rule.code)


def clock_source(case_id: int, rule_code: str) -> str:
    return f"clock:{case_id}:{rule_code}"


class MonitorRun(models.Model):
    """One pass of ``sot deadlines monitor``: how far it got, and what it recorded."""

    started_at = models.DateTimeField(_("started"), default=clock.now)
    finished_at = models.DateTimeField(_("finished"), null=True)
    through = models.DateField(_("checked through"))
    recorded = models.PositiveIntegerField(_("violations recorded"), default=0)

    class Meta:
        verbose_name = _("monitoring run")
        verbose_name_plural = _("monitoring runs")

    def __str__(self) -> str:
        return f"{self.through} ({self.recorded})"


class DigestSent(models.Model):
    """A chair's daily digest, sent once per chair and day."""

    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    violations = models.PositiveIntegerField(_("violations"), default=0)
    sent_at = models.DateTimeField(_("sent"), default=clock.now)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(fields=["chair", "day"], name="deadlines_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.chair_id} {self.day}"
