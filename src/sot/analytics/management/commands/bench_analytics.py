"""``sot bench analytics``: time the Situational Center on the database it runs against.

Measures (issue 9): every indicator for random filters (p50/p95), the dashboard page, the
incremental update of the events of the last ~5,000 cases, and (``--rebuild``) the full rebuild.
The update is measured inside a transaction that is rolled back, so the figures stay correct.
"""

from __future__ import annotations

import random
import time
from argparse import ArgumentParser
from dataclasses import replace
from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Min
from django.test import Client, override_settings

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.analytics.models import Cursor
from sot.analytics.scope import JUDGE_LEVEL, Scope, add_months, month_start
from sot.analytics.selectors import indicator_values, load_values
from sot.analytics.services import analytics_rebuild, analytics_update
from sot.cases.models import Case, CaseEvent
from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Judge, Region
from sot.deadlines.models import Violation
from sot.hearings.models import HearingEvent


class Rollback(Exception):
    pass


def _user(role: Role, court: Court | None = None) -> User:
    user = User.objects.create(username=f"bench-analytics-{role}", court=court)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * q), len(ordered) - 1)] * 1000


class Command(BaseCommand):
    help = "Benchmark the Situational Center (indicators, dashboard, update, rebuild)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--samples", type=int, default=200)
        parser.add_argument("--pages", type=int, default=20)
        parser.add_argument("--cases", type=int, default=5_000, help="cases in the update batch")
        parser.add_argument("--rebuild", action="store_true", help="also time a full rebuild")
        parser.add_argument("--seed", type=int, default=1)

    def _say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def handle(self, *args: Any, **options: Any) -> None:
        self._say(
            f"cases {Case.objects.count():,}; events {CaseEvent.objects.count():,}; "
            f"{connection.vendor}"
        )
        if options["rebuild"] or not Cursor.objects.exists():
            started = time.monotonic()
            result = analytics_rebuild()
            self._say(
                f"full rebuild: {time.monotonic() - started:.1f} s "
                f"({result.facts_written:,} aggregate rows)"
            )
        rng = random.Random(options["seed"])  # noqa: S311  # reproducible sampling, not secrets
        self._indicators(options["samples"], rng)
        self._pages(options["pages"])
        self._update(options["cases"])

    def _random_scope(
        self, rng: random.Random, courts: list[Court], regions: list[Region], judges: list[Judge]
    ) -> Scope:
        this_month = month_start(clock.today())
        length = rng.choice([1, 3, 12, 12, 24, 60])
        end = add_months(this_month, -rng.randint(0, 11))
        scope = Scope(month_from=add_months(end, -(length - 1)), month_to=end)
        if rng.random() < 0.3:
            scope = replace(scope, category=rng.choice(CaseCategory.values))
        if rng.random() < 0.2:
            scope = replace(scope, instance=rng.choice(Instance.values))
        place = rng.random()
        if place < 0.2:
            return scope
        if place < 0.45:
            return scope.with_place(region=rng.choice(regions))
        if place < 0.8:
            return scope.with_place(court=rng.choice(courts))
        judge = rng.choice(judges)
        return replace(
            scope, level=JUDGE_LEVEL, judge=judge, court=judge.court, region=judge.court.region
        )

    def _indicators(self, samples: int, rng: random.Random) -> None:
        courts = list(Court.objects.filter(is_active=True).select_related("region"))
        regions = list(Region.objects.all())
        judges = list(Judge.objects.select_related("court__region")[:5000])
        timings: list[float] = []
        levels: dict[str, int] = {}
        for _ in range(samples):
            scope = self._random_scope(rng, courts, regions, judges)
            started = time.monotonic()
            indicator_values(scope)
            load_values(scope)
            timings.append(time.monotonic() - started)
            levels[scope.level] = levels.get(scope.level, 0) + 1
        self._say(
            f"every indicator + load for one random filter ({samples} filters, {levels}): "
            f"p50 {_p(timings, 0.5):.0f} ms, p95 {_p(timings, 0.95):.0f} ms, "
            f"max {max(timings) * 1000:.0f} ms"
        )

    def _pages(self, count: int) -> None:
        try:
            with transaction.atomic(), override_settings(ALLOWED_HOSTS=["testserver"]):
                analyst = _user(Role.ANALYST)
                client = Client()
                client.force_login(analyst)
                timings = []
                for i in range(count):
                    query = "" if i % 2 == 0 else f"?year={clock.today().year - 1}"
                    started = time.monotonic()
                    response = client.get(f"/analytics/{query}")
                    timings.append(time.monotonic() - started)
                    assert response.status_code == 200, response.status_code
                self._say(
                    f"dashboard page, analyst, country + 20 regions ({count} loads): "
                    f"p50 {_p(timings, 0.5):.0f} ms, p95 {_p(timings, 0.95):.0f} ms"
                )
                chair_court = Court.objects.filter(is_active=True).order_by("?").first()
                chair = _user(Role.COURT_CHAIR, chair_court)
                client.force_login(chair)
                timings = []
                for _ in range(count):
                    started = time.monotonic()
                    response = client.get("/analytics/")
                    timings.append(time.monotonic() - started)
                self._say(
                    f"dashboard page, chair (court vs region vs country): "
                    f"p50 {_p(timings, 0.5):.0f} ms, p95 {_p(timings, 0.95):.0f} ms"
                )
                raise Rollback
        except Rollback:
            pass

    def _update(self, cases: int) -> None:
        """Re-fold the events of the last ``cases`` cases, then roll back."""
        last_cases = list(Case.objects.order_by("-pk").values_list("pk", flat=True)[:cases])
        first = {
            "case_events": CaseEvent.objects.filter(case_id__in=last_cases).aggregate(x=Min("id")),
            "violations": Violation.objects.filter(case_id__in=last_cases).aggregate(x=Min("id")),
            "hearing_events": HearingEvent.objects.filter(case_id__in=last_cases).aggregate(
                x=Min("id")
            ),
        }
        try:
            with transaction.atomic():
                for source, found in first.items():
                    if found["x"] is not None:
                        Cursor.objects.filter(source=source).update(last_id=found["x"] - 1)
                started = time.monotonic()
                result = analytics_update()
                elapsed = time.monotonic() - started
                rows = {s: b - a for s, (a, b) in result.marks.items()}
                self._say(
                    f"incremental update, events of the last {cases:,} cases {rows}: "
                    f"{elapsed:.2f} s ({result.facts_written:,} rows upserted)"
                )
                raise Rollback
        except Rollback:
            pass
