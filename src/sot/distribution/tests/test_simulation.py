"""The benchmark's simulation draws with the service's rule: it balances where random does not."""

from __future__ import annotations

import random

from sot.distribution.algorithm import category_share
from sot.distribution.simulation import Intake, Rule, simulate


def _intake(days: int = 200, per_day: int = 6, pool: str = "court", category: str = "civil"):
    rng = random.Random(7)
    return [
        Intake(
            day=day,
            pool=pool,
            weight=100,
            days_open=max(1, int(rng.expovariate(1 / 20))),
            category=category,
        )
        for day in range(days)
        for _ in range(per_day)
    ]


def test_balanced_draws_keep_a_pool_within_ten_percent_and_random_does_not():
    pools = {"court": [1, 2, 3, 4, 5]}
    intake = _intake()
    shares = {(j, "civil"): 1000 for j in pools["court"]}
    groups = [("civil", pools["court"])]
    balanced = simulate(pools, intake, rule=Rule.CATEGORY, shares=shares)
    random_ = simulate(pools, intake, rule=Rule.RANDOM)
    assert max(balanced.group_ratios(groups, measure="effective", shares=shares)) <= 1.10
    assert max(random_.group_ratios(groups, measure="effective", shares=shares)) > max(
        balanced.group_ratios(groups, measure="effective", shares=shares)
    )


def test_a_mixed_group_is_even_per_category_share_where_the_whole_load_rule_is_not():
    """Judges 1-3 hear civil only; judge 4 hears civil and (busy) criminal with judges 5-6.

    Version 1 (whole load) keeps judge 4 out of civil work, so the civil group's per-category
    effective loads spread apart; version 2 balances civil load against each civil share.
    """
    pools = {"civil": [1, 2, 3, 4], "criminal": [4, 5, 6]}
    specs = {1: 1, 2: 1, 3: 1, 4: 2, 5: 1, 6: 1}
    shares = {(j, c): category_share(1000, specs[j]) for c, js in pools.items() for j in js}
    intake = sorted(
        _intake(per_day=4, pool="civil", category="civil")
        + _intake(per_day=8, pool="criminal", category="criminal"),
        key=lambda case: case.day,
    )
    groups = [("civil", pools["civil"]), ("criminal", pools["criminal"])]
    v2 = simulate(pools, intake, rule=Rule.CATEGORY, shares=shares)
    v1 = simulate(pools, intake, rule=Rule.WHOLE, shares=shares)
    assert max(v2.group_ratios(groups, measure="effective", shares=shares)) <= 1.10
    assert max(v1.group_ratios(groups, measure="effective", shares=shares)) > 1.10


def test_excluded_judges_never_get_the_case():
    pools = {"court": [1, 2, 3]}
    intake = [
        Intake(day=d, pool="court", weight=100, excluded=frozenset({2}), category="civil")
        for d in range(30)
    ]
    shares = {(j, "civil"): 1000 for j in pools["court"]}
    outcome = simulate(pools, intake, rule=Rule.CATEGORY, shares=shares)
    assert outcome.assigned[2] == 0
    assert outcome.assigned[1] + outcome.assigned[3] == 3000
