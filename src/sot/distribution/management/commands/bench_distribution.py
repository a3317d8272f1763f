"""``sot bench_distribution``: one national day through the service, and a year's balance.

1. **Day.** Registers ``--cases`` (default 5,200: one national working day) new cases shaped like
   the dataset's intake — their courts, categories and instances, a claimant of the court's region
   and a defendant of the same or another region — and times ``distribute`` over all of them: pools,
   loads, draws, both log entries per case, seats, events, draw records, in one transaction. Then it
   re-verifies a sample from the log, and removes the cases (the log keeps its entries: it is
   append-only, so use a throw-away database).
2. **Year.** Draws every case of the dataset's year in memory with the service's choice rule
   (version 2), with version 1's whole-load rule, and uniformly at random among the same eligible
   judges, and reports max/mean within every (court, specialisation) group of 3+ judges — of the
   effective load in the group's category (what version 2 balances), of the whole open load and of
   the year's assigned load — and the Gini coefficient.
"""

from __future__ import annotations

import random
import statistics
import time
from argparse import ArgumentParser
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from sot.cases.models import Case, CaseStatus, Participant, ParticipantRole
from sot.cases.signals import case_event_recorded
from sot.courts.models import Court, Judge, JudgeStatus
from sot.distribution.algorithm import FULL_SHARE, category_share
from sot.distribution.eligibility import LEVEL_FOR_INSTANCE, centi
from sot.distribution.models import CategoryRule, DistributionMode, JudgeWorkload
from sot.distribution.services import distribute
from sot.distribution.simulation import MEAN_DAYS, Intake, Rule, simulate
from sot.distribution.stats import gini
from sot.distribution.verify import verify_case

BENCH_YEAR = "99"  # case numbers of the day's cases: no real year collides


@contextmanager
def _receivers(*, keep: bool) -> Iterator[None]:
    """Detach the other apps' case-event receivers: their work on the new events (clocks, …) is
    theirs to measure; this times the distribution itself unless ``keep``."""
    saved = case_event_recorded.receivers[:]
    if not keep:
        case_event_recorded.receivers = []
        case_event_recorded.sender_receivers_cache.clear()
    try:
        yield
    finally:
        case_event_recorded.receivers = saved
        case_event_recorded.sender_receivers_cache.clear()


class Command(BaseCommand):
    help = "Benchmark distribution: a national day end to end, and a simulated year's balance."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--cases", type=int, default=5200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--skip-day", action="store_true")
        parser.add_argument("--skip-year", action="store_true")
        parser.add_argument(
            "--with-receivers",
            action="store_true",
            help="Keep other apps' case-event receivers (deadline clocks, …) in the timed run.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])  # noqa: S311 - benchmark sampling
        if not options["skip_day"]:
            with _receivers(keep=options["with_receivers"]):
                self._day(options["cases"], rng)
        if not options["skip_year"]:
            self._year(rng, options["seed"])

    # -- one day through the service ----------------------------------------------------------

    def _day(self, count: int, rng: random.Random) -> None:
        templates = list(
            Case.objects.filter(number__isnull=False, lower_case__isnull=True)
            .order_by("?")
            .values_list("court_id", "category", "instance")[: count * 2]
        )
        regions = list(Court.objects.exclude(region=None).values_list("region_id", flat=True))
        court_region = dict(Court.objects.values_list("pk", "region_id"))
        codes = dict(Court.objects.values_list("pk", "code"))
        with transaction.atomic():
            cases = Case.objects.bulk_create(
                [
                    Case(
                        court_id=court_id,
                        category=category,
                        instance=instance,
                        subject="bench",
                        status=CaseStatus.REGISTERED,
                        number=f"{codes[court_id]}-{BENCH_YEAR}-{n:06d}",
                        extraterritorial_requested=rng.random() < 0.3,
                    )
                    for n, (court_id, category, instance) in enumerate(templates[:count], 1)
                ]
            )
            parties = []
            for case in cases:
                home = court_region[case.court_id]
                other = home if rng.random() < 0.7 else rng.choice(regions)
                parties += [
                    Participant(
                        case=case, role=ParticipantRole.PLAINTIFF, name="A", region_id=home
                    ),
                    Participant(
                        case=case, role=ParticipantRole.DEFENDANT, name="B", region_id=other
                    ),
                ]
            Participant.objects.bulk_create(parties)
        cases = list(Case.objects.filter(pk__in=[c.pk for c in cases]).select_related("court"))
        started = time.perf_counter()
        draws = distribute(cases=cases)
        elapsed = time.perf_counter() - started
        assigned = sum(1 for d in draws if d.judge_id)
        self.stdout.write(
            f"day: distributed {len(draws):,} cases in {elapsed:.2f} s "
            f"({len(draws) / elapsed:,.0f} cases/s; {assigned:,} assigned, "
            f"{len(draws) - assigned:,} to the chair; {2 * len(draws):,} log entries)"
        )
        sample = rng.sample(cases, min(50, len(cases)))
        began = time.perf_counter()
        verified = sum(1 for case in sample if verify_case(case).ok)
        per_case = (time.perf_counter() - began) * 1000 / max(len(sample), 1)
        self.stdout.write(
            f"day: re-verified {verified}/{len(sample)} sampled cases from the log "
            f"({per_case:.0f} ms per case)"
        )
        self._remove([c.pk for c in cases])

    def _remove(self, ids: list[int]) -> None:
        # The day's cases go; the append-only tables are cleared with SQL for this one purpose.
        with transaction.atomic(), connection.cursor() as cursor:
            for table in (
                "distribution_draw",
                "distribution_chairqueueentry",
                "cases_caseevent",
                "cases_casejudge",
                "cases_participant",
            ):
                cursor.execute(f"DELETE FROM {table} WHERE case_id = ANY(%s)", [ids])  # noqa: S608
            cursor.execute("DELETE FROM cases_case WHERE id = ANY(%s)", [ids])

    # -- a year in memory -----------------------------------------------------------------------

    def _year(self, rng: random.Random, seed: int) -> None:
        rules = {(r.category, r.instance): r for r in CategoryRule.objects.all()}
        court_region = dict(Court.objects.values_list("pk", "region_id"))
        court_level = dict(Court.objects.values_list("pk", "level"))
        judges = Judge.objects.filter(status=JudgeStatus.ACTIVE).values_list(
            "pk", "court_id", "specialisations__category"
        )
        by_court: dict[tuple[int, str], list[int]] = defaultdict(list)
        by_level: dict[tuple[str, str], list[tuple[int, int | None]]] = defaultdict(list)
        for judge, court, category in judges.order_by("pk"):
            if category is None:
                continue
            by_court[(court, category)].append(judge)
            by_level[(court_level[court], category)].append((judge, court_region[court]))
        pools: dict[str, list[int]] = {}
        exclusion_sets: dict[tuple[str, frozenset[int | None]], frozenset[int]] = {}
        intake: list[Intake] = []
        rows = Case.objects.order_by("filed_at", "pk").values_list(
            "court_id", "category", "instance", "filed_at", "extraterritorial_requested"
        )
        first: date | None = None
        regions = sorted({r for r in court_region.values() if r is not None})
        for court, category, instance, filed_at, requested in rows.iterator(chunk_size=20000):
            day = filed_at.date()
            first = first or day
            rule = rules.get((category, instance))
            weight = centi(rule.weight) if rule else 100
            mode = rule.mode if rule else DistributionMode.COURT
            national = mode == DistributionMode.EXTRATERRITORIAL or (
                mode == DistributionMode.CLAIMANT_CHOICE and requested
            )
            if national:
                level = LEVEL_FOR_INSTANCE.get(instance, "district")
                key = f"national:{level}:{category}"
                if key not in pools:
                    pools[key] = [j for j, _r in by_level[(level, category)]]
                home = court_region[court]
                other = home if rng.random() < 0.7 else rng.choice(regions)
                left_out = frozenset({home, other})
                if (key, left_out) not in exclusion_sets:
                    exclusion_sets[(key, left_out)] = frozenset(
                        j for j, r in by_level[(level, category)] if r in left_out
                    )
                excluded = exclusion_sets[(key, left_out)]
            else:
                key = f"{court}:{category}"
                pools.setdefault(key, by_court.get((court, category), []))
                excluded = frozenset()
            days_open = max(1, int(rng.expovariate(1 / MEAN_DAYS.get(category, 45))))
            intake.append(
                Intake((day - first).days, key, weight, excluded, days_open, category=category)
            )
        self.stdout.write(f"year: {len(intake):,} cases, {len(pools):,} pools")
        groups = [(cat, g) for (_court, cat), g in by_court.items() if len(g) >= 3]
        # Groups whose members hear the same mix of categories, and groups that mix judges who also
        # hear other categories with judges who hear only this one (where version 1, balancing the
        # whole load, could not even out the group).
        specs: dict[int, set[str]] = defaultdict(set)
        for (_court, category), members in by_court.items():
            for judge in members:
                specs[judge].add(category)
        same = [(c, g) for c, g in groups if len({frozenset(specs[j]) for j in g}) == 1]
        mixed = [(c, g) for c, g in groups if len({frozenset(specs[j]) for j in g}) > 1]
        workload = {
            j: int(share * FULL_SHARE)
            for j, share in JudgeWorkload.objects.values_list("judge_id", "share")
        }
        shares = {
            (j, c): category_share(workload.get(j, FULL_SHARE), len(cats))
            for j, cats in specs.items()
            for c in cats
        }
        runs = (
            ("Sot, version 2: load and share per category", Rule.CATEGORY),
            ("version 1: whole load", Rule.WHOLE),
            ("uniform random", Rule.RANDOM),
        )
        for label, draw_rule in runs:
            began = time.perf_counter()
            outcome = simulate(pools, intake, rule=draw_rule, shares=shares, seed=seed)
            elapsed = time.perf_counter() - began
            judges_of = {
                category: [j for (_c, cat), g in by_court.items() if cat == category for j in g]
                for category in sorted({cat for (_c, cat) in by_court})
            }
            ginis = {c: gini([outcome.open_average(j) for j in js]) for c, js in judges_of.items()}
            self.stdout.write(
                f"year, {label} ({elapsed:.0f} s): Gini of the average open load "
                + ", ".join(f"{c} {g:.3f}" for c, g in ginis.items())
            )
            for kind, chosen in (("same specialisations", same), ("mixed", mixed)):
                for measure in ("effective", "open", "assigned"):
                    ratios = sorted(outcome.group_ratios(chosen, measure=measure, shares=shares))
                    if not ratios:
                        continue
                    within = sum(1 for r in ratios if r <= 1.10)
                    self.stdout.write(
                        f"  {kind} groups, {measure} load: max/mean over {len(ratios):,} "
                        f"(court, specialisation) groups of 3+ judges: "
                        f"median {statistics.median(ratios):.3f}, "
                        f"p95 {ratios[int(0.95 * (len(ratios) - 1))]:.3f}, "
                        f"worst {ratios[-1]:.3f}; {within:,} ({100 * within / len(ratios):.1f}%) "
                        "within 1.10"
                    )
