"""How much to seed: the national figures and the scales derived from them.

The seed documents give the 2020 volume: 1,183,973 cases and materials, of them civil 736,150,
administrative 281,843 and criminal 165,980. In 2020 "administrative" meant administrative-offence
cases almost entirely: the public-law disputes of the Administrative Procedure Code (in force
from July 2021) were a small share. We split it 9:1: 253,659 administrative-offence cases and
28,184 administrative (public-law) disputes, close to the 20-30 thousand disputes a year the
specialised administrative courts have heard since. These are first-instance cases; appeals and
cassations come on top, drawn from the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sot.core.judiciary import CaseCategory

ANNUAL_CASES_2020: dict[str, int] = {
    CaseCategory.CIVIL: 736_150,
    CaseCategory.ADMINISTRATIVE: 28_184,
    CaseCategory.ADMINISTRATIVE_OFFENCE: 253_659,
    CaseCategory.CRIMINAL: 165_980,
}
NATIONAL_JUDGES = 2_500


@dataclass(frozen=True)
class Scale:
    """Sizes of one seeded world; ``cases_per_year`` are first-instance cases per category."""

    name: str
    cases_per_year: dict[str, int]
    judges: int = NATIONAL_JUDGES
    clerks_per_judge: float = 1.2
    lawyers: int = 5_000
    prosecutors: int = 1_500
    citizens: int = 40_000
    analysts: int = 24
    council_members: int = 12
    council_secretaries: int = 2
    administrators: int = 3
    # Pools the parties are drawn from (people recur across cases, as litigants do).
    people: int = 1_200_000
    organisations: int = 60_000


def scaled_cases(factor: float) -> dict[str, int]:
    return {category: round(n * factor) for category, n in ANNUAL_CASES_2020.items()}


NATIONAL = Scale(name="national", cases_per_year=dict(ANNUAL_CASES_2020))
# A twentieth of the country's cases over the full court structure and bench: every page has
# data, and it loads in seconds.
DEMO = Scale(
    name="demo",
    cases_per_year=scaled_cases(1 / 20),
    lawyers=300,
    prosecutors=120,
    citizens=2_000,
    people=60_000,
    organisations=4_000,
)
SCALES = {scale.name: scale for scale in (DEMO, NATIONAL)}


def tiny_scale(cases_per_year: int = 600, judges: int = 0) -> Scale:
    """A few hundred cases for tests: the national mix, the smallest bench the courts allow."""
    factor = cases_per_year / sum(ANNUAL_CASES_2020.values())
    return Scale(
        name="tiny",
        cases_per_year=scaled_cases(factor),
        judges=judges,
        clerks_per_judge=0.5,
        lawyers=20,
        prosecutors=10,
        citizens=40,
        analysts=2,
        council_members=3,
        council_secretaries=1,
        administrators=1,
        people=2_000,
        organisations=200,
    )
