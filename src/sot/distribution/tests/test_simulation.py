"""The benchmark's simulation draws with the service's rule: it balances where random does not."""

from __future__ import annotations

import random

from sot.distribution.simulation import Intake, simulate


def _intake(days: int = 200, per_day: int = 6) -> list[Intake]:
    rng = random.Random(7)
    return [
        Intake(day=day, pool="court", weight=100, days_open=max(1, int(rng.expovariate(1 / 20))))
        for day in range(days)
        for _ in range(per_day)
    ]


def test_balanced_draws_keep_a_pool_within_ten_percent_and_random_does_not():
    pools = {"court": [1, 2, 3, 4, 5]}
    intake = _intake()
    balanced = simulate(pools, intake, balanced=True)
    random_ = simulate(pools, intake, balanced=False)
    assert max(balanced.group_ratios([pools["court"]])) <= 1.10
    assert max(random_.group_ratios([pools["court"]])) > max(
        balanced.group_ratios([pools["court"]])
    )


def test_excluded_judges_never_get_the_case():
    pools = {"court": [1, 2, 3]}
    intake = [Intake(day=d, pool="court", weight=100, excluded=frozenset({2})) for d in range(30)]
    outcome = simulate(pools, intake, balanced=True)
    assert outcome.assigned[2] == 0
    assert outcome.assigned[1] + outcome.assigned[3] == 3000
