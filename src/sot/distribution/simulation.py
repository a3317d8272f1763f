"""A year of national intake, drawn in memory with the service's own choice functions.

Used by ``sot bench_distribution`` to measure balance; the same intake is also drawn uniformly at
random among the same eligible judges, for comparison. Cases close after a sampled duration, so the
open load the draw balances rises and falls as it does in a court.
"""

from __future__ import annotations

import hashlib
import heapq
import random
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import algorithm
from .algorithm import FULL_SHARE

# Mean days from registration to decision, by category (the simulation's assumption).
MEAN_DAYS = {"civil": 45, "administrative": 50, "administrative_offence": 15, "criminal": 60}


@dataclass(frozen=True)
class Intake:
    day: int
    pool: str  # the key of the pool the case is drawn in
    weight: int  # hundredths
    excluded: frozenset[int] = frozenset()  # judge ids left out (e.g. the parties' regions)
    days_open: int = 30
    category: str = ""


class Rule:
    """What the balanced draw compares (``algorithm`` versions and the uniform baseline)."""

    CATEGORY = "category"  # version 2: the open load in the case's category ÷ the category share
    WHOLE = "whole"  # version 1: the whole open load
    RANDOM = "random"  # uniform among the eligible judges


@dataclass
class Outcome:
    assigned: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # weighted, year
    # Each judge's weighted open load, summed over the days sampled (the second half-year).
    open_sum: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    # The same per (judge, category).
    open_sum_by_category: dict[tuple[int, str], int] = field(
        default_factory=lambda: defaultdict(int)
    )
    days_sampled: int = 0

    def open_average(self, judge: int) -> float:
        return self.open_sum[judge] / self.days_sampled if self.days_sampled else 0.0

    def category_average(self, judge: int, category: str) -> float:
        total = self.open_sum_by_category[(judge, category)]
        return total / self.days_sampled if self.days_sampled else 0.0

    def group_ratios(
        self,
        groups: Iterable[tuple[str, Sequence[int]]],
        *,
        measure: str = "open",
        shares: dict[tuple[int, str], int] | None = None,
    ) -> list[float]:
        """max/mean within each (category, judges) group of 3+ judges, of: the average weighted
        open load in the group's category divided by each judge's share in it (what version 2
        balances, ``measure="effective"``; needs ``shares``); the average whole open load
        (``"open"``, what version 1 balances); or the year's whole assigned load (``"assigned"``)."""
        ratios = []
        for category, group in groups:
            if len(group) < 3:
                continue
            if measure == "effective":
                assert shares is not None
                values = [
                    self.category_average(j, category) * FULL_SHARE / shares[(j, category)]
                    for j in group
                ]
            elif measure == "open":
                values = [self.open_average(j) for j in group]
            else:
                values = [float(self.assigned[j]) for j in group]
            mean = statistics.fmean(values)
            if mean:
                ratios.append(max(values) / mean)
        return ratios


def simulate(
    pools: dict[str, list[int]],
    intake: Sequence[Intake],
    *,
    rule: str,
    shares: dict[tuple[int, str], int] | None = None,
    seed: int = 1,
) -> Outcome:
    """Draw every case of ``intake`` (ordered by day) among its pool's judges (ids ascending).

    ``rule``: ``Rule.CATEGORY`` is the service's version 2 — each candidate's open load in the
    case's category divided by their share in it (``shares``), the band within one case of the
    least loaded, then ``algorithm.choose`` with a per-case seed from SHA-256 standing in for the
    tree-head signature; ``Rule.WHOLE`` the same over the whole open load (version 1, every share
    full); ``Rule.RANDOM`` uniformly at random among the same eligible judges.
    """
    rng = random.Random(seed)  # noqa: S311 - simulation, not security
    load: dict[int, int] = defaultdict(int)
    by_category: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    effective: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    closing: list[tuple[int, int, int, str]] = []  # (day, judge, weight, category)
    outcome = Outcome()
    sample_from = intake[-1].day // 2 if intake else 0
    today = intake[0].day if intake else 0

    def move(judge: int, category: str, weight: int) -> None:
        load[judge] += weight
        by_category[category][judge] += weight
        if rule == Rule.CATEGORY and shares is not None:
            effective[category][judge] = algorithm.effective_load(
                by_category[category][judge], shares[(judge, category)]
            )

    for n, case in enumerate(intake):
        if case.day != today:
            if today >= sample_from:  # the steady state: the first half-year fills the courts
                for judge, load_now in load.items():
                    if load_now:
                        outcome.open_sum[judge] += load_now
                for category, loads in by_category.items():
                    for judge, load_now in loads.items():
                        if load_now:
                            outcome.open_sum_by_category[(judge, category)] += load_now
                outcome.days_sampled += 1
            today = case.day
        while closing and closing[0][0] <= case.day:
            _day, judge, weight, category = heapq.heappop(closing)
            move(judge, category, -weight)
        judges = pools[case.pool]
        excluded = case.excluded
        eligible = [j for j in judges if j not in excluded] if excluded else judges
        if not eligible:
            continue
        if rule == Rule.RANDOM:
            chosen = rng.choice(eligible)
        else:
            seed_bytes = hashlib.sha256(f"{seed}:{n}".encode()).digest()
            basis = effective[case.category] if rule == Rule.CATEGORY else load
            _band, chosen = algorithm.choose(eligible, basis, case.weight, seed_bytes)
        move(chosen, case.category, case.weight)
        outcome.assigned[chosen] += case.weight
        heapq.heappush(closing, (case.day + case.days_open, chosen, case.weight, case.category))
    return outcome
