"""Demo hearings: courtrooms for the demo court and upcoming hearings of the demo judge's cases.

Everything goes through the services, as a clerk would do it, so the demo shows real case events,
a video room, a justified and an unjustified postponement (the latter a violation in the
Situational Center). Runs once: a court that already has hearings is left alone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sot.accounts.models import User
from sot.cases.models import Case, CaseStatus
from sot.core import clock
from sot.courts.models import Judge

from .models import Courtroom, Hearing, HearingFormat, PostponementReason
from .services import hearing_postpone, hearing_schedule

DEMO_ROOMS = (
    ("1", "Бірінші зал", "Первый зал", "Hall one", True),
    ("2", "Екінші зал", "Второй зал", "Hall two", True),
    ("3", "Үшінші зал", "Третий зал", "Hall three", False),
)
SLOTS = (time(10, 0), time(11, 30), time(15, 0))


def _working_days(start: date, count: int) -> list[date]:
    days: list[date] = []
    day = start
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def demo_seed() -> int:
    """Give the demo court courtrooms and the demo judge's cases hearings; returns hearings made."""
    judge = (
        Judge.objects.select_related("court__region").filter(user__username="demo.judge").first()
    )
    clerk = User.objects.filter(username="demo.clerk").first()
    if judge is None or clerk is None:
        return 0
    court = judge.court
    for number, kk, ru, en, has_video in DEMO_ROOMS:
        Courtroom.objects.get_or_create(
            court=court,
            number=number,
            defaults={"name_kk": kk, "name_ru": ru, "name_en": en, "has_video": has_video},
        )
    if Hearing.objects.filter(case__court=court).exists():
        return 0
    zone = ZoneInfo(court.timezone)
    rooms = list(Courtroom.objects.filter(court=court, has_video=True).order_by("number"))
    cases = list(
        Case.objects.filter(
            court=court,
            bench__judge=judge,
            status__in=[CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD],
        ).order_by("filed_at", "pk")[:6]
    )
    days = _working_days(clock.today(), 8)
    made: list[Hearing] = []
    for index, case in enumerate(cases):
        day = days[index // len(SLOTS)]
        starts_at = datetime.combine(day, SLOTS[index % len(SLOTS)], tzinfo=zone)
        made.append(
            hearing_schedule(
                case=case,
                courtroom=rooms[index % len(rooms)],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=1),
                hearing_format=HearingFormat.VIDEO if index == 1 else HearingFormat.IN_PERSON,
                summoned=list(case.participants.all()),
                acting_user=clerk,
            )
        )
    for hearing, code, day in zip(
        made[-2:], ("party_illness", "judge_busy"), days[-2:], strict=False
    ):
        starts_at = datetime.combine(day, hearing.starts_at.astimezone(zone).time(), tzinfo=zone)
        hearing_postpone(
            hearing=hearing,
            reason=PostponementReason.objects.get(code=code),
            new_starts_at=starts_at,
            new_ends_at=starts_at + timedelta(hours=1),
            acting_user=clerk,
        )
    return Hearing.objects.filter(case__court=court).count()
