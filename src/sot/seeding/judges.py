"""The bench: judges spread over the courts by load, with specialisations and status history.

About 2,500 judges: 2.2% sit in the Supreme Court, a fifth in the appeal-level courts, the rest
in the district-level courts, each tier shared out by the expected workload (a criminal case
weighs more than an offence). Every court hears each of its categories with at least one judge at
first instance and three (a panel) on appeal and in cassation. The first judge of each court is
its chair: always active, specialised in everything the court hears, with both the judge and the
court chair roles. A few judges are on leave, suspended or retired; their status history is in
``JudgeStatusPeriod`` and they are given no cases while away.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sot.accounts.roles import Role
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Judge, JudgeSpecialisation, JudgeStatus, JudgeStatusPeriod

from .courts import CourtMap, apportion
from .people import Person
from .scale import Scale
from .timeline import P_CASSATION, PROFILES
from .users import Account, UserRows
from .writers import BulkWriter, next_id

EFFORT: dict[str, float] = {
    CaseCategory.CIVIL: 1.0,
    CaseCategory.ADMINISTRATIVE: 1.6,
    CaseCategory.ADMINISTRATIVE_OFFENCE: 0.35,
    CaseCategory.CRIMINAL: 2.2,
}
SUPREME_SHARE = 0.022
APPEAL_SHARE = 0.20
DEMO_JUDGE_WEIGHT = 6
FOREVER = 10**9


@dataclass
class Roster:
    # (court id, category) → judge ids to draw from (the demo judge appears several times).
    picks: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    judge_user: dict[int, int] = field(default_factory=dict)
    chair: dict[int, int] = field(default_factory=dict)  # court id → chair's judge id
    clerks: dict[int, list[int]] = field(default_factory=dict)  # court id → clerk user ids
    away: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # judge → [from, to)
    demo_judge: int | None = None
    demo_chair: int | None = None
    demo_clerk: int | None = None
    accounts: dict[str, Account] = field(default_factory=dict)
    judges: int = 0

    def is_available(self, judge_id: int, day: int) -> bool:
        periods = self.away.get(judge_id)
        return not periods or all(not (start <= day < end) for start, end in periods)

    def presiding(self, rng: random.Random, court_id: int, category: str, day: int) -> int:
        """A judge of the court specialised in the category and not away on ``day``."""
        pool = self.picks.get((court_id, category)) or [self.chair[court_id]]
        for _ in range(8):
            judge = pool[int(rng.random() * len(pool))]
            if self.is_available(judge, day):
                return judge
        return self.chair[court_id]

    def panel(self, rng: random.Random, court_id: int, category: str, day: int) -> list[int]:
        """Three distinct judges (fewer only if the court has fewer), the first presiding."""
        pool = list(dict.fromkeys(self.picks.get((court_id, category)) or []))
        available = [j for j in pool if self.is_available(j, day)] or pool
        if len(available) < 3:
            extra = [j for j in pool if j not in available]
            available += extra[: 3 - len(available)]
        if not available:
            return [self.chair[court_id]]
        return rng.sample(available, min(3, len(available)))


def _loads(court_map: CourtMap, counts: dict[int, dict[str, int]]) -> dict[int, dict[str, float]]:
    """Expected cases per court and category: first instance, appeals and cassations."""
    loads: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for court_id, by_category in counts.items():
        for category, n in by_category.items():
            loads[court_id][category] += n
            appeal_court = court_map.appeal_court.get(court_id)
            if appeal_court is not None:
                appeals = n * PROFILES[category].p_appeal
                loads[appeal_court][category] += appeals
                if court_map.supreme_id is not None:
                    loads[court_map.supreme_id][category] += appeals * P_CASSATION
    return loads


def _categories(court_map: CourtMap, court_id: int, loads: dict[str, float]) -> list[str]:
    court = court_map.by_id[court_id]
    heard = {category for _, category in court.competences}
    return [c for c in CaseCategory.values if c in heard or loads.get(c, 0) > 0]


def _judge_counts(
    court_map: CourtMap, loads: dict[int, dict[str, float]], total: int, demo_court: int | None
) -> dict[int, int]:
    tiers: dict[str, list[int]] = defaultdict(list)
    for court in court_map.courts:
        if not _categories(court_map, court.id, loads.get(court.id, {})):
            continue
        if court.id == court_map.supreme_id:
            tiers["supreme"].append(court.id)
        elif any(instance == Instance.FIRST for instance, _ in court.competences):
            tiers["first"].append(court.id)
        else:
            tiers["appeal"].append(court.id)
    supreme = round(total * SUPREME_SHARE)
    appeal = round(total * APPEAL_SHARE)
    budget = {"supreme": supreme, "appeal": appeal, "first": max(total - supreme - appeal, 0)}
    counts: dict[int, int] = {}
    for tier, court_ids in tiers.items():
        weights = [
            sum(EFFORT[c] * n for c, n in loads.get(court_id, {}).items()) + 1e-6
            for court_id in court_ids
        ]
        minimum = 1 if tier == "first" else 3
        for court_id, n in zip(court_ids, apportion(budget[tier], weights), strict=True):
            counts[court_id] = max(n, minimum, 3 if court_id == demo_court else 0)
    return counts


def _specialisations(
    rng: random.Random, categories: list[str], loads: dict[str, float], n: int, need: int
) -> list[list[str]]:
    """Categories per judge of one court; judge 0 (the chair) takes all of them."""
    weights = [EFFORT[c] * loads.get(c, 0) + 1e-3 for c in categories]
    primary: list[str] = []
    for category, count in zip(categories, apportion(n, weights), strict=True):
        primary += [category] * count
    specs = [[category] for category in primary]
    specs[0] = list(categories)
    for category in categories:
        holders = sum(1 for s in specs if category in s)
        for judge_specs in sorted(specs, key=len):
            if holders >= min(need, n):
                break
            if category not in judge_specs:
                judge_specs.append(category)
                holders += 1
    for judge_specs in specs[1:]:
        if len(categories) > 1 and rng.random() < 0.15:
            extra = rng.choice(categories)
            if extra not in judge_specs:
                judge_specs.append(extra)
    return specs


def _status_history(
    rng: random.Random, appointed: date, today: date, pinned: bool
) -> list[tuple[str, date, date | None]]:
    """(status, from, until) periods; the last one is open."""
    roll = 0.5 if pinned else rng.random()  # 0.5: always active, no past leave
    periods: list[tuple[str, date, date | None]] = []
    start = appointed
    if roll < 0.12 or (roll > 0.96 and rng.random() < 0.5):
        # A past leave within the last two years (maternity, study, illness).
        leave = today - timedelta(days=rng.randrange(120, 700))
        if leave > start:
            back = leave + timedelta(days=rng.randrange(20, 110))
            periods += [(JudgeStatus.ACTIVE, start, leave), (JudgeStatus.ON_LEAVE, leave, back)]
            start = back
    current = JudgeStatus.ACTIVE
    if roll > 0.985:
        current = JudgeStatus.RETIRED
    elif roll > 0.98:
        current = JudgeStatus.SUSPENDED
    elif roll > 0.96:
        current = JudgeStatus.ON_LEAVE
    if current != JudgeStatus.ACTIVE:
        since = today - timedelta(days=rng.randrange(5, 90))
        if since > start:
            periods.append((JudgeStatus.ACTIVE, start, since))
            start = since
        else:
            current = JudgeStatus.ACTIVE
    periods.append((current, start, None))
    return periods


def bench_seed(
    *,
    rng: random.Random,
    writer: BulkWriter,
    users: UserRows,
    court_map: CourtMap,
    counts: dict[int, dict[str, int]],
    scale: Scale,
    today: date,
    demo_court: int | None,
    demo_people: dict[str, Person],
    demo_password: str,
) -> Roster:
    """Write judges (with users, specialisations, status periods) and court clerks."""
    loads = _loads(court_map, counts)
    judge_counts = _judge_counts(court_map, loads, scale.judges, demo_court)
    judges = writer.table(
        Judge, ("id", "user_id", "court_id", "status", "status_since", "appointed_on")
    )
    specs = writer.table(JudgeSpecialisation, ("id", "judge_id", "category"))
    periods = writer.table(JudgeStatusPeriod, ("id", "judge_id", "status", "starts_on", "ends_on"))
    judge_id, spec_id, period_id = (
        next_id(Judge),
        next_id(JudgeSpecialisation),
        next_id(JudgeStatusPeriod),
    )
    roster = Roster()
    judge_no = clerk_no = 0
    for court in court_map.courts:
        n = judge_counts.get(court.id, 0)
        if not n:
            continue
        court_loads = loads.get(court.id, {})
        categories = _categories(court_map, court.id, court_loads)
        first = any(instance == Instance.FIRST for instance, _ in court.competences)
        is_demo = court.id == demo_court
        for index, judge_specs in enumerate(
            _specialisations(rng, categories, court_loads, n, 1 if first else 3)
        ):
            roles: tuple[Role, ...] = (
                (Role.JUDGE, Role.COURT_CHAIR) if index == 0 else (Role.JUDGE,)
            )
            demo_role = (
                "chair" if is_demo and index == 0 else "judge" if is_demo and index == 1 else ""
            )
            person = demo_people[demo_role] if demo_role else users.person(oldest=68, youngest=32)
            judge_no += 1
            account = users.add(
                username=f"demo.{demo_role}" if demo_role else f"judge.{judge_no:05d}",
                person=person,
                roles=roles,
                password=demo_password if demo_role else None,
            )
            if demo_role:
                roster.accounts[demo_role] = account
                judge_specs = list(categories) if demo_role == "judge" else judge_specs
            earliest = max(person.born + timedelta(days=365 * 30), date(1994, 1, 1))
            span = max((today - timedelta(days=400) - earliest).days, 1)
            appointed = earliest + timedelta(days=rng.randrange(span))
            history = _status_history(rng, appointed, today, pinned=index == 0 or bool(demo_role))
            status, since, _ = history[-1]
            judges.add(
                (judge_id, account.id, court.id, status, since.isoformat(), appointed.isoformat())
            )
            for category in judge_specs:
                specs.add((spec_id, judge_id, category))
                spec_id += 1
                weight = DEMO_JUDGE_WEIGHT if demo_role == "judge" else 1
                roster.picks.setdefault((court.id, category), []).extend([judge_id] * weight)
            for period_status, starts, ends in history:
                periods.add(
                    (
                        period_id,
                        judge_id,
                        period_status,
                        starts.isoformat(),
                        ends.isoformat() if ends else None,
                    )
                )
                period_id += 1
                if period_status != JudgeStatus.ACTIVE:
                    end = ends.toordinal() if ends else FOREVER
                    roster.away.setdefault(judge_id, []).append((starts.toordinal(), end))
            roster.judge_user[judge_id] = account.id
            if index == 0:
                roster.chair[court.id] = judge_id
            if demo_role == "judge":
                roster.demo_judge = judge_id
            elif demo_role == "chair":
                roster.demo_chair = judge_id
            judge_id += 1
        roster.judges += n
        clerks = max(1, round(n * scale.clerks_per_judge))
        demo_clerk = demo_people["clerk"] if is_demo else None
        clerk_no = _clerks_seed(
            users, roster, court.id, clerks, clerk_no, demo_clerk, demo_password
        )
    return roster


def _clerks_seed(
    users: UserRows,
    roster: Roster,
    court_id: int,
    count: int,
    numbered: int,
    demo: Person | None,
    demo_password: str,
) -> int:
    """The court's clerks (``User.court`` set); the first is the demo clerk in the demo court.
    Returns how many numbered clerk accounts exist now."""
    for index in range(count):
        is_demo = demo is not None and index == 0
        if not is_demo:
            numbered += 1
        account = users.add(
            username="demo.clerk" if is_demo else f"clerk.{numbered:05d}",
            person=demo if is_demo and demo else users.person(oldest=60, youngest=22),
            roles=(Role.CLERK,),
            court_id=court_id,
            password=demo_password if is_demo else None,
        )
        roster.clerks.setdefault(court_id, []).append(account.id)
        if is_demo:
            roster.accounts["clerk"] = account
            roster.demo_clerk = account.id
    return numbered
