"""``sot bench_deadlines``: rebuild every clock, then time "overdue today" for the country and one court.

Run on the national dataset (``sot seed --scale national``). The rebuild replaces the clock table
(``deadlines.CaseClock``, this app's own derived table) with the replay of every case's events;
the reads are the ``OverdueListApi`` queries: the count and the first page, most overdue first.
"""

from __future__ import annotations

import statistics
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count

from sot.core import clock
from sot.courts.models import Court
from sot.deadlines import selectors
from sot.deadlines.models import CaseClock, ClockState
from sot.deadlines.recompute import clocks_recompute

PAGE = 50


def _time_overdue(court: Court | None, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        clocks = selectors.overdue_clocks(court)
        clocks.count()
        list(clocks[:PAGE])
        timings.append((time.perf_counter() - began) * 1000)
    return timings


class Command(BaseCommand):
    help = "Benchmark the clock rebuild (s) and the overdue-today reads (p50/p95 ms)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--runs", type=int, default=50)
        parser.add_argument("--no-recompute", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_recompute"]:
            began = time.perf_counter()
            result = clocks_recompute()
            elapsed = time.perf_counter() - began
            self.stdout.write(
                f"recompute: {result.clocks:,} clocks of {result.cases:,} cases "
                f"({result.running:,} running) in {elapsed:.1f} s "
                f"(read and replay {result.read_seconds:.1f} s, write {result.write_seconds:.1f} s)"
            )
        busiest = (
            CaseClock.objects.filter(state=ClockState.RUNNING, due__lt=clock.today())
            .values("court")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        targets: list[tuple[str, Court | None]] = [("country", None)]
        if busiest is not None:
            busiest_court = Court.objects.select_related("region").get(pk=busiest["court"])
            targets.append((f"court {busiest_court.code}", busiest_court))
        for label, court in targets:
            count = selectors.overdue_clocks(court).count()
            timings = _time_overdue(court, options["runs"])
            cuts = statistics.quantiles(timings, n=100) if len(timings) > 1 else timings * 100
            self.stdout.write(
                f"overdue today, {label}: {count:,} clocks; count + first {PAGE} rows "
                f"p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, max {max(timings):.1f} ms "
                f"over {len(timings)} runs"
            )
