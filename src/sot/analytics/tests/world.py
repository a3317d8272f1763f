"""A small, varied court world built through the real models, for recount tests and the demo test.

Two regions, three courts, four judges; cases filed over eighteen months with registrations,
assignments and reassignments, suspensions, decisions, appeals, hearings (late, by video,
postponed for justified and unjustified reasons) and recorded deadline violations.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import (
    BenchRole,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseJudge,
    CaseStatus,
)
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Judge, Region
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.deadlines.models import Violation, ViolationKind
from sot.hearings.models import (
    Courtroom,
    Hearing,
    HearingEvent,
    HearingEventKind,
    HearingFormat,
    HearingStatus,
    Postponement,
    PostponementReason,
)

from ..aggregation import KZ

START = dt.datetime(2025, 1, 6, 10, 0, tzinfo=KZ)


@dataclass
class World:
    regions: list[Region]
    courts: list[Court]
    judges: list[Judge]
    chair: User
    analyst: User
    cases: list[Case] = field(default_factory=list)


def build_world(*, seed: int = 7) -> World:
    region_a, region_b = RegionFactory(), RegionFactory()
    court_a1 = CourtFactory(region=region_a)
    court_a2 = CourtFactory(region=region_a)
    court_b = CourtFactory(region=region_b)
    judges: list[Judge] = [
        JudgeFactory(court=court_a1),
        JudgeFactory(court=court_a1),
        JudgeFactory(court=court_a2),
        JudgeFactory(court=court_b),
    ]
    chair_user = UserFactory(roles=[Role.COURT_CHAIR, Role.JUDGE])
    JudgeFactory(court=court_a1, user=chair_user)
    analyst = UserFactory(roles=[Role.ANALYST])
    world = World([region_a, region_b], [court_a1, court_a2, court_b], judges, chair_user, analyst)
    add_cases(world, count=60, seed=seed)
    return world


def _event(
    case: Case, kind: str, at: dt.datetime, payload: dict[str, object] | None = None
) -> None:
    CaseEvent.objects.create(case=case, kind=kind, at=at, payload=payload or {})


def add_cases(world: World, *, count: int, seed: int, start: dt.datetime = START) -> list[Case]:
    """Add ``count`` cases with their whole history so far; returns them."""
    rng = random.Random(seed)
    clerk = UserFactory(roles=[Role.CLERK])
    justified, _ = PostponementReason.objects.get_or_create(
        code="analytics-test-justified",
        defaults={"name_kk": "a", "name_ru": "a", "name_en": "a", "is_justified": True},
    )
    unjustified, _ = PostponementReason.objects.get_or_create(
        code="analytics-test-unjustified",
        defaults={"name_kk": "b", "name_ru": "b", "name_en": "b", "is_justified": False},
    )
    made = []
    for _n in range(count):
        judge = rng.choice(world.judges)
        court = judge.court
        filed = start + dt.timedelta(days=rng.randint(0, 540), hours=rng.randint(0, 8))
        category = rng.choice([CaseCategory.CIVIL, CaseCategory.CRIMINAL])
        instance = rng.choice([Instance.FIRST, Instance.FIRST, Instance.APPEAL])
        case = Case.objects.create(
            court=court,
            category=category,
            instance=instance,
            filed_at=filed,
            is_electronic=rng.random() < 0.8,
            status=CaseStatus.FILED,
        )
        _event(case, CaseEventKind.FILED, filed)
        made.append(case)
        if rng.random() < 0.1:
            continue  # still waiting for registration
        registered = filed + dt.timedelta(days=rng.randint(1, 5))
        case.registered_at = registered
        case.status = CaseStatus.REGISTERED
        _event(case, CaseEventKind.REGISTERED, registered)
        assigned = registered + dt.timedelta(hours=2)
        CaseJudge.objects.create(case=case, judge=judge, role=BenchRole.PRESIDING)
        _event(
            case, CaseEventKind.JUDGE_ASSIGNED, assigned, {"judge": judge.pk, "role": "presiding"}
        )
        moment = assigned
        if rng.random() < 0.15:
            others = [j for j in world.judges if j.court_id == court.pk and j.pk != judge.pk]
            if others:
                new = others[0]
                moment += dt.timedelta(days=3)
                CaseJudge.objects.filter(case=case).update(judge=new)
                _event(
                    case,
                    CaseEventKind.JUDGE_REASSIGNED,
                    moment,
                    {"judge": new.pk, "role": "presiding"},
                )
                judge = new
        if rng.random() < 0.3:
            moment += dt.timedelta(days=rng.randint(5, 40))
            _event(case, CaseEventKind.SUSPENDED, moment)
            if rng.random() < 0.6:
                moment += dt.timedelta(days=rng.randint(10, 90))
                _event(case, CaseEventKind.RESUMED, moment)
            else:
                case.status = CaseStatus.SUSPENDED
                case.save()
                _add_violations(case, rng, moment)
                continue
        _add_hearing(
            case, judge, clerk, rng, moment + dt.timedelta(days=10), justified, unjustified
        )
        if rng.random() < 0.7:
            decided = moment + dt.timedelta(days=rng.randint(20, 200))
            case.decided_at = decided
            case.status = CaseStatus.DECIDED
            _event(case, CaseEventKind.DECIDED, decided)
            if rng.random() < 0.3:
                _event(case, CaseEventKind.APPEALED, decided + dt.timedelta(days=20))
        case.save()
        _add_violations(case, rng, moment)
    world.cases.extend(made)
    return made


def _add_violations(case: Case, rng: random.Random, moment: dt.datetime) -> None:
    for kind in ViolationKind.values:
        if rng.random() < 0.15:
            Violation.objects.create(
                kind=kind,
                source=f"test:{case.pk}:{kind}",
                case=case,
                court=case.court,
                due_at=moment,
                detected_at=moment + dt.timedelta(days=rng.randint(1, 30)),
                delay=dt.timedelta(days=rng.randint(1, 30)),
            )


def _add_hearing(
    case: Case,
    judge: Judge,
    clerk: User,
    rng: random.Random,
    at: dt.datetime,
    justified: PostponementReason,
    unjustified: PostponementReason,
) -> None:
    room, _ = Courtroom.objects.get_or_create(court=case.court, number="1")
    video = rng.random() < 0.4
    hearing = Hearing.objects.create(
        case=case,
        courtroom=room,
        judge=judge,
        starts_at=at,
        ends_at=at + dt.timedelta(hours=1),
        format=HearingFormat.VIDEO if video else HearingFormat.IN_PERSON,
        created_by=clerk,
    )
    if rng.random() < 0.3:
        later = Hearing.objects.create(
            case=case,
            courtroom=room,
            judge=judge,
            starts_at=at + dt.timedelta(days=7),
            ends_at=at + dt.timedelta(days=7, hours=1),
            created_by=clerk,
            postponed_from=hearing,
        )
        hearing.status = HearingStatus.POSTPONED
        hearing.save()
        reason = justified if rng.random() < 0.5 else unjustified
        Postponement.objects.create(
            hearing=hearing, reason=reason, new_hearing=later, decided_by=clerk, at=at
        )
        HearingEvent.objects.create(
            case=case, hearing=hearing, kind=HearingEventKind.POSTPONED, at=at
        )
        hearing = later
        at = later.starts_at
    late = rng.random() < 0.2
    hearing.status = HearingStatus.HELD
    hearing.actual_start = at + dt.timedelta(minutes=40 if late else 0)
    hearing.save()
    HearingEvent.objects.create(
        case=case,
        hearing=hearing,
        kind=HearingEventKind.STARTED_LATE if late else HearingEventKind.STARTED,
        at=hearing.actual_start,
    )
