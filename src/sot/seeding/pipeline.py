"""One seeding run: accounts, bench, parties, cases, in a single transaction.

The same seed, scale, years and as-of date give the same rows, ids included: every random draw
comes from one ``random.Random(seed)`` in a fixed order, and ids continue from the tables' current
maxima (1 on an empty database).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TextIO

from django.db import connection, transaction

from sot.accounts.roles import Role
from sot.cases.models import Case
from sot.courts.models import Judge

from . import indexes
from .cases import CaseGenerator, period_first_day
from .courts import CourtMap, cases_by_court, courts_load
from .demo import DEMO_ACCOUNTS, DEMO_CASES, DEMO_PASSWORD, demo_person
from .judges import Roster, bench_seed
from .names import state_body_names
from .parties import PartySource
from .people import IdentityRegister, Person, population_make
from .progress import Progress
from .reset import seeded_data_delete
from .scale import Scale
from .timeline import P_CASSATION, PROFILES
from .users import Account, UserRows, seeded_users
from .workdays import WorkCalendar
from .writers import BulkWriter, sequences_reset


class SeedError(Exception):
    """The database is not in a state the seeder may write to."""


@dataclass
class SeedReport:
    scale: str
    years: int
    seed: int
    first_day: date
    as_of: date
    rows: dict[str, int] = field(default_factory=dict)
    cases_by_instance: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    demo_accounts: dict[str, str] = field(default_factory=dict)  # role → username


def database_has_seed_data() -> bool:
    return Case.objects.exists() or Judge.objects.exists() or bool(seeded_users())


def _demo_court(court_map: CourtMap, counts: dict[int, dict[str, int]]) -> int | None:
    """The busiest first-instance court hearing both civil and criminal cases (first by code)."""
    both = [
        court
        for court in court_map.courts
        if counts.get(court.id, {}).get("civil") and counts.get(court.id, {}).get("criminal")
    ]
    if both:
        return max(both, key=lambda c: counts[c.id]["civil"] + counts[c.id]["criminal"]).id
    civil = court_map.first_instance("civil")
    return civil[0].id if civil else None


def seed(
    *,
    scale: Scale,
    years: int = 1,
    seed_value: int = 1,
    as_of: date,
    reset: bool = False,
    stream: TextIO | None = None,
    defer_indexes: bool | None = None,
) -> SeedReport:
    stream = stream if stream is not None else sys.stderr
    started = time.monotonic()
    if years < 1:
        raise SeedError("--years must be at least 1")
    court_map = courts_load()
    if not any(court_map.first_instance(c) for c in PROFILES):
        raise SeedError("No courts hear first-instance cases: run `sot migrate` first.")
    replace = database_has_seed_data()
    if replace and not reset:
        raise SeedError(
            "The database already has cases, judges or seeded accounts; pass --reset to replace them."
        )
    rng = random.Random(seed_value)
    first_day = period_first_day(as_of, years)
    report = SeedReport(scale.name, years, seed_value, first_day, as_of)
    totals = {category: n * years for category, n in scale.cases_per_year.items()}
    counts = cases_by_court(rng, court_map, totals)
    demo_court = _demo_court(court_map, counts)
    calendar = WorkCalendar(first_day - timedelta(days=30), as_of + timedelta(days=3 * 365))
    first_instance = sum(sum(c.values()) for c in counts.values())
    # About 70% of the appeals a year's decisions give are filed within the seeded period.
    expected = first_instance + sum(
        n * PROFILES[cat].p_appeal * (1 + P_CASSATION) * 0.7
        for c in counts.values()
        for cat, n in c.items()
    )
    writer = BulkWriter()
    # One transaction: a failed run (or Ctrl-C) leaves the database as it was, old data included.
    with transaction.atomic():
        if replace:
            stream.write("removing the previous seeded data…\n")
            seeded_data_delete()
        deferred = indexes.defer(defer_indexes, stream)
        register = IdentityRegister(rng)
        joined = calendar.text(
            calendar.moment((first_day - timedelta(days=400)).toordinal(), 9 * 3600)
        )
        users = UserRows(writer, rng, register, joined, as_of.toordinal())
        people = {
            role: demo_person(role, register, 1975 + i) for i, role in enumerate(DEMO_ACCOUNTS)
        }
        accounts = _demo_accounts(users, people)
        roster = bench_seed(
            rng=rng,
            writer=writer,
            users=users,
            court_map=court_map,
            counts=counts,
            scale=scale,
            today=as_of,
            demo_court=demo_court,
            demo_people={
                "judge": people[Role.JUDGE],
                "chair": people[Role.COURT_CHAIR],
                "clerk": people[Role.CLERK],
            },
            demo_password=DEMO_PASSWORD,
        )
        source = _party_source(rng, users, register, court_map, scale, as_of, accounts)
        stream.write(f"{users.count:,} accounts and {roster.judges:,} judges drafted\n")
        progress = Progress(f"seed {scale.name}", round(expected), unit="cases", stream=stream)
        generator = CaseGenerator(
            rng=rng,
            writer=writer,
            calendar=calendar,
            first_day=first_day,
            cutoff_day=as_of,
            court_map=court_map,
            roster=roster,
            parties=source,
            progress=progress,
            demo_court=demo_court,
            demo_cases=DEMO_CASES,
            demo_accounts=accounts,
        )
        generator.run(counts)
        writer.flush()
        progress.finish()
        indexes.restore(deferred, stream)
        sequences_reset(table.model for table in writer.tables)
    _statistics_refresh(writer.tables)
    report.rows = writer.counts()
    report.cases_by_instance = dict(generator.counts)
    report.demo_accounts = _demo_usernames(accounts, roster)
    report.seconds = time.monotonic() - started
    return report


def _statistics_refresh(tables: Iterable[Any]) -> None:
    """ANALYZE the loaded tables: until autovacuum gets to them the planner believes they are
    empty and picks nested loops over a million rows (the first benchmark after a seed ran 2x slow)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table.name)}")


def _demo_accounts(users: UserRows, people: Mapping[Role, Person]) -> dict[str, Account]:
    """The demo accounts outside the court staff (those come with the bench)."""
    accounts: dict[str, Account] = {}
    for role, (username, *_rest) in DEMO_ACCOUNTS.items():
        if role in (Role.JUDGE, Role.COURT_CHAIR, Role.CLERK):
            continue
        is_admin = role == Role.ADMINISTRATOR
        accounts[str(role)] = users.add(
            username=username,
            person=people[role],
            roles=(role,),
            password=DEMO_PASSWORD,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
    return accounts


def _demo_usernames(accounts: dict[str, Account], roster: Roster) -> dict[str, str]:
    names = {role: account.username for role, account in accounts.items()}
    keys = {"judge": Role.JUDGE, "chair": Role.COURT_CHAIR, "clerk": Role.CLERK}
    for key, role in keys.items():
        if key in roster.accounts:
            names[str(role)] = roster.accounts[key].username
    return names


def _party_source(
    rng: random.Random,
    users: UserRows,
    register: IdentityRegister,
    court_map: CourtMap,
    scale: Scale,
    as_of: date,
    accounts: dict[str, Account],
) -> PartySource:
    """Lawyers, prosecutors, citizens and the other roles' accounts; the pools of parties."""
    regions: list[int | None] = list(dict.fromkeys(c.region_id for c in court_map.courts))
    region_names = {c.region_id: c.region_name for c in court_map.courts}
    source = PartySource(
        rng, population_make(rng, register, as_of, scale.people, scale.organisations)
    )
    for i in range(scale.lawyers):
        account = users.add(
            username=f"lawyer.{i + 1:05d}", person=users.person(), roles=(Role.LAWYER,)
        )
        source.lawyers.setdefault(regions[i % len(regions)], []).append(account)
        source.all_lawyers.append(account)
    for i in range(scale.prosecutors):
        account = users.add(
            username=f"prosecutor.{i + 1:05d}", person=users.person(), roles=(Role.PROSECUTOR,)
        )
        source.prosecutors.setdefault(regions[i % len(regions)], []).append(account)
        source.all_prosecutors.append(account)
    for i in range(scale.citizens):
        person = users.person(oldest=80, youngest=18)
        source.citizens.append(
            users.add(username=f"citizen.{i + 1:06d}", person=person, roles=(Role.CITIZEN,))
        )
    for count, prefix, role in (
        (scale.analysts, "analyst", Role.ANALYST),
        (scale.council_members, "council", Role.COUNCIL_MEMBER),
        (scale.council_secretaries, "secretary", Role.COUNCIL_SECRETARY),
    ):
        for i in range(count):
            users.add(username=f"{prefix}.{i + 1:04d}", person=users.person(), roles=(role,))
    for i in range(scale.administrators):
        users.add(
            username=f"admin.{i + 1:04d}",
            person=users.person(),
            roles=(Role.ADMINISTRATOR,),
            is_staff=True,
        )
    # The demo citizen, lawyer and prosecutor also turn up in random cases.
    source.citizens.append(accounts["citizen"])
    source.all_lawyers.append(accounts["lawyer"])
    source.all_prosecutors.append(accounts["prosecutor"])
    for region_id in regions:
        source.state_bodies[region_id] = [
            (name, register.bin(date(as_of.year - 20, 1 + i, 1), 4))
            for i, name in enumerate(state_body_names(region_names.get(region_id) or "Қазақстан"))
        ]
    return source
