"""Event timelines: a path through the case lifecycle with realistic durations per category.

Every timeline is a walk along ``sot.cases.lifecycle.TRANSITIONS`` from "filed": registration,
acceptance (or leaving without motion, or return), hearings (postponed, repeated, sometimes
suspended and resumed), the decision, the appeal period, entry into force, enforcement, archive.
Durations follow the procedure codes roughly: a civil claim is decided in about two months, a
criminal case takes longer and goes through more hearings, an offence is heard within weeks;
civil decisions enter into force after the one-month appeal period, criminal verdicts after
15 days, offence rulings after 10 days; appellate rulings on pronouncement.

A timeline is generated whole and then cut at the seeded world's "now": what has not happened yet
is dropped, and the case keeps the status of its last event. An appeal (or cassation) is planned
inside the lower case's timeline, because the lower decision enters into force only when the
higher court rules.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from sot.cases.models import CaseEventKind, CaseStatus
from sot.core.judiciary import CaseCategory

from .workdays import CLOSES, OPENS, WorkCalendar

S = CaseStatus
E = CaseEventKind
# (event kind, moment, status before, status after)
Event = tuple[str, int, str, str]


@dataclass(frozen=True)
class Profile:
    accept: tuple[int, int]  # working days from registration to acceptance
    p_return: float
    prep: tuple[int, int]  # working days from acceptance to the first hearing being set
    gap: tuple[int, int]  # calendar days from setting a hearing to holding it
    p_postpone: float
    p_more: float  # after a hearing, another one is needed
    max_hearings: int
    decide: tuple[int, int]  # working days from the last hearing to the decision
    archive_days: tuple[int, int]  # working days from the last step to the archive
    p_left_without_motion: float = 0.0
    p_fixed: float = 0.0  # a case left without motion is then accepted (else returned)
    p_suspend: float = 0.0
    suspend_days: tuple[int, int] = (0, 0)
    force_days: int = 0  # appeal period: calendar days from decision to entry into force
    p_appeal: float = 0.0
    p_enforce: float = 0.0
    enforce_days: tuple[int, int] = (0, 0)  # working days from entry into force to enforcement


PROFILES: dict[str, Profile] = {
    CaseCategory.CIVIL: Profile(
        accept=(1, 5),
        p_left_without_motion=0.1,
        p_fixed=0.75,
        p_return=0.06,
        prep=(3, 12),
        gap=(15, 35),
        p_postpone=0.12,
        p_more=0.35,
        max_hearings=4,
        decide=(0, 3),
        p_suspend=0.04,
        suspend_days=(30, 120),
        force_days=30,
        p_appeal=0.09,
        p_enforce=0.45,
        enforce_days=(2, 10),
        archive_days=(5, 25),
    ),
    CaseCategory.ADMINISTRATIVE: Profile(
        accept=(1, 5),
        p_left_without_motion=0.12,
        p_fixed=0.7,
        p_return=0.08,
        prep=(3, 10),
        gap=(15, 30),
        p_postpone=0.1,
        p_more=0.4,
        max_hearings=4,
        decide=(0, 5),
        p_suspend=0.03,
        suspend_days=(30, 90),
        force_days=30,
        p_appeal=0.16,
        p_enforce=0.2,
        enforce_days=(2, 10),
        archive_days=(5, 25),
    ),
    CaseCategory.ADMINISTRATIVE_OFFENCE: Profile(
        accept=(0, 2),
        p_left_without_motion=0.03,
        p_fixed=0.6,
        p_return=0.05,
        prep=(0, 3),
        gap=(2, 10),
        p_postpone=0.08,
        p_more=0.1,
        max_hearings=2,
        decide=(0, 1),
        p_suspend=0.01,
        suspend_days=(14, 60),
        force_days=10,
        p_appeal=0.035,
        p_enforce=0.4,
        enforce_days=(1, 5),
        archive_days=(3, 15),
    ),
    CaseCategory.CRIMINAL: Profile(
        accept=(1, 5),
        p_left_without_motion=0.01,
        p_fixed=0.5,
        p_return=0.02,
        prep=(5, 15),
        gap=(14, 30),
        p_postpone=0.2,
        p_more=0.6,
        max_hearings=7,
        decide=(0, 2),
        p_suspend=0.05,
        suspend_days=(30, 150),
        force_days=15,
        p_appeal=0.14,
        p_enforce=0.6,
        enforce_days=(1, 10),
        archive_days=(5, 25),
    ),
}
APPEAL = Profile(
    accept=(1, 5),
    p_return=0.05,
    prep=(1, 5),
    gap=(10, 35),
    p_postpone=0.1,
    p_more=0.2,
    max_hearings=3,
    decide=(0, 0),
    archive_days=(5, 20),
)
CASSATION = Profile(
    accept=(5, 20),
    p_return=0.3,
    prep=(5, 15),
    gap=(10, 40),
    p_postpone=0.05,
    p_more=0.05,
    max_hearings=2,
    decide=(0, 0),
    archive_days=(10, 30),
)
# Share of appeal rulings that then go to cassation; days allowed to petition (six months).
P_CASSATION = 0.25
CASSATION_WINDOW = (20, 120)

_PAYLOADS: dict[tuple[str, str], str] = {}


def transition_payload(before: str, after: str) -> str:
    """The ``{"from", "to"}`` payload ``cases.services`` writes, as JSON text (cached)."""
    key = (before, after)
    text = _PAYLOADS.get(key)
    if text is None:
        text = _PAYLOADS[key] = json.dumps({"from": before, "to": after})
    return text


@dataclass(frozen=True)
class Force:
    """Outcomes the demo data needs, whatever the dice say."""

    appeal: bool = False
    cassation: bool = False
    pending: bool = False


NO_FORCE = Force()


@dataclass
class Timeline:
    events: list[Event]
    status: str = S.FILED
    before_suspension: str = ""
    registered: int | None = None
    decided: int | None = None
    higher: Timeline | None = None  # the appeal (of a first-instance case) or the cassation
    higher_filed: int | None = None

    def cut(self, cutoff: int) -> Timeline:
        """Drop what happens at or after ``cutoff``; the status is that of the last event kept."""
        kept = [event for event in self.events if event[1] < cutoff]
        self.events = kept
        last = kept[-1] if kept else None
        self.status = last[3] if last else S.FILED
        self.before_suspension = last[2] if last and last[3] == S.SUSPENDED else ""
        if self.registered is not None and self.registered >= cutoff:
            self.registered = None
        if self.decided is not None and self.decided >= cutoff:
            self.decided = None
        if self.higher_filed is not None and self.higher_filed >= cutoff:
            self.higher, self.higher_filed = None, None
        if self.higher is not None:
            self.higher.cut(cutoff)
        return self


class _Walk:
    """Moves one case along the lifecycle, one event at a time, in working hours."""

    def __init__(self, rng: random.Random, calendar: WorkCalendar, filed: int) -> None:
        self.rng = rng
        self.random = rng.random
        self.calendar = calendar
        self.status: str = S.FILED
        self.before_suspension = ""
        self.moment = filed
        self.day = calendar.day_of(filed)
        self.events: list[Event] = []

    def move(
        self, kind: str, target: str, day: int | None = None, moment: int | None = None
    ) -> int:
        """Record an event at ``moment``, or in working hours on ``day`` (default: the current
        day), never before the previous event."""
        if moment is None:
            if day is None:
                day = self.day
            moment = self.calendar.moment(day, OPENS + int(self.random() * (CLOSES - 1800 - OPENS)))
            if moment <= self.moment:
                moment = self.moment + 60 + int(self.random() * 1740)
                day = self.calendar.day_of(moment)
        else:
            day = self.calendar.day_of(moment)
        before = self.status
        if kind == E.SUSPENDED:
            self.before_suspension = before
        self.events.append((kind, moment, before, target))
        self.status = target
        self.moment = moment
        self.day = day
        return moment

    def later(self, working_days: tuple[int, int]) -> int:
        low, high = working_days
        return self.calendar.add(self.day, low + int(self.random() * (high - low + 1)))

    def after_days(self, days: tuple[int, int] | int) -> int:
        if isinstance(days, int):
            span = days
        else:
            span = days[0] + int(self.random() * (days[1] - days[0] + 1))
        return self.calendar.working_on_or_after(self.day + span)


def _register(walk: _Walk) -> int:
    """Registration on the day of filing in office hours, else on the next working day."""
    calendar = walk.calendar
    day = walk.day
    local = walk.moment - calendar.moment(day, 0)
    if calendar.working_on_or_after(day) != day:
        return walk.move(E.REGISTERED, S.REGISTERED, day=calendar.working_on_or_after(day))
    if local < CLOSES - 3600:
        return walk.move(E.REGISTERED, S.REGISTERED, day=day)
    return walk.move(E.REGISTERED, S.REGISTERED, day=calendar.add(day, 1))


def _admission(walk: _Walk, profile: Profile, force: Force) -> bool:
    """Accept, or leave without motion (then accept or return), or return. True if accepted."""
    rng = walk.rng
    if not force.appeal and rng.random() < profile.p_left_without_motion:
        walk.move(E.LEFT_WITHOUT_MOTION, S.LEFT_WITHOUT_MOTION, day=walk.later(profile.accept))
        if rng.random() < profile.p_fixed:
            walk.move(E.ACCEPTED, S.ACCEPTED, day=walk.later((5, 15)))
            return True
        walk.move(E.RETURNED, S.RETURNED, day=walk.later((7, 20)))
        return False
    if not force.appeal and rng.random() < profile.p_return:
        walk.move(E.RETURNED, S.RETURNED, day=walk.later(profile.accept))
        return False
    walk.move(E.ACCEPTED, S.ACCEPTED, day=walk.later(profile.accept))
    return True


def _hearings(walk: _Walk, profile: Profile, may_suspend: bool, quick: bool = False) -> None:
    """Hearings until the case is heard for the last time; maybe one suspension on the way
    (before the first hearing is set, or after a hearing). ``quick``: one hearing, on time."""
    rng = walk.rng
    hearings = 0
    while True:
        if may_suspend and rng.random() < 0.4:
            may_suspend = False
            _suspend(walk, profile)
        walk.move(
            E.SCHEDULED, S.SCHEDULED, day=walk.later(profile.prep if not hearings else (0, 2))
        )
        while not quick and rng.random() < profile.p_postpone:
            walk.move(E.SCHEDULED, S.SCHEDULED, day=walk.later((1, 5)))
        walk.move(E.HEARD, S.HEARD, day=walk.after_days(profile.gap))
        hearings += 1
        if may_suspend:
            may_suspend = False
            _suspend(walk, profile)
        if quick or hearings >= profile.max_hearings or rng.random() >= profile.p_more:
            return


def _suspend(walk: _Walk, profile: Profile) -> None:
    walk.move(E.SUSPENDED, S.SUSPENDED, day=walk.later((0, 3)))
    restored = walk.before_suspension or S.ACCEPTED
    walk.move(E.RESUMED, restored, day=walk.after_days(profile.suspend_days))


def _after_force(walk: _Walk, profile: Profile) -> None:
    if walk.rng.random() < profile.p_enforce:
        walk.move(E.ENFORCEMENT, S.ENFORCEMENT, day=walk.later(profile.enforce_days))
    walk.move(E.ARCHIVED, S.ARCHIVED, day=walk.later(profile.archive_days))


def first_instance(
    rng: random.Random,
    calendar: WorkCalendar,
    category: str,
    filed: int,
    cutoff: int,
    force: Force | None = None,
) -> Timeline:
    """A first-instance case's whole story from filing, cut at ``cutoff``."""
    profile = PROFILES[category]
    force = force or NO_FORCE
    walk = _Walk(rng, calendar, filed)
    timeline = Timeline(walk.events)
    timeline.registered = _register(walk)
    if force.pending:
        walk.move(E.ACCEPTED, S.ACCEPTED, day=walk.later(profile.accept))
        if rng.random() < 0.6:
            walk.move(E.SCHEDULED, S.SCHEDULED, day=walk.later(profile.prep))
        return timeline.cut(cutoff)
    if not _admission(walk, profile, force):
        walk.move(E.ARCHIVED, S.ARCHIVED, day=walk.later(profile.archive_days))
        return timeline.cut(cutoff)
    _hearings(
        walk, profile, not force.appeal and rng.random() < profile.p_suspend, quick=force.appeal
    )
    timeline.decided = walk.move(E.DECIDED, S.DECIDED, day=walk.later(profile.decide))
    if force.appeal or rng.random() < profile.p_appeal:
        appealed = walk.move(
            E.APPEALED, S.APPEALED, day=walk.after_days((3, max(profile.force_days - 1, 4)))
        )
        timeline.higher_filed = calendar.moment(
            calendar.add(walk.day, rng.randint(5, 20)), rng.randrange(OPENS, CLOSES - 3600)
        )
        appeal = higher_instance(rng, calendar, APPEAL, timeline.higher_filed, force.cassation)
        timeline.higher = appeal
        # The lower decision enters into force when the appeal court rules (or returns the appeal).
        walk.move(E.IN_FORCE, S.IN_FORCE, moment=max(appeal.outcome + 3600, appealed + 60))
    else:
        walk.move(E.IN_FORCE, S.IN_FORCE, day=walk.after_days(profile.force_days))
    _after_force(walk, profile)
    return timeline.cut(cutoff)


@dataclass
class HigherTimeline(Timeline):
    outcome: int = 0  # when the higher court ruled or returned the petition


def higher_instance(
    rng: random.Random, calendar: WorkCalendar, profile: Profile, filed: int, cassation: bool
) -> HigherTimeline:
    """An appeal or cassation case: registration, one panel hearing or more, a ruling in force
    at once; maybe a cassation petition against it (appeals only), then the archive."""
    walk = _Walk(rng, calendar, filed)
    timeline = HigherTimeline(walk.events)
    timeline.registered = _register(walk)
    if not cassation and rng.random() < profile.p_return:
        timeline.outcome = walk.move(E.RETURNED, S.RETURNED, day=walk.later(profile.accept))
        walk.move(E.ARCHIVED, S.ARCHIVED, day=walk.later(profile.archive_days))
        return timeline
    walk.move(E.ACCEPTED, S.ACCEPTED, day=walk.later(profile.accept))
    _hearings(walk, profile, may_suspend=False, quick=cassation)
    timeline.decided = timeline.outcome = walk.move(E.DECIDED, S.DECIDED)
    walk.move(E.IN_FORCE, S.IN_FORCE, moment=walk.moment + rng.randrange(600, 7200))
    if profile is APPEAL and (cassation or rng.random() < P_CASSATION):
        window = (20, 40) if cassation else CASSATION_WINDOW
        petition = walk.move(E.APPEALED, S.APPEALED, day=walk.after_days(window))
        timeline.higher_filed = calendar.moment(
            calendar.add(walk.day, rng.randint(3, 10)), rng.randrange(OPENS, CLOSES - 3600)
        )
        cassation_case = higher_instance(rng, calendar, CASSATION, timeline.higher_filed, False)
        timeline.higher = cassation_case
        walk.move(E.IN_FORCE, S.IN_FORCE, moment=max(cassation_case.outcome + 3600, petition + 60))
    walk.move(E.ARCHIVED, S.ARCHIVED, day=walk.later(profile.archive_days))
    return timeline
