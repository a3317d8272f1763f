"""A small country for distribution tests: four regions, courts in each, judges in some."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, ParticipantRole
from sot.cases.services import ParticipantInput
from sot.core.iin import complete_iin
from sot.core.judiciary import CaseCategory
from sot.courts.models import Court, CourtKind, CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory


def person_iin(n: int) -> str:
    """A valid IIN, different for each ``n`` (the first valid one from a slot of ten)."""
    for k in range(n * 10, n * 10 + 10):
        candidate = complete_iin(f"85{k // 100 % 12 + 1:02d}{k % 28 + 1:02d}3{k % 10000:04d}")
        if candidate is not None:
            return candidate
    raise AssertionError(f"no valid IIN near {n}")


@dataclass
class Country:
    regions: dict[str, Any]
    home: Court  # the filing court, in region A
    courts: dict[str, Court]
    judges: dict[str, list[Any]]
    clerk: User
    chair: User
    citizen: User
    counter: list[int] = field(default_factory=lambda: [0])

    def parties(
        self, claimant_region: str = "A", defendant_region: str = "B"
    ) -> tuple[ParticipantInput, ...]:
        self.counter[0] += 1
        n = self.counter[0]
        return (
            ParticipantInput(
                role=ParticipantRole.PLAINTIFF,
                name=f"Талапкер {n}",
                iin=person_iin(2 * n),
                user=self.citizen,
                region=self.regions[claimant_region] if claimant_region else None,
            ),
            ParticipantInput(
                role=ParticipantRole.DEFENDANT,
                name=f"Жауапкер {n}",
                iin=person_iin(2 * n + 1),
                region=self.regions[defendant_region] if defendant_region else None,
            ),
        )

    def register(
        self,
        category: str = CaseCategory.CIVIL,
        participants: tuple[ParticipantInput, ...] | None = None,
        **kwargs,
    ) -> Case:
        case = services.case_file(
            court=self.home,
            category=category,
            subject="О взыскании долга",
            acting_user=self.clerk,
            participants=self.parties() if participants is None else participants,
            **kwargs,
        )
        services.case_transition(case=case, action=CaseAction.REGISTER, acting_user=self.clerk)
        case.refresh_from_db()
        return case


@pytest.fixture(autouse=True)
def automatic_distribution(settings):
    settings.SOT_DISTRIBUTION_AUTOMATIC = True


@pytest.fixture
def country(db) -> Country:
    regions = {name: RegionFactory(code=f"R{name}") for name in "ABCD"}
    appeal = CourtFactory(
        level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL, region=regions["A"], code="RA00"
    )
    courts = {
        "home": CourtFactory(region=regions["A"], parent=appeal, code="A001"),
        "b": CourtFactory(region=regions["B"], code="B001"),
        "c1": CourtFactory(region=regions["C"], code="C001"),
        "c2": CourtFactory(region=regions["C"], code="C002"),
        "d": CourtFactory(region=regions["D"], code="D001"),
    }
    sizes = {"home": 3, "b": 1, "c1": 2, "c2": 1, "d": 1}
    judges = {
        key: [JudgeFactory(court=courts[key]) for _ in range(size)] for key, size in sizes.items()
    }
    judges["appeal"] = [JudgeFactory(court=appeal) for _ in range(3)]
    home = courts["home"]
    return Country(
        regions=regions,
        home=home,
        courts={**courts, "appeal": appeal},
        judges=judges,
        clerk=UserFactory(roles=[Role.CLERK], court=home),
        chair=UserFactory(roles=[Role.COURT_CHAIR], court=home),
        citizen=UserFactory(roles=[Role.CITIZEN]),
    )
