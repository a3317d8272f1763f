"""Clocks from case events: one pure replay, used by the event signal and by the full rebuild.

A case's clocks are a function of its events (and the events of the case opened for it at the
higher instance, seen as ``higher:<kind>``): replaying them in order starts each rule's clock on
its starting event, stops it on a stopping event, pauses it on ``suspended`` and resumes it on
``resumed``. The due date is the period's end counted from the start, moved forward by the days
spent suspended (and onto the next working day if that lands on a day off).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sot.cases.models import CaseEventKind

from .models import ClockState, DeadlineRule
from .periods import Calendar, CalendarOutOfRange

HIGHER = "higher:"
SUSPENDED = str(CaseEventKind.SUSPENDED)
RESUMED = str(CaseEventKind.RESUMED)


@dataclass(frozen=True)
class RuleSpec:
    """A rule as plain values: the rebuild replays a million cases against these."""

    id: int
    code: str
    category: str
    instance: str
    start_event: str
    stop_events: frozenset[str]
    unit: str
    length: int
    pauses: bool

    @classmethod
    def of(cls, rule: DeadlineRule) -> RuleSpec:
        return cls(
            id=rule.pk,
            code=rule.code,
            category=rule.category,
            instance=rule.instance,
            start_event=rule.start_event,
            stop_events=frozenset(rule.stop_events),
            unit=rule.unit,
            length=rule.length,
            pauses=rule.pauses_on_suspension,
        )


@dataclass(frozen=True)
class RuleGroup:
    """The rules of one kind of case (category, instance), indexed for the replay."""

    rules: tuple[RuleSpec, ...]
    starts: dict[str, tuple[RuleSpec, ...]]
    stop_kinds: frozenset[str]
    kinds: frozenset[str]  # every event kind that moves one of these clocks

    @classmethod
    def of(cls, rules: list[RuleSpec]) -> RuleGroup:
        starts: dict[str, tuple[RuleSpec, ...]] = {}
        for rule in rules:
            starts[rule.start_event] = (*starts.get(rule.start_event, ()), rule)
        stop_kinds = frozenset(kind for rule in rules for kind in rule.stop_events)
        pausing = {SUSPENDED, RESUMED} if any(rule.pauses for rule in rules) else set()
        return cls(tuple(rules), starts, stop_kinds, frozenset({*starts, *stop_kinds, *pausing}))


EMPTY = RuleGroup((), {}, frozenset(), frozenset())


class RuleBook:
    """The active rules, by the (category, instance) of the cases they apply to."""

    def __init__(self, rules: Iterable[RuleSpec]) -> None:
        grouped: dict[tuple[str, str], list[RuleSpec]] = {}
        for rule in rules:
            grouped.setdefault((rule.category, rule.instance), []).append(rule)
        self.groups = {key: RuleGroup.of(specs) for key, specs in grouped.items()}
        kinds = {kind for group in self.groups.values() for kind in group.kinds}
        self.own_kinds = frozenset(k for k in kinds if not k.startswith(HIGHER))
        self.higher_kinds = frozenset(k[len(HIGHER) :] for k in kinds if k.startswith(HIGHER))

    @classmethod
    def active(cls) -> RuleBook:
        return cls(RuleSpec.of(rule) for rule in DeadlineRule.objects.filter(is_active=True))

    def for_case(self, category: str, instance: str) -> RuleGroup:
        return self.groups.get((category, instance), EMPTY)


@dataclass(slots=True)
class Clock:
    rule: RuleSpec
    started: int  # proleptic ordinals, the court's local dates
    paused_since: int | None = None
    paused_days: int = 0
    stopped: int | None = None
    base_due: int | None = None
    due: int | None = None

    @property
    def state(self) -> str:
        if self.stopped is not None:
            return ClockState.STOPPED
        if self.paused_since is not None:
            return ClockState.PAUSED
        return ClockState.RUNNING


class DueCache:
    """Period ends by (start, unit, length): a million cases share a few thousand of them."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self._ends: dict[tuple[int, str, int], int | None] = {}
        self._moved: dict[int, int | None] = {}

    def end(self, start: int, unit: str, length: int) -> int | None:
        key = (start, unit, length)
        if key not in self._ends:
            try:
                self._ends[key] = self.calendar.due_ordinal(start, unit, length)
            except CalendarOutOfRange:
                self._ends[key] = None
        return self._ends[key]

    def next_working(self, day: int) -> int | None:
        if day not in self._moved:
            try:
                self._moved[day] = self.calendar.next_working_ordinal(day)
            except CalendarOutOfRange:
                self._moved[day] = None
        return self._moved[day]


def replay(group: RuleGroup, events: Iterable[tuple[str, int]], dues: DueCache) -> list[Clock]:
    """The clocks of one case from its events (kind, local day ordinal), oldest first."""
    clocks: dict[str, Clock] = {}
    active: list[Clock] = []  # started and not stopped
    for kind, day in events:
        if active:
            if kind in group.stop_kinds:
                for clock in active:
                    if kind in clock.rule.stop_events:
                        if clock.paused_since is not None:
                            clock.paused_days += day - clock.paused_since
                            clock.paused_since = None
                        clock.stopped = day
                active = [clock for clock in active if clock.stopped is None]
            if kind == SUSPENDED:
                for clock in active:
                    if clock.rule.pauses and clock.paused_since is None:
                        clock.paused_since = day
            elif kind == RESUMED:
                for clock in active:
                    if clock.paused_since is not None:
                        clock.paused_days += day - clock.paused_since
                        clock.paused_since = None
        starting = group.starts.get(kind)
        if starting:
            for rule in starting:
                if rule.code not in clocks:
                    clocks[rule.code] = started = Clock(rule=rule, started=day)
                    active.append(started)
    for clock in clocks.values():
        rule = clock.rule
        clock.base_due = dues.end(clock.started, rule.unit, rule.length)
        if clock.base_due is None or clock.paused_days == 0:
            clock.due = clock.base_due
        else:
            clock.due = dues.next_working(clock.base_due + clock.paused_days)
    return list(clocks.values())
