"""Who may hear a case: the pool of eligible judges, with the reason each other judge was left out.

A ``PoolBuilder`` answers for many cases at once (a day's registrations): the base pools, absences,
shares and loads are read once and kept current in memory as the batch assigns cases. Loads and
shares are per judge *and category* (algorithm version 2, ADR 0013): a draw in a category compares
each candidate's open load in that category against their share of a full load in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q

from sot.cases.models import (
    BenchRole,
    Case,
    CaseJudge,
    CaseStatus,
    Participant,
    ParticipantRole,
)
from sot.core.judiciary import Instance
from sot.courts.models import (
    Court,
    CourtCompetence,
    CourtLevel,
    Judge,
    JudgeSpecialisation,
    JudgeStatus,
    JudgeStatusPeriod,
    Region,
)

from .algorithm import FULL_SHARE, VERSION, category_share, effective_load
from .models import CategoryRule, Conflict, ConflictKind, DistributionMode, JudgeWorkload, Recusal

LEVEL_FOR_INSTANCE: dict[str, str] = {
    Instance.FIRST: CourtLevel.DISTRICT,
    Instance.APPEAL: CourtLevel.REGIONAL,
    Instance.CASSATION: CourtLevel.SUPREME,
}
# The statuses in which a case counts towards its judge's load (the case core's "pending").
OPEN_STATUSES = (
    CaseStatus.REGISTERED,
    CaseStatus.ACCEPTED,
    CaseStatus.LEFT_WITHOUT_MOTION,
    CaseStatus.SCHEDULED,
    CaseStatus.HEARD,
    CaseStatus.SUSPENDED,
)
CLAIMANT_ROLES = (ParticipantRole.PLAINTIFF, ParticipantRole.APPLICANT)
PARTY_ROLES = (
    *CLAIMANT_ROLES,
    ParticipantRole.DEFENDANT,
    ParticipantRole.THIRD_PARTY,
    ParticipantRole.ACCUSED,
    ParticipantRole.VICTIM,
)


class Exclusion:
    """Why an otherwise eligible judge is not in a case's pool (codes logged as they are)."""

    IS_PARTY = "is_party"
    RELATIVE = "related_to_party"
    DECLARED = "declared_conflict"
    SAME_MATTER = "took_part_in_matter"
    RECUSED = "recused"
    REASSIGNED_FROM = "reassigned_from"


DEFAULT_RULE = CategoryRule(mode=DistributionMode.COURT, weight=Decimal("1.00"), min_pool=3)


PoolKey = tuple[str, str, int | None]  # (category, instance, court id or None: the country)


@dataclass
class Pool:
    key: PoolKey
    mode: str
    weight: int  # the case's weight, hundredths
    min_pool: int
    excluded_regions: list[str]
    judges: list[int]  # eligible, ids ascending
    excluded: list[list[int | str]] = field(default_factory=list)  # this case's own exclusions


@dataclass(frozen=True)
class _Seat:
    judge: int
    court: int
    region: int | None


def centi(value: Decimal) -> int:
    return int((value * 100).to_integral_value())


class PoolBuilder:
    """``preload``: read every judge, competence and load up front (a few large queries) instead
    of a few small queries per pool — the right trade for a batch touching hundreds of pools."""

    def __init__(self, on: date, *, preload: bool = False) -> None:
        self.on = on
        self._rules = {(r.category, r.instance): r for r in CategoryRule.objects.all()}
        self._bases: dict[tuple[str, str, int | None], list[_Seat]] = {}
        self._absent: set[int] | None = None
        self._shares = dict(JudgeWorkload.objects.values_list("judge_id", "share"))
        self._loads: dict[tuple[int, str], int] = {}  # (judge, category) → weighted open load
        self._loaded: set[int] = set()  # judges whose loads and specialisations are read
        self._specialisations: dict[int, int] = defaultdict(int)  # judge → how many categories
        self._region_codes: dict[int, str] = {}
        self._preloaded = False
        self._available_cache: dict[tuple[PoolKey, frozenset[int]], list[int]] = {}
        self._court_codes: dict[int, str] = {}
        if preload:
            self._preload()

    def _preload(self) -> None:
        hearing: set[tuple[int, str, str]] = set(
            CourtCompetence.objects.filter(court__is_active=True).values_list(
                "court_id", "category", "instance"
            )
        )
        levels = dict(Court.objects.values_list("pk", "level"))
        rows = (
            Judge.objects.filter(status=JudgeStatus.ACTIVE)
            .values_list(
                "pk",
                "court_id",
                "court__region_id",
                "court__region__code",
                "specialisations__category",
            )
            .order_by("pk")
        )
        for judge, court, region, region_code, category in rows:
            self._loaded.add(judge)
            if region is not None:
                self._region_codes[region] = region_code
            if category is None:
                continue
            self._loads[(judge, category)] = 0
            self._specialisations[judge] += 1
            for instance, level in LEVEL_FOR_INSTANCE.items():
                if levels[court] == level and (court, category, instance) in hearing:
                    self._bases.setdefault((category, instance, None), []).append(
                        _Seat(judge, court, region)
                    )
                    self._bases.setdefault((category, instance, court), []).append(
                        _Seat(judge, court, region)
                    )
        counts = (
            CaseJudge.objects.filter(role=BenchRole.PRESIDING, case__status__in=OPEN_STATUSES)
            .values_list("judge_id", "case__category", "case__instance")
            .annotate(n=Count("pk"))
        )
        for judge, category, instance, n in counts:
            if judge in self._loaded:
                key = (judge, category)
                self._loads[key] = self._loads.get(key, 0) + n * self.weight(category, instance)
        self._preloaded = True

    def rule(self, category: str, instance: str) -> CategoryRule:
        return self._rules.get((category, instance), DEFAULT_RULE)

    def weight(self, category: str, instance: str) -> int:
        return centi(self.rule(category, instance).weight)

    # -- what the batch reads once ------------------------------------------------------------

    def _base(self, category: str, instance: str, court_id: int | None) -> list[_Seat]:
        """Active judges specialised in the category, in courts hearing it at this instance."""
        key = (category, instance, court_id)
        if key not in self._bases and self._preloaded:
            return []
        if key not in self._bases:
            courts = Court.objects.filter(
                is_active=True,
                level=LEVEL_FOR_INSTANCE.get(instance, CourtLevel.DISTRICT.value),
                competences__category=category,
                competences__instance=instance,
            )
            if court_id is not None:
                courts = courts.filter(pk=court_id)
            rows = (
                Judge.objects.filter(
                    status=JudgeStatus.ACTIVE,
                    court__in=courts,
                    specialisations__category=category,
                )
                .values_list("pk", "court_id", "court__region_id", "court__region__code")
                .order_by("pk")
            )
            seats = []
            for judge, court, region, region_code in rows:
                seats.append(_Seat(judge, court, region))
                if region is not None:
                    self._region_codes[region] = region_code
            self._bases[key] = seats
        return self._bases[key]

    def _absences(self) -> set[int]:
        if self._absent is None:
            self._absent = set(
                JudgeStatusPeriod.objects.filter(starts_on__lte=self.on)
                .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=self.on))
                .exclude(status=JudgeStatus.ACTIVE)
                .values_list("judge_id", flat=True)
            )
        return self._absent

    def _whole_share(self, judge: int) -> int:
        share = self._shares.get(judge)
        return FULL_SHARE if share is None else int(share * FULL_SHARE)

    def _share(self, judge: int, category: str) -> int:
        return category_share(self._whole_share(judge), self._specialisations[judge])

    def _load_missing(self, judges: Iterable[int]) -> None:
        missing = [j for j in judges if j not in self._loaded]
        if not missing:
            return
        self._loaded.update(missing)
        for start in range(0, len(missing), 5000):
            chunk = missing[start : start + 5000]
            for judge, category in JudgeSpecialisation.objects.filter(
                judge_id__in=chunk
            ).values_list("judge_id", "category"):
                self._loads[(judge, category)] = 0
                self._specialisations[judge] += 1
            counts = (
                CaseJudge.objects.filter(
                    judge_id__in=chunk,
                    role=BenchRole.PRESIDING,
                    case__status__in=OPEN_STATUSES,
                )
                .values_list("judge_id", "case__category", "case__instance")
                .annotate(n=Count("pk"))
            )
            for judge, category, instance, n in counts:
                key = (judge, category)
                self._loads[key] = self._loads.get(key, 0) + n * self.weight(category, instance)

    def load_of(self, judge: int, category: str) -> int:
        self._load_missing([judge])
        return self._loads.get((judge, category), 0)

    def add_load(self, judge: int, category: str, weight: int) -> int:
        self._load_missing([judge])
        key = (judge, category)
        self._loads[key] = self._loads.get(key, 0) + weight
        return self._loads[key]

    def share_of(self, judge: int, category: str) -> int:
        self._load_missing([judge])
        return self._share(judge, category)

    # -- one case -----------------------------------------------------------------------------

    def pool(
        self,
        case: Case,
        context: CaseContext,
        *,
        also_excluded: Sequence[int] = (),
    ) -> Pool:
        rule = self.rule(case.category, case.instance)
        mode = rule.mode
        if mode == DistributionMode.CLAIMANT_CHOICE:
            wanted = case.extraterritorial_requested
            mode = DistributionMode.EXTRATERRITORIAL if wanted else DistributionMode.COURT
        regions: frozenset[int] = frozenset()
        if mode == DistributionMode.EXTRATERRITORIAL:
            key: PoolKey = (case.category, case.instance, None)
            # A party whose region is unknown: the filing court's region stands in for it.
            regions = frozenset(context.party_regions)
            if context.regions_incomplete and case.court.region_id is not None:
                regions |= {case.court.region_id}
        else:
            key = (case.category, case.instance, case.court_id)
        available = self._available(key, regions)
        reasons = context.exclusions(also_excluded)
        judges = [j for j in available if j not in reasons] if reasons else available
        excluded: list[list[int | str]] = [[j, reasons[j]] for j in available if j in reasons]
        return Pool(
            key=key,
            mode=mode,
            weight=centi(rule.weight),
            min_pool=rule.min_pool,
            excluded_regions=sorted(self._region_code(r) for r in regions),
            judges=judges,
            excluded=excluded,
        )

    def _available(self, key: PoolKey, regions: frozenset[int]) -> list[int]:
        """The pool's present judges outside ``regions``, ids ascending (cached per batch)."""
        cache_key = (key, regions)
        if cache_key not in self._available_cache:
            absent = self._absences()
            self._available_cache[cache_key] = [
                s.judge
                for s in self._base(*key)
                if s.region not in regions and s.judge not in absent
            ]
        return self._available_cache[cache_key]

    def snapshot(self, key: PoolKey) -> dict[str, Any]:
        """The pool as the batch starts: each present judge's region, load and share, and who is
        absent. Logged once per batch; each draw names it and the verifier replays the batch."""
        absent = self._absences()
        seats = self._base(*key)
        present = [s.judge for s in seats if s.judge not in absent]
        self._load_missing(present)
        category, instance, court_id = key
        return {
            "version": VERSION,
            "category": category,
            "instance": instance,
            "court": self._court_code(court_id) if court_id is not None else None,
            "judges": [
                [
                    s.judge,
                    self._region_codes.get(s.region, "") if s.region else "",
                    self._loads.get((s.judge, category), 0),
                    self._share(s.judge, category),
                ]
                for s in seats
                if s.judge not in absent
            ],
            "absent": sorted(s.judge for s in seats if s.judge in absent),
        }

    def effective(self) -> dict[str, dict[int, int]]:
        """category → every loaded judge's effective load in it (``algorithm.effective_load``)."""
        by_category: dict[str, dict[int, int]] = defaultdict(dict)
        for (judge, category), load in self._loads.items():
            by_category[category][judge] = effective_load(load, self._share(judge, category))
        return by_category

    def candidates(self, judges: Sequence[int], category: str) -> list[list[int]]:
        """``[judge, load, share]`` in ``category`` for each judge (logged with a chair's choice)."""
        self._load_missing(judges)
        return [[j, self._loads.get((j, category), 0), self._share(j, category)] for j in judges]

    def _court_code(self, court_id: int) -> str:
        if court_id not in self._court_codes:
            self._court_codes[court_id] = Court.objects.values_list("code", flat=True).get(
                pk=court_id
            )
        return self._court_codes[court_id]

    def _region_code(self, region_id: int) -> str:
        if region_id not in self._region_codes:
            self._region_codes[region_id] = Region.objects.get(pk=region_id).code
        return self._region_codes[region_id]


@dataclass
class CaseContext:
    """What a case's exclusions depend on, read for a whole batch in a few queries."""

    party_regions: set[int]
    regions_incomplete: bool
    by_judge: dict[int, str]

    def exclusions(self, also_excluded: Sequence[int]) -> dict[int, str]:
        reasons = dict(self.by_judge)
        for judge in also_excluded:
            reasons.setdefault(judge, Exclusion.REASSIGNED_FROM)
        return reasons


def case_contexts(cases: Sequence[Case]) -> dict[int, CaseContext]:
    """Party regions and per-judge exclusions (conflicts, same matter, recusals) for each case."""
    ids = [c.pk for c in cases]
    regions: dict[int, set[int]] = defaultdict(set)
    incomplete: set[int] = set()
    identifiers: dict[int, set[str]] = defaultdict(set)
    claimant_seen: set[int] = set()
    defendant_seen: set[int] = set()
    participants = Participant.objects.filter(case_id__in=ids, role__in=PARTY_ROLES).values_list(
        "case_id", "role", "region_id", "iin", "bin"
    )
    for case_id, role, region, iin, bin_ in participants:
        for identifier in (iin, bin_):
            if identifier:
                identifiers[case_id].add(identifier)
        if role in CLAIMANT_ROLES or role == ParticipantRole.DEFENDANT:
            (claimant_seen if role in CLAIMANT_ROLES else defendant_seen).add(case_id)
            if region is None:
                incomplete.add(case_id)
            else:
                regions[case_id].add(region)
    for case_id in ids:
        if case_id not in claimant_seen or case_id not in defendant_seen:
            incomplete.add(case_id)

    by_case: dict[int, dict[int, str]] = defaultdict(dict)
    all_identifiers = set().union(*identifiers.values()) if identifiers else set()
    if all_identifiers:
        judge_iins = Judge.objects.filter(user__iin__in=all_identifiers).values_list(
            "pk", "user__iin"
        )
        own: dict[str, list[int]] = defaultdict(list)
        for judge, judge_iin in judge_iins:
            if judge_iin:
                own[judge_iin].append(judge)
        conflicts: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for judge, identifier, kind in Conflict.objects.filter(
            identifier__in=all_identifiers
        ).values_list("judge_id", "identifier", "kind"):
            conflicts[identifier].append((judge, kind))
        for case_id, case_identifiers in identifiers.items():
            for identifier in case_identifiers:
                for judge in own.get(identifier, ()):
                    by_case[case_id][judge] = Exclusion.IS_PARTY
                for judge, kind in conflicts.get(identifier, ()):
                    reason = (
                        Exclusion.RELATIVE if kind == ConflictKind.RELATIVE else Exclusion.DECLARED
                    )
                    by_case[case_id].setdefault(judge, reason)
    matters: dict[object, list[int]] = defaultdict(list)
    for case in cases:
        matters[case.matter].append(case.pk)
    for matter_case, judge, matter in CaseJudge.objects.filter(
        case__matter__in=list(matters)
    ).values_list("case_id", "judge_id", "case__matter"):
        for case_id in matters[matter]:
            if case_id != matter_case:
                by_case[case_id].setdefault(judge, Exclusion.SAME_MATTER)
    for case_id, judge in Recusal.objects.filter(case_id__in=ids).values_list(
        "case_id", "judge_id"
    ):
        by_case[case_id][judge] = Exclusion.RECUSED
    return {
        case_id: CaseContext(
            party_regions=regions.get(case_id, set()),
            regions_incomplete=case_id in incomplete,
            by_judge=by_case.get(case_id, {}),
        )
        for case_id in ids
    }
