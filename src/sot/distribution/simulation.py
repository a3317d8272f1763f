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

# Mean days from registration to decision, by category (the simulation's assumption).
MEAN_DAYS = {"civil": 45, "administrative": 50, "administrative_offence": 15, "criminal": 60}


@dataclass(frozen=True)
class Intake:
    day: int
    pool: str  # the key of the pool the case is drawn in
    weight: int  # hundredths
    excluded: frozenset[int] = frozenset()  # judge ids left out (e.g. the parties' regions)
    days_open: int = 30


@dataclass
class Outcome:
    assigned: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # weighted, year
    # Each judge's weighted open load, summed over the days sampled (the second half-year).
    open_sum: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    days_sampled: int = 0

    def open_average(self, judge: int) -> float:
        return self.open_sum[judge] / self.days_sampled if self.days_sampled else 0.0

    def group_ratios(
        self, groups: Iterable[Sequence[int]], *, measure: str = "open"
    ) -> list[float]:
        """max/mean within each group of 3+ judges: of the average weighted open load (what the
        draw balances, ``measure="open"``) or of the year's assigned weighted load."""
        ratios = []
        for group in groups:
            if len(group) < 3:
                continue
            values = [
                self.open_average(j) if measure == "open" else self.assigned[j] for j in group
            ]
            mean = statistics.fmean(values)
            if mean:
                ratios.append(max(values) / mean)
        return ratios


def simulate(
    pools: dict[str, list[int]],
    intake: Sequence[Intake],
    *,
    balanced: bool,
    seed: int = 1,
    per_pool: bool = False,
) -> Outcome:
    """Draw every case of ``intake`` (ordered by day) among its pool's judges (ids ascending).

    ``balanced``: the service's rule — the band of judges within one case of the least loaded,
    then ``algorithm.pick`` — with a per-case seed from SHA-256 standing in for the tree-head
    signature (every judge here has a full share, so the effective load is the load); otherwise
    uniformly at random. ``per_pool``: the alternative rule that balances, within each pool, only
    the load that pool gave (what issue 4's per-pool measure rewards), for comparison.
    """
    rng = random.Random(seed)  # noqa: S311 - simulation, not security
    top = max((j for judges in pools.values() for j in judges), default=0)
    load = [0] * (top + 1)
    pool_loads: dict[str, list[int]] = defaultdict(lambda: [0] * (top + 1))
    closing: list[tuple[int, int, int, str]] = []  # (day, judge, weight, pool)
    outcome = Outcome()
    sample_from = intake[-1].day // 2 if intake else 0
    today = intake[0].day if intake else 0
    for n, case in enumerate(intake):
        if case.day != today:
            if today >= sample_from:  # the steady state: the first half-year fills the courts
                for judge, load_now in enumerate(load):
                    if load_now:
                        outcome.open_sum[judge] += load_now
                outcome.days_sampled += 1
            today = case.day
        while closing and closing[0][0] <= case.day:
            _day, judge, weight, pool = heapq.heappop(closing)
            load[judge] -= weight
            pool_loads[pool][judge] -= weight
        judges = pools[case.pool]
        excluded = case.excluded
        eligible = [j for j in judges if j not in excluded] if excluded else judges
        if not eligible:
            continue
        if balanced:
            seed_bytes = hashlib.sha256(f"{seed}:{n}".encode()).digest()
            basis = pool_loads[case.pool] if per_pool else load
            _band, chosen = algorithm.choose(eligible, basis, case.weight, seed_bytes)
        else:
            chosen = rng.choice(eligible)
        load[chosen] += case.weight
        pool_loads[case.pool][chosen] += case.weight
        outcome.assigned[chosen] += case.weight
        heapq.heappush(closing, (case.day + case.days_open, chosen, case.weight, case.pool))
    return outcome
