"""The courts as the seeder sees them, and how many cases each one gets.

Courts come from the database (the reference migration); the seeder never invents them. Each
category's cases go to the first-instance courts that hear it (CourtCompetence), in proportion to
a weight: the kind of court (a specialised economic court takes far more civil claims than a rural
district court), whether it sits in a city of republican significance, and a deterministic
log-normal spread so no two courts look alike.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, CourtCompetence, CourtKind, CourtLevel

C = CaseCategory
K = CourtKind
# How busy a court of each kind is in each category, relative to a district court (1.0).
KIND_WEIGHT: dict[str, dict[str, float]] = {
    C.CIVIL: {K.CITY: 1.6, K.ECONOMIC: 5.0, K.JUVENILE: 0.6, K.MILITARY_GARRISON: 0.1},
    C.ADMINISTRATIVE: {K.ADMINISTRATIVE: 4.0, K.CITY: 1.3, K.MILITARY_GARRISON: 0.1},
    C.ADMINISTRATIVE_OFFENCE: {
        K.ADMINISTRATIVE: 4.0,
        K.CITY: 1.5,
        K.JUVENILE: 0.3,
        K.MILITARY_GARRISON: 0.2,
    },
    C.CRIMINAL: {
        K.CRIMINAL: 2.5,
        K.CITY: 1.5,
        K.JUVENILE: 0.5,
        K.INVESTIGATIVE: 0.6,
        K.MILITARY_GARRISON: 0.3,
    },
}
CITY_REGION_WEIGHT = 1.8


@dataclass
class CourtInfo:
    id: int
    code: str
    level: str
    kind: str
    parent_id: int | None
    region_id: int | None
    region_is_city: bool
    region_name: str
    competences: set[tuple[str, str]] = field(default_factory=set)

    def hears(self, instance: str, category: str) -> bool:
        return (instance, category) in self.competences


@dataclass
class CourtMap:
    courts: list[CourtInfo]
    by_id: dict[int, CourtInfo]
    # First-instance court id → the court that hears its appeals; the Supreme Court for cassation.
    appeal_court: dict[int, int]
    supreme_id: int | None

    def first_instance(self, category: str) -> list[CourtInfo]:
        return [c for c in self.courts if c.hears(Instance.FIRST, category)]


def courts_load() -> CourtMap:
    """Active courts with their competences, in code order."""
    rows = (
        Court.objects.active()
        .select_related("region")
        .order_by("code")
        .only("id", "code", "level", "kind", "parent_id", "region__is_city", "region__name_kk")
    )
    courts = [
        CourtInfo(
            id=court.pk,
            code=court.code,
            level=court.level,
            kind=court.kind,
            parent_id=court.parent_id,
            region_id=court.region_id,
            region_is_city=bool(court.region and court.region.is_city),
            region_name=court.region.name_kk if court.region else "",
        )
        for court in rows
    ]
    by_id = {court.id: court for court in courts}
    for court_id, instance, category in CourtCompetence.objects.values_list(
        "court_id", "instance", "category"
    ):
        if court_id in by_id:
            by_id[court_id].competences.add((instance, category))
    supreme = next((c for c in courts if c.level == CourtLevel.SUPREME), None)
    return CourtMap(courts, by_id, _appeal_courts(courts, by_id), supreme.id if supreme else None)


def _appeal_courts(courts: list[CourtInfo], by_id: dict[int, CourtInfo]) -> dict[int, int]:
    """Where each first-instance court's appeals go: its parent if that is a regional court.

    Without such a parent, a regional court of the same region, else the first regional court
    (what ``case_appeal`` would refuse: the seeder stays usable on partial reference data).
    """
    regional = [c for c in courts if c.level == CourtLevel.REGIONAL]
    by_region: dict[int | None, list[CourtInfo]] = defaultdict(list)
    for court in regional:
        by_region[court.region_id].append(court)
    mapping: dict[int, int] = {}
    for court in courts:
        if not any(instance == Instance.FIRST for instance, _ in court.competences):
            continue
        parent = by_id.get(court.parent_id) if court.parent_id else None
        if parent is not None and parent.level == CourtLevel.REGIONAL:
            mapping[court.id] = parent.id
        elif by_region.get(court.region_id):
            mapping[court.id] = by_region[court.region_id][0].id
        elif regional:
            mapping[court.id] = regional[0].id
    return mapping


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder: sums exactly)."""
    if not weights or total <= 0:
        return [0] * len(weights)
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def court_weight(rng: random.Random, court: CourtInfo, category: str) -> float:
    weight = KIND_WEIGHT.get(category, {}).get(court.kind, 1.0)
    if court.region_is_city:
        weight *= CITY_REGION_WEIGHT
    return weight * rng.lognormvariate(0.0, 0.35)


def cases_by_court(
    rng: random.Random, court_map: CourtMap, totals: dict[str, int]
) -> dict[int, dict[str, int]]:
    """First-instance cases per court and category for the whole seeded period."""
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for category in CaseCategory.values:
        hearing = court_map.first_instance(category)
        if not hearing:
            continue
        weights = [court_weight(rng, court, category) for court in hearing]
        for court, count in zip(hearing, apportion(totals.get(category, 0), weights), strict=True):
            if count:
                result[court.id][category] = count
    return dict(result)
