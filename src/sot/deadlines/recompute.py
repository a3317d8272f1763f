"""``sot deadlines recompute``: rebuild every clock from the case events.

The seeder writes events in bulk without the case event signal, and a changed rule or calendar
changes due dates: this replays every case's events through ``clocks.replay`` and replaces the
clock table in one transaction. On PostgreSQL the events come out of one query already joined,
dated in each court's zone and sorted (read in large batches through a server-side cursor), and
the clocks go back in with ``COPY``; elsewhere the ORM does the same work more slowly. Readers of
the clock table wait for the rebuild's commit (it truncates the table): run it off-hours.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db import connection, transaction

from sot.cases.models import Case, CaseEvent

from .calendars import Calendars
from .clocks import HIGHER, Clock, DueCache, RuleBook, replay
from .models import CaseClock, clock_source
from .services import local_day, recorded_breaches

# (case id, category, instance, court id), [(event kind, local day ordinal)] oldest first
CaseFacts = tuple[int, str, str, int]
CaseEvents = tuple[CaseFacts, list[tuple[str, int]]]
FETCH = 100_000  # rows per round trip of the server-side cursor


@dataclass(frozen=True)
class RecomputeResult:
    cases: int
    clocks: int
    running: int
    unknown_due: int  # periods that reach beyond the calendar's known years
    read_seconds: float  # streaming the events and replaying them
    write_seconds: float  # replacing the clock table


def clocks_recompute() -> RecomputeResult:
    """Replace every clock with the replay of its case's events; breaches stay recorded."""
    began = time.perf_counter()
    book = RuleBook.active()
    calendars = Calendars()
    recorded = recorded_breaches()
    with transaction.atomic():
        dues: dict[int, DueCache] = {}
        rows: list[tuple[int, int, int, Clock, bool]] = []
        case_count = 0
        stream = _events_postgres(book) if connection.vendor == "postgresql" else _events_orm(book)
        for (case_id, category, instance, court_id), events in stream:
            rules = book.for_case(category, instance)
            if not rules.rules:
                continue
            cache = dues.get(court_id)
            if cache is None:
                cache = dues[court_id] = _due_cache(calendars, court_id, dues)
            case_count += 1
            for clock in replay(rules, events, cache):
                breached = clock_source(case_id, clock.rule.code) in recorded
                rows.append((case_id, clock.rule.id, court_id, clock, breached))
        replayed = time.perf_counter()
        _replace(rows)
        written = time.perf_counter()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # A fresh table's visibility map is empty: without it "overdue today" cannot count from
        # the index alone (measured: 290 ms before, 40 ms after, for the country).
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {CaseClock._meta.db_table}")
        written = time.perf_counter()
    running = sum(1 for row in rows if row[3].state == "running")
    unknown = sum(1 for row in rows if row[3].due is None)
    return RecomputeResult(
        cases=case_count,
        clocks=len(rows),
        running=running,
        unknown_due=unknown,
        read_seconds=replayed - began,
        write_seconds=written - replayed,
    )


def _due_cache(calendars: Calendars, court_id: int, known: dict[int, DueCache]) -> DueCache:
    # Courts sharing a calendar share its cache of period ends.
    calendar = calendars.for_court(court_id)
    for cache in known.values():
        if cache.calendar is calendar:
            return cache
    return DueCache(calendar)


def _literal(text: str) -> str:
    # Kinds and categories come from the rules and the code's choices, never from a request.
    return "'" + text.replace("'", "''") + "'"


def events_query(book: RuleBook) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The SQL of every relevant event, and the codes it uses for kinds of case and of event.

    Rows are narrow (integer codes for the kind of case and the event, the local day as an
    ordinal) so that PostgreSQL sorts them in memory and psycopg decodes them in C. (A VALUES
    table of the wanted triples instead of the IN list misled the planner into a nested loop
    over the events index: 2x slower.)
    """
    groups = list(book.groups)
    kinds = sorted({kind for group in book.groups.values() for kind in group.kinds})
    zone = _literal(settings.TIME_ZONE)
    day = f"((e.at AT TIME ZONE coalesce(r.timezone, {zone}))::date - date '0001-01-01' + 1)"
    group_code = (
        "CASE "
        + " ".join(
            f"WHEN c.category = {_literal(cat)} AND c.instance = {_literal(inst)} THEN {index}"
            for index, (cat, inst) in enumerate(groups)
        )
        + " END"
    )
    branches = []
    for prefix, join in (
        ("", "JOIN cases_case c ON c.id = e.case_id"),
        (
            HIGHER,
            "JOIN cases_case h ON h.id = e.case_id JOIN cases_case c ON c.id = h.lower_case_id",
        ),
    ):
        triples = [
            (cat, inst, kind[len(prefix) :])
            for (cat, inst), group in book.groups.items()
            for kind in sorted(group.kinds)
            if kind.startswith(HIGHER) == bool(prefix)
        ]
        if not triples:
            continue
        wanted = ", ".join(f"({_literal(c)}, {_literal(i)}, {_literal(k)})" for c, i, k in triples)
        kind_code = (
            "CASE e.kind "
            + " ".join(
                f"WHEN {_literal(kind[len(prefix) :])} THEN {index}"
                for index, kind in enumerate(kinds)
                if kind.startswith(HIGHER) == bool(prefix)
            )
            + " END"
        )
        branches.append(
            f"""SELECT c.id AS case_id, ({group_code})::int2 AS grp, c.court_id AS court_id,
                   ({kind_code})::int2 AS kind, {day}::int4 AS day, e.at AS at, e.id AS event_id
            FROM cases_caseevent e {join}
            JOIN courts_court ct ON ct.id = c.court_id
            LEFT JOIN courts_region r ON r.id = ct.region_id
            WHERE (c.category, c.instance, e.kind) IN ({wanted})"""  # noqa: S608 - quoted literals
        )
    if not branches:
        return "", groups, kinds
    union = " UNION ALL ".join(branches)
    query = f"SELECT case_id::int8, grp, court_id::int8, kind, day FROM ({union}) t"  # noqa: S608
    query += " ORDER BY case_id, at, event_id"
    return query, groups, kinds


def _events_postgres(book: RuleBook) -> Iterator[CaseEvents]:
    """The relevant events of every case, sorted and dated in the court's zone."""
    query, groups, kinds = events_query(book)
    if not query:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '512MB'")
        # One long scan: compiling it to machine code costs more than it saves (~2 s measured).
        cursor.execute("SET LOCAL jit = off")
        # A server-side cursor read in large batches: psycopg decodes each batch in C.
        raw = cursor.connection.cursor(name="deadlines_recompute", binary=True)
        raw.itersize = FETCH
        raw.execute(query)
        current = -1
        facts: CaseFacts = (0, "", "", 0)
        events: list[tuple[str, int]] = []
        while batch := raw.fetchmany(FETCH):
            for case_id, grp, court_id, kind, local in batch:
                if case_id != current:
                    if events:
                        yield facts, events
                    current = case_id
                    category, instance = groups[grp]
                    facts = (case_id, category, instance, court_id)
                    events = []
                events.append((kinds[kind], local))
        raw.close()
        if events:
            yield facts, events


def _events_orm(book: RuleBook) -> Iterator[CaseEvents]:
    """The same stream through the ORM (SQLite and small databases)."""
    facts: dict[int, tuple[str, str, int, str]] = {
        pk: (category, instance, court_id, zone or settings.TIME_ZONE)
        for pk, category, instance, court_id, zone in Case.objects.values_list(
            "pk", "category", "instance", "court_id", "court__region__timezone"
        ).iterator(chunk_size=20_000)
    }
    lower = dict(Case.objects.filter(lower_case__isnull=False).values_list("pk", "lower_case_id"))
    timeline: list[tuple[int, datetime, int, str]] = []
    own = CaseEvent.objects.filter(kind__in=book.own_kinds)
    for case_id, kind, at, pk in own.values_list("case_id", "kind", "at", "pk"):
        timeline.append((case_id, at, pk, kind))
    higher = CaseEvent.objects.filter(kind__in=book.higher_kinds, case__lower_case__isnull=False)
    for case_id, kind, at, pk in higher.values_list("case_id", "kind", "at", "pk"):
        timeline.append((lower[case_id], at, pk, HIGHER + kind))
    timeline.sort(key=lambda row: (row[0], row[1], row[2]))
    for case_id, group in groupby(timeline, key=itemgetter(0)):
        category, instance, court_id, zone = facts[case_id]
        yield (
            (case_id, category, instance, court_id),
            [(kind, local_day(at, zone)) for _, at, _, kind in group],
        )


def _day(day: int | None) -> date | None:
    return date.fromordinal(day) if day is not None else None


def _replace(rows: list[tuple[int, int, int, Clock, bool]]) -> None:
    if connection.vendor == "postgresql":
        _replace_postgres(rows)
        return
    CaseClock.objects.all().delete()
    CaseClock.objects.bulk_create(
        (
            CaseClock(
                case_id=case_id,
                rule_id=rule_id,
                court_id=court_id,
                state=clock.state,
                started_on=date.fromordinal(clock.started),
                base_due=_day(clock.base_due),
                due=_day(clock.due),
                paused_since=_day(clock.paused_since),
                paused_days=clock.paused_days,
                stopped_on=_day(clock.stopped),
                breach_recorded=breached,
            )
            for case_id, rule_id, court_id, clock, breached in rows
        ),
        batch_size=5_000,
    )


def _replace_postgres(rows: list[tuple[int, int, int, Clock, bool]]) -> None:
    table = CaseClock._meta.db_table
    columns = (
        "case_id, rule_id, court_id, state, started_on, base_due, due, paused_since, "
        "paused_days, stopped_on, breach_recorded"
    )
    texts: dict[int | None, str] = {None: r"\N"}

    def text(day: int | None) -> str:
        found = texts.get(day)
        if found is None:
            found = texts[day] = date.fromordinal(day).isoformat()  # type: ignore[arg-type]
        return found

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        # Secondary indexes are built once after the load (a sorted build), not row by row.
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')",
            [table],
        )
        indexes = cursor.fetchall()
        unique = [
            name
            for (name,) in cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'u'",
                [table],
            ).fetchall()
        ]
        for name in unique:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        raw = cursor.connection.cursor()
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            buffer = io.StringIO()
            for index, (case_id, rule_id, court_id, clock, breached) in enumerate(rows):
                buffer.write(
                    f"{case_id}\t{rule_id}\t{court_id}\t{clock.state}\t{text(clock.started)}\t"
                    f"{text(clock.base_due)}\t{text(clock.due)}\t{text(clock.paused_since)}\t"
                    f"{clock.paused_days}\t{text(clock.stopped)}\t{'t' if breached else 'f'}\n"
                )
                if index % 50_000 == 49_999:
                    copy.write(buffer.getvalue())
                    buffer = io.StringIO()
            copy.write(buffer.getvalue())
        for name, definition in indexes:
            if name in unique:
                column_list = definition[definition.index("(") :]
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" UNIQUE {column_list}')
            else:
                cursor.execute(definition)
        if connection.in_atomic_block and len(connection.atomic_blocks) > 1:
            # Inside a caller's transaction there is no VACUUM afterwards: statistics now.
            cursor.execute(f"ANALYZE {table}")
