"""Cases with their parties, bench and event log, court by court, then appeals and cassations.

For each first-instance court the generator draws the period's filings (more on working days,
fewer in January and in the summer holidays; electronic filings also at night and at weekends),
gives each its subject and timeline, then numbers the registered ones in registration order:
"<court code>-<yy>-<sequence>", gap-free per court and year, as ``cases.numbering`` would. Appeals
and cassations planned inside those timelines wait in a queue per higher court and are written
the same way once every lower court is done, linked to their lower case and sharing its matter.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from sot.cases.models import (
    BenchRole,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseJudge,
    CaseNumberSequence,
    CaseStatus,
    Participant,
)
from sot.cases.numbering import format_case_number
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import CourtKind

from .courts import CourtInfo, CourtMap
from .demo import DemoCase, demo_parties
from .judges import Roster
from .parties import Party, PartySource
from .progress import Progress
from .subjects import SUBJECTS, Subject
from .timeline import Timeline, first_instance, transition_payload
from .users import Account
from .workdays import CLOSES, OPENS, WorkCalendar
from .writers import BulkWriter, next_id

E = CaseEventKind
S = CaseStatus
P_ELECTRONIC: dict[str, float] = {
    CaseCategory.CIVIL: 0.95,
    CaseCategory.ADMINISTRATIVE: 0.93,
    CaseCategory.ADMINISTRATIVE_OFFENCE: 0.85,
    CaseCategory.CRIMINAL: 0.80,
}
# Closed sessions beyond what the subject implies: protected witnesses, state secrets, minors.
P_CLOSED_BASE: dict[str, float] = {
    CaseCategory.CIVIL: 0.01,
    CaseCategory.ADMINISTRATIVE: 0.01,
    CaseCategory.ADMINISTRATIVE_OFFENCE: 0.02,
    CaseCategory.CRIMINAL: 0.08,
}
P_CLOSED_JUVENILE_COURT = 0.4
P_KAZAKH_SUBJECT = 0.35
P_HEARING_SECRETARY = 0.8
MONTH_WEIGHT = (0.8, 1.0, 1.05, 1.05, 1.0, 1.0, 0.85, 0.85, 1.0, 1.05, 1.05, 1.1)
# Electronic filings by hour of the day (local time).
HOUR_WEIGHT = (1, 1, 1, 1, 1, 2, 4, 8, 14, 20, 22, 22, 18, 20, 22, 21, 18, 14, 10, 8, 6, 4, 3, 2)
NO_CLERK: tuple[None] = (None,)
BENCH_EVENTS = frozenset(
    {E.ACCEPTED, E.RETURNED, E.LEFT_WITHOUT_MOTION, E.DECIDED, E.SUSPENDED, E.RESUMED}
)
HEARING_EVENTS = frozenset({E.SCHEDULED, E.HEARD})
CASE_FIELDS = (
    "id",
    "number",
    "court_id",
    "category",
    "instance",
    "subject",
    "article",
    "claim_amount",
    "status",
    "status_before_suspension",
    "is_closed",
    "is_electronic",
    "filed_at",
    "registered_at",
    "decided_at",
    "matter",
    "lower_case_id",
    "clerk_id",
)


@dataclass
class Draft:
    """A case before it has an id and a number."""

    category: str
    subject: str
    article: str
    claim: str | None
    closed: bool
    electronic: bool
    filed: int
    timeline: Timeline
    parties: list[Party] | None = None
    shape: str = ""
    lower_id: int | None = None
    matter: str = ""
    demo: bool = False


class CaseGenerator:
    def __init__(
        self,
        *,
        rng: random.Random,
        writer: BulkWriter,
        calendar: WorkCalendar,
        first_day: date,
        cutoff_day: date,
        court_map: CourtMap,
        roster: Roster,
        parties: PartySource,
        progress: Progress,
        demo_court: int | None = None,
        demo_cases: tuple[DemoCase, ...] = (),
        demo_accounts: dict[str, Account] | None = None,
    ) -> None:
        self.rng = rng
        self.calendar = calendar
        self.cutoff = calendar.moment(cutoff_day.toordinal(), 0)
        self.court_map = court_map
        self.roster = roster
        self.parties = parties
        self.progress = progress
        self.demo_court = demo_court
        self.demo_cases = demo_cases
        self.demo_accounts = demo_accounts or {}
        self.first_day = first_day.toordinal()
        self.cases = writer.table(Case, CASE_FIELDS)
        self.participants = writer.table(
            Participant,
            ("id", "case_id", "role", "kind", "user_id", "name", "iin", "bin", "represents_id"),
        )
        self.bench = writer.table(CaseJudge, ("id", "case_id", "judge_id", "role", "assigned_at"))
        self.events = writer.table(
            CaseEvent, ("id", "case_id", "kind", "at", "actor_id", "payload")
        )
        self.writer = writer
        self.next = {
            "case": next_id(Case),
            "participant": next_id(Participant),
            "bench": next_id(CaseJudge),
            "event": next_id(CaseEvent),
        }
        self.sequences: dict[tuple[int, int], int] = {}
        self.pending: dict[int, list[Draft]] = defaultdict(list)
        self._year_of_day: dict[int, int] = {}
        self._subjects = {
            category: (rows, list(accumulate(s.weight for s in rows)))
            for category, rows in SUBJECTS.items()
        }
        self._days = list(range(self.first_day, cutoff_day.toordinal()))
        self._day_weights = list(accumulate(self._day_weight(day) for day in self._days))
        self._work_days = [d for d in self._days if calendar.working_on_or_after(d) == d]
        self._work_weights = list(accumulate(self._day_weight(d) for d in self._work_days))
        self._hours = list(accumulate(HOUR_WEIGHT))
        self.counts: dict[str, int] = defaultdict(int)
        self._demo_courts: dict[str, int | None] = {}

    def _day_weight(self, day: int) -> float:
        working = self.calendar.working_on_or_after(day) == day
        return MONTH_WEIGHT[date.fromordinal(day).month - 1] * (1.0 if working else 0.12)

    # -- drafting -----------------------------------------------------------------------------

    def _subject_text(self, subject: Subject) -> tuple[str, str, str | None]:
        rng = self.rng
        text = subject.kk if rng.random() < P_KAZAKH_SUBJECT else subject.ru
        article = f"{subject.article} ч.{rng.randint(1, 3)}" if subject.article else ""
        claim = None
        if subject.monetary:
            claim = f"{max(round(rng.lognormvariate(13.2, 1.3), -2), 5000.0):.2f}"
        return text, article, claim

    def _draft(
        self, court: CourtInfo, category: str, day: int, electronic: bool, subject: Subject
    ) -> Draft:
        rng = self.rng
        if electronic:
            hour = rng.choices(range(24), cum_weights=self._hours)[0]
            local = hour * 3600 + rng.randrange(3600)
        else:
            local = rng.randrange(OPENS, CLOSES - 1800)
        filed = self.calendar.moment(day, local)
        text, article, claim = self._subject_text(subject)
        p_closed = subject.closed + P_CLOSED_BASE[category]
        if court.kind == CourtKind.JUVENILE:
            p_closed += P_CLOSED_JUVENILE_COURT
        timeline = first_instance(rng, self.calendar, category, filed, self.cutoff)
        return Draft(
            category,
            text,
            article,
            claim,
            rng.random() < p_closed,
            electronic,
            filed,
            timeline,
            shape=subject.parties,
        )

    def _court_drafts(self, court: CourtInfo, counts: dict[str, int]) -> list[Draft]:
        rng = self.rng
        drafts: list[Draft] = []
        for category in CaseCategory.values:
            n = counts.get(category, 0)
            if not n:
                continue
            subjects, subject_weights = self._subjects[category]
            days = rng.choices(self._days, cum_weights=self._day_weights, k=n)
            p_electronic = P_ELECTRONIC[category]
            for day in days:
                electronic = rng.random() < p_electronic
                if not electronic:
                    day = rng.choices(self._work_days, cum_weights=self._work_weights)[0]
                subject = rng.choices(subjects, cum_weights=subject_weights)[0]
                drafts.append(self._draft(court, category, day, electronic, subject))
        drafts += [
            self._demo_draft(demo_case)
            for demo_case in self.demo_cases
            if self._demo_court_for(demo_case.category) == court.id
        ]
        return drafts

    def _demo_court_for(self, category: str) -> int | None:
        """The demo court if it hears the category, else the first court that does."""
        if category not in self._demo_courts:
            demo = self.court_map.by_id.get(self.demo_court) if self.demo_court else None
            if demo is not None and demo.hears(Instance.FIRST, category):
                self._demo_courts[category] = demo.id
            else:
                hearing = self.court_map.first_instance(category)
                self._demo_courts[category] = hearing[0].id if hearing else None
        return self._demo_courts[category]

    def _demo_draft(self, demo_case: DemoCase) -> Draft:
        if demo_case.start_day is not None:
            day = self.first_day + demo_case.start_day
        else:
            day = self._days[-1] - (demo_case.days_before_end or 1)
        day = self.calendar.working_on_or_after(day)
        filed = self.calendar.moment(day, OPENS + 3600)
        subject = demo_case.subject_row()
        _, article, claim = self._subject_text(subject)
        timeline = first_instance(
            self.rng, self.calendar, demo_case.category, filed, self.cutoff, demo_case.force
        )
        draft = Draft(
            demo_case.category, subject.ru, article, claim, demo_case.closed, True, filed, timeline
        )
        draft.parties = demo_parties(demo_case, self.parties, self.demo_accounts)
        draft.demo = True
        return draft

    # -- writing ------------------------------------------------------------------------------

    def _year(self, moment: int) -> int:
        day = self.calendar.day_of(moment)
        year = self._year_of_day.get(day)
        if year is None:
            year = self._year_of_day[day] = date.fromordinal(day).year
        return year

    def _write_court(self, court: CourtInfo, drafts: list[Draft], instance: str) -> None:
        """Number the court's registered drafts in registration order and write them all."""
        registered = sorted(
            (d for d in drafts if d.timeline.registered is not None),
            key=lambda d: (d.timeline.registered, d.filed),
        )
        unregistered = [d for d in drafts if d.timeline.registered is None]
        for draft in registered:
            assert draft.timeline.registered is not None
            key = (court.id, self._year(draft.timeline.registered))
            sequence = self.sequences.get(key, 0) + 1
            self.sequences[key] = sequence
            number = format_case_number(court.code, key[1], sequence)
            self._write_case(court, draft, instance, number)
            self._flush_if_full()
        for draft in unregistered:
            self._write_case(court, draft, instance, None)
        self._flush_if_full()
        self.progress.advance(len(drafts), note=court.code)

    def _flush_if_full(self) -> None:
        for table in (self.cases, self.participants, self.bench, self.events):
            table.flush_if_full()

    def _write_case(self, court: CourtInfo, d: Draft, instance: str, number: str | None) -> None:
        rng = self.rng
        text = self.calendar.text
        timeline = d.timeline
        case_id = self.next["case"]
        self.next["case"] = case_id + 1
        if not d.matter:
            d.matter = uuid.UUID(int=rng.getrandbits(128), version=4).hex
        if d.parties is None:
            d.parties = self.parties.make(d.shape, court.region_id, d.electronic)
        clerks: Sequence[int | None] = self.roster.clerks.get(court.id) or NO_CLERK
        office = clerks[int(rng.random() * len(clerks))]
        accepted = any(event[0] == E.ACCEPTED for event in timeline.events)
        secretary = (
            clerks[int(rng.random() * len(clerks))]
            if accepted and rng.random() < P_HEARING_SECRETARY
            else None
        )
        self.cases.append(
            (
                case_id,
                number,
                court.id,
                d.category,
                instance,
                d.subject,
                d.article,
                d.claim,
                timeline.status,
                timeline.before_suspension,
                d.closed,
                d.electronic,
                text(d.filed),
                text(timeline.registered) if timeline.registered else None,
                text(timeline.decided) if timeline.decided else None,
                d.matter,
                d.lower_id,
                secretary,
            )
        )
        self.counts[instance] += 1
        # Participants, with their ids resolved for representation.
        pid = self.next["participant"]
        filer = None
        for index, (role, kind, user_id, name, iin, bin_, represents) in enumerate(d.parties):
            self.participants.append(
                (
                    pid + index,
                    case_id,
                    role,
                    kind,
                    user_id,
                    name,
                    iin,
                    bin_,
                    pid + represents if represents >= 0 else None,
                )
            )
            if filer is None and user_id is not None and index == 0:
                filer = user_id
        self.next["participant"] = pid + len(d.parties)
        # The event log: filed, registered, the bench, then the lifecycle.
        eid = self.next["event"]
        add_event = self.events.append
        filed_payload = (
            f'{{"lower_case": {d.lower_id}}}'
            if d.lower_id
            else f'{{"court": {json.dumps(court.code)}}}'
        )
        add_event(
            (eid, case_id, E.FILED, text(d.filed), filer if d.electronic else office, filed_payload)
        )
        eid += 1
        judge_user = None
        for kind, moment, before, after in timeline.events:
            if kind == E.REGISTERED:
                payload = f'{{"from": "{before}", "to": "{after}", "number": {json.dumps(number)}}}'
                add_event((eid, case_id, kind, text(moment), office, payload))
                eid += 1
                eid, judge_user = self._seat_bench(court, d, instance, case_id, moment, eid)
                continue
            if kind in BENCH_EVENTS:
                actor = judge_user
            elif kind in HEARING_EVENTS:
                actor = secretary or judge_user
            else:
                actor = office
            add_event((eid, case_id, kind, text(moment), actor, transition_payload(before, after)))
            eid += 1
        self.next["event"] = eid
        higher = timeline.higher
        if higher is not None and timeline.higher_filed is not None:
            target = (
                self.court_map.appeal_court.get(court.id)
                if instance == Instance.FIRST
                else self.court_map.supreme_id
            )
            if target is not None:
                self.pending[target].append(
                    Draft(
                        d.category,
                        d.subject,
                        d.article,
                        d.claim,
                        d.closed,
                        d.electronic,
                        timeline.higher_filed,
                        higher,
                        parties=d.parties,
                        lower_id=case_id,
                        matter=d.matter,
                        demo=d.demo,
                    )
                )

    def _seat_bench(
        self, court: CourtInfo, d: Draft, instance: str, case_id: int, registered: int, eid: int
    ) -> tuple[int, int | None]:
        """Assign the bench right after registration; returns the next event id and the
        presiding judge's user."""
        rng = self.rng
        day = self.calendar.day_of(registered)
        if instance == Instance.FIRST:
            if d.demo and self.roster.demo_judge is not None and court.id == self.demo_court:
                judges = [self.roster.demo_judge]
            else:
                judges = [self.roster.presiding(rng, court.id, d.category, day)]
            roles: tuple[BenchRole, ...] = (BenchRole.PRESIDING,)
        else:
            judges = self.roster.panel(rng, court.id, d.category, day)
            roles = (BenchRole.PRESIDING, BenchRole.RAPPORTEUR, BenchRole.MEMBER)
        assigned = registered + 60 + int(rng.random() * 1740)
        at = self.calendar.text(assigned)
        bid = self.next["bench"]
        for judge, role in zip(judges, roles, strict=False):
            self.bench.append((bid, case_id, judge, role, at))
            bid += 1
            payload = f'{{"judge": {judge}, "role": "{role}"}}'
            self.events.append((eid, case_id, E.JUDGE_ASSIGNED, at, None, payload))
            eid += 1
        self.next["bench"] = bid
        return eid, self.roster.judge_user.get(judges[0])

    # -- the whole run ------------------------------------------------------------------------

    def run(self, counts: dict[int, dict[str, int]]) -> None:
        for court in self.court_map.courts:
            court_counts = counts.get(court.id, {})
            has_demo = any(self._demo_court_for(c.category) == court.id for c in self.demo_cases)
            if not court_counts and not has_demo:
                continue
            drafts = self._court_drafts(court, court_counts)
            self._write_court(court, drafts, Instance.FIRST)
        self._write_higher(Instance.APPEAL)
        self._write_higher(Instance.CASSATION)
        sequences = self.writer.table(CaseNumberSequence, ("id", "court_id", "year", "last"))
        sid = next_id(CaseNumberSequence)
        for (court_id, year), last in sorted(self.sequences.items()):
            sequences.add((sid, court_id, year, last))
            sid += 1

    def _write_higher(self, instance: str) -> None:
        queue = self.pending
        self.pending = defaultdict(list)
        for court in self.court_map.courts:
            drafts = queue.pop(court.id, [])
            if drafts:
                self._write_court(court, drafts, instance)


def period_first_day(as_of: date, years: int) -> date:
    """The first day of the ``years`` years that end the day before ``as_of``."""
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - years, day=28) + timedelta(days=1)
