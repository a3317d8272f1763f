"""Every indicator of the Situational Center, defined once: names, formula, sources, unit, rule.

Names are English msgids (translated to kk and ru in the catalogues). ``compute`` turns a place's
``Figures`` into a number, or ``None`` when the source does not deliver data ("no data" is not 0).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.deadlines.models import ViolationKind

from . import metrics as m
from .figures import Figures

DAY = 86_400


class Unit:
    COUNT = "count"
    PER_DAY = "per_day"
    PER_WEEK = "per_week"
    PER_MONTH = "per_month"
    PERCENT = "percent"
    DAYS = "days"
    LOAD = "load"
    INDEX = "index"


UNIT_LABELS: dict[str, Promise] = {
    Unit.COUNT: _("cases"),
    Unit.PER_DAY: _("per day"),
    Unit.PER_WEEK: _("per week"),
    Unit.PER_MONTH: _("per month"),
    Unit.PERCENT: _("%"),
    Unit.DAYS: _("days"),
    Unit.LOAD: _("weighted cases"),
    Unit.INDEX: _("index"),
}


@dataclass(frozen=True)
class Threshold:
    """Values past ``warn`` need attention, past ``alert`` action; ``higher_is_worse`` sets the side."""

    warn: float
    alert: float
    higher_is_worse: bool = True

    def level(self, value: float | None) -> str:
        if value is None:
            return ""
        if self.higher_is_worse:
            return "alert" if value >= self.alert else "warn" if value >= self.warn else "ok"
        return "alert" if value <= self.alert else "warn" if value <= self.warn else "ok"


@dataclass(frozen=True)
class Indicator:
    code: str
    name: Promise
    formula: Promise
    unit: str
    # Where the data comes from: app and log (shown in the definitions table and the API).
    sources: tuple[str, ...]
    compute: Callable[[Figures], float | None]
    group: str
    threshold: Threshold | None = None
    # The drill-down that lists the cases behind the number ("" when there is none).
    drill: str = ""
    # False: the figure only exists for a court or wider (filings come before any judge).
    per_judge: bool = True
    # The source has not landed yet: always "no data".
    is_available: bool = True
    note: Promise | None = None
    breakdown: Callable[[Figures], list[tuple[Promise | str, float | None]]] | None = field(
        default=None
    )


def _ratio(numerator: float, denominator: float, scale: float = 100.0) -> float | None:
    return round(numerator * scale / denominator, 1) if denominator else None


def _pending_end(f: Figures) -> float:
    return float(f.pending_at_end(f.scope.month_to))


def _disposition_time(f: Figures) -> float | None:
    # CEPEJ: pending at the end of the period ÷ resolved in the period × days in the period.
    return _ratio(_pending_end(f), f.period(m.RESOLVED), f.scope.days)


def _average_duration(f: Figures) -> float | None:
    return _ratio(f.period(m.RESOLVED_SECONDS), f.period(m.RESOLVED), 1 / DAY)


AGE_BANDS: tuple[tuple[int, int | None, Promise], ...] = (
    (0, 3, _("under 3 months")),
    (3, 6, _("3–6 months")),
    (6, 12, _("6–12 months")),
    (12, 24, _("1–2 years")),
    (24, None, _("over 2 years")),
)


def _bands(ages: dict[int, int]) -> list[tuple[Promise | str, float | None]]:
    return [
        (label, float(sum(n for age, n in ages.items() if lo <= age and (hi is None or age < hi))))
        for lo, hi, label in AGE_BANDS
    ]


def _pending_over_year(f: Figures) -> float | None:
    if f.scope.judge is not None:
        return None
    return float(sum(n for age, n in f.pending_by_age(clock.today()).items() if age >= 12))


def _violations(kind: str) -> Callable[[Figures], float | None]:
    return lambda f: float(f.period(m.violation(kind)))


def _violation_breakdown(f: Figures) -> list[tuple[Promise | str, float | None]]:
    return [(label, float(f.period(m.violation(kind)))) for kind, label in ViolationKind.choices]


def _acts(f: Figures) -> bool:
    return "act" in f.present


def _appeal_share(outcome: str) -> Callable[[Figures], float | None]:
    def compute(f: Figures) -> float | None:
        if not _acts(f):
            return None
        appeal = Instance.APPEAL
        decided = sum(f.period(m.act_outcome(o), instance=appeal) for o in m.APPEAL_OUTCOMES)
        return _ratio(f.period(m.act_outcome(outcome), instance=appeal), decided)

    return compute


def _conciliation(f: Figures) -> float | None:
    if not _acts(f):
        return None
    civil, first = CaseCategory.CIVIL, Instance.FIRST
    return _ratio(
        f.period(m.act_outcome(m.CONCILIATION), civil, first), f.period(m.RESOLVED, civil, first)
    )


def _no_data(f: Figures) -> float | None:
    return None


def _count(metric: str) -> Callable[[Figures], float | None]:
    return lambda f: float(f.period(metric))


FILINGS, WORKLOAD, DEADLINES, HEARINGS, OUTCOMES, LOAD = (
    "filings",
    "workload",
    "deadlines",
    "hearings",
    "outcomes",
    "load",
)

GROUPS: dict[str, Promise] = {
    FILINGS: _("Filings"),
    WORKLOAD: _("Caseload and pace"),
    DEADLINES: _("Procedural deadlines"),
    HEARINGS: _("Hearings and notices"),
    OUTCOMES: _("Outcomes and enforcement"),
    LOAD: _("Judges' load"),
}

CASES = "sot.cases: case events"
VIOLATIONS = "sot.deadlines: violations"
HEARING_LOG = "sot.hearings: hearing events"

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "filings_per_day",
        _("Claims filed per day"),
        _("filed ÷ days in the period"),
        Unit.PER_DAY,
        (CASES,),
        lambda f: _ratio(f.period(m.FILED), f.scope.days, 1.0),
        FILINGS,
        drill="filed",
        per_judge=False,
    ),
    Indicator(
        "filings_per_week",
        _("Claims filed per week"),
        _("filed ÷ days in the period × 7"),
        Unit.PER_WEEK,
        (CASES,),
        lambda f: _ratio(f.period(m.FILED), f.scope.days, 7.0),
        FILINGS,
        drill="filed",
        per_judge=False,
    ),
    Indicator(
        "filings_per_month",
        _("Claims filed per month"),
        _("filed ÷ months in the period"),
        Unit.PER_MONTH,
        (CASES,),
        lambda f: _ratio(f.period(m.FILED), f.scope.months, 1.0),
        FILINGS,
        drill="filed",
        per_judge=False,
    ),
    Indicator(
        "filed",
        _("Claims filed"),
        _("count of FILED events in the period"),
        Unit.COUNT,
        (CASES,),
        _count(m.FILED),
        FILINGS,
        drill="filed",
        per_judge=False,
    ),
    Indicator(
        "electronic_share",
        _("Filed electronically"),
        _("claims filed electronically ÷ claims filed × 100"),
        Unit.PERCENT,
        (CASES,),
        lambda f: _ratio(f.period(m.FILED_ELECTRONIC), f.period(m.FILED)),
        FILINGS,
        Threshold(80, 60, higher_is_worse=False),
        drill="filed_electronic",
        per_judge=False,
    ),
    Indicator(
        "incoming",
        _("Incoming cases"),
        _("cases registered in the period (for a judge: assigned to them as presiding judge)"),
        Unit.COUNT,
        (CASES,),
        lambda f: float(f.period(m.ASSIGNED if f.scope.judge is not None else m.INCOMING)),
        WORKLOAD,
        drill="incoming",
    ),
    Indicator(
        "resolved",
        _("Resolved cases"),
        _("cases decided in the period"),
        Unit.COUNT,
        (CASES,),
        _count(m.RESOLVED),
        WORKLOAD,
        drill="resolved",
    ),
    Indicator(
        "pending",
        _("Pending cases"),
        _("cases registered and not decided at the end of the period"),
        Unit.COUNT,
        (CASES,),
        _pending_end,
        WORKLOAD,
        drill="pending",
    ),
    Indicator(
        "clearance_rate",
        _("Clearance rate"),
        _("CEPEJ: resolved cases ÷ incoming cases × 100"),
        Unit.PERCENT,
        (CASES,),
        lambda f: _ratio(
            f.period(m.RESOLVED), f.period(m.ASSIGNED if f.scope.judge else m.INCOMING)
        ),
        WORKLOAD,
        Threshold(98, 90, higher_is_worse=False),
        drill="resolved",
    ),
    Indicator(
        "disposition_time",
        _("Disposition time"),
        _("CEPEJ: pending cases at the end ÷ resolved cases × days in the period"),
        Unit.DAYS,
        (CASES,),
        _disposition_time,
        WORKLOAD,
        Threshold(120, 240),
        drill="pending",
    ),
    Indicator(
        "average_duration",
        _("Average time to decision"),
        _("sum of days from registration to decision ÷ cases decided in the period"),
        Unit.DAYS,
        (CASES,),
        _average_duration,
        WORKLOAD,
        Threshold(60, 120),
        drill="resolved",
    ),
    Indicator(
        "pending_over_year",
        _("Pending for over a year"),
        _("cases pending now, registered 12 or more months ago (bands by month of registration)"),
        Unit.COUNT,
        (CASES,),
        _pending_over_year,
        WORKLOAD,
        drill="pending_old",
        per_judge=False,
        breakdown=lambda f: _bands(f.pending_by_age(clock.today())),
    ),
    Indicator(
        "past_deadline",
        _("Cases past procedural deadlines"),
        _("violations of kind “deadline breached” detected in the period"),
        Unit.COUNT,
        (VIOLATIONS,),
        _violations(ViolationKind.DEADLINE_BREACHED),
        DEADLINES,
        Threshold(1, 50),
        drill="violation:deadline_breached",
        breakdown=_violation_breakdown,
    ),
    Indicator(
        "acts_late",
        _("Acts entered late"),
        _("violations of kind “act entered late” detected in the period"),
        Unit.COUNT,
        (VIOLATIONS,),
        _violations(ViolationKind.ACT_ENTERED_LATE),
        DEADLINES,
        Threshold(1, 20),
        drill="violation:act_entered_late",
    ),
    Indicator(
        "suspended_now",
        _("Suspended cases"),
        _("suspensions not yet resumed, at the last aggregation"),
        Unit.COUNT,
        (CASES,),
        lambda f: float(f.total(m.SUSPENDED_OPEN)),
        DEADLINES,
        drill="suspended",
        breakdown=lambda f: _bands(f.suspended_by_age(clock.today())),
    ),
    Indicator(
        "suspensions",
        _("Suspensions in the period"),
        _("SUSPENDED events in the period"),
        Unit.COUNT,
        (CASES,),
        _count(m.SUSPENDED),
        DEADLINES,
        drill="suspensions",
    ),
    Indicator(
        "suspension_days",
        _("Average suspension"),
        _("days from suspension to resumption ÷ suspensions resumed in the period"),
        Unit.DAYS,
        (CASES,),
        lambda f: _ratio(f.period(m.SUSPENSION_SECONDS), f.period(m.RESUMED), 1 / DAY),
        DEADLINES,
        Threshold(90, 180),
    ),
    Indicator(
        "hearings_late",
        _("Hearings started late"),
        _("hearings opened late ÷ hearings opened × 100"),
        Unit.PERCENT,
        (HEARING_LOG,),
        lambda f: _ratio(f.period(m.HEARINGS_LATE), f.period(m.HEARINGS_HELD)),
        HEARINGS,
        Threshold(5, 15),
        drill="hearings_late",
    ),
    Indicator(
        "postponements_justified",
        _("Postponements, justified"),
        _("hearings postponed for a justified reason in the period"),
        Unit.COUNT,
        (HEARING_LOG,),
        _count(m.POSTPONED_JUSTIFIED),
        HEARINGS,
        drill="postponed_justified",
    ),
    Indicator(
        "postponements_unjustified",
        _("Postponements, unjustified"),
        _("hearings postponed for a reason not recognised as justified in the period"),
        Unit.COUNT,
        (HEARING_LOG,),
        _count(m.POSTPONED_UNJUSTIFIED),
        HEARINGS,
        Threshold(1, 20),
        drill="postponed_unjustified",
    ),
    Indicator(
        "video_share",
        _("Video hearings"),
        _("hearings held by video ÷ hearings held × 100"),
        Unit.PERCENT,
        (HEARING_LOG,),
        lambda f: _ratio(f.period(m.HEARINGS_VIDEO), f.period(m.HEARINGS_HELD)),
        HEARINGS,
        drill="hearings_video",
    ),
    Indicator(
        "notices_late",
        _("Notices delivered late"),
        _("violations of kind “notice late” detected in the period"),
        Unit.COUNT,
        (VIOLATIONS,),
        _violations(ViolationKind.NOTICE_LATE),
        HEARINGS,
        Threshold(1, 20),
        drill="violation:notice_late",
    ),
    Indicator(
        "notices_failed",
        _("Notices not delivered"),
        _("notices whose delivery failed on every channel in the period"),
        Unit.COUNT,
        ("sot.notifications: delivery attempts",),
        _no_data,
        HEARINGS,
        is_available=False,
        note=_("Waits for delivery states in the notifications app."),
    ),
    Indicator(
        "conciliation_share",
        _("Civil cases ended by conciliation"),
        _(
            "civil first-instance acts with outcome “conciliation” ÷ civil first-instance cases "
            "resolved × 100"
        ),
        Unit.PERCENT,
        ("sot.acts: signed acts (outcome)", CASES),
        _conciliation,
        OUTCOMES,
    ),
    Indicator(
        "appeal_reversal_rate",
        _("Reversed on appeal"),
        _("appeal acts with outcome “reversed” ÷ appeal acts with an outcome × 100"),
        Unit.PERCENT,
        ("sot.acts: signed acts (outcome)",),
        _appeal_share(m.REVERSED),
        OUTCOMES,
        Threshold(15, 30),
    ),
    Indicator(
        "appeal_modification_rate",
        _("Modified on appeal"),
        _("appeal acts with outcome “modified” ÷ appeal acts with an outcome × 100"),
        Unit.PERCENT,
        ("sot.acts: signed acts (outcome)",),
        _appeal_share(m.MODIFIED),
        OUTCOMES,
        Threshold(15, 30),
    ),
    Indicator(
        "writs_sent",
        _("Writs of execution sent"),
        _("writs of execution sent to bailiffs in the period"),
        Unit.COUNT,
        ("enforcement: writs of execution",),
        _no_data,
        OUTCOMES,
        is_available=False,
        note=_("No source yet: writs of execution are not exchanged with the bailiffs' system."),
    ),
    Indicator(
        "writs_rejected",
        _("Writs of execution rejected"),
        _("writs rejected by bailiffs ÷ writs sent × 100"),
        Unit.PERCENT,
        ("enforcement: writs of execution",),
        _no_data,
        OUTCOMES,
        is_available=False,
        note=_("No source yet: writs of execution are not exchanged with the bailiffs' system."),
    ),
    Indicator(
        "complaints",
        _("Citizens' complaints"),
        _("complaints about courts received in the period"),
        Unit.COUNT,
        ("complaints: citizens' appeals",),
        _no_data,
        OUTCOMES,
        is_available=False,
        note=_("No source yet: citizens' complaints are not registered in Sot."),
    ),
)

BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}

# Weighted load is computed from the judges' open-case rows (see ``load.py``), not from Figures.
LOAD_INDICATORS: dict[str, tuple[Promise, Promise, str]] = {
    "load_mean": (
        _("Weighted load per judge"),
        _("mean over judges of open cases × category weight ÷ share of a full load"),
        Unit.LOAD,
    ),
    "load_max_mean": (
        _("Load spread: max ÷ mean"),
        _("the most loaded judge's weighted load ÷ the mean"),
        Unit.INDEX,
    ),
    "load_gini": (
        _("Load spread: Gini"),
        _("Gini coefficient of judges' weighted loads (0 even, 1 all on one judge)"),
        Unit.INDEX,
    ),
    "court_load": (
        _("Weighted load of the court"),
        _("open cases × category weight, summed over the judges of the place"),
        Unit.LOAD,
    ),
}
