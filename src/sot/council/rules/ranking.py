"""Ranking support for the Council's discussion (Art. 18 §2, §5, §6).

The law lists priorities, not weights; the ranking orders applicants by them in the law's own
order (the first priority first, the next one breaking ties, …). It informs the members' discussion
and nomination (Art. 18 §8); the vote decides. Reputation, moral qualities, quality of justice and a
chair's organisational abilities are for the members to judge and are not scored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .eligibility import Position

MANY_COMPETITIONS = 3  # Art. 18 §2.5, §5.4: "more than three times"


@dataclass(frozen=True)
class RankingFacts:
    key: int  # the application's id, the last tie-breaker
    magistracy_exam: bool  # Art. 18 §2.1
    proceedings_years: Decimal  # Art. 18 §2.2 and §4
    exam_score: int | None  # Art. 18 §2.3
    has_degree: bool  # Art. 18 §2.4, §5.3
    competitions_entered: int  # Art. 18 §2.5, §5.4 (this one not counted)
    diploma_average: Decimal | None  # Art. 18 §2.6
    judge_years: Decimal  # Art. 18 §5.1
    special_education: bool = False  # Art. 18 §3


def ranking_key(
    position: str, facts: RankingFacts, specialised: bool = False
) -> tuple[object, ...]:
    """The sort key; ``specialised`` adds special education (Art. 18 §3) after the priorities."""
    extra = (not facts.special_education,) if specialised else ()
    return _priorities(position, facts) + extra + (facts.key,)


def _priorities(position: str, facts: RankingFacts) -> tuple[object, ...]:
    many = facts.competitions_entered > MANY_COMPETITIONS
    if position in (Position.REGIONAL_JUDGE, Position.SUPREME_JUDGE):
        # Art. 18 §5: experience as a judge, degree, more than three competitions.
        return (-facts.judge_years, not facts.has_degree, not many)
    # Art. 18 §2 (and §6 for a district chair).
    return (
        not facts.magistracy_exam,
        -facts.proceedings_years,
        -(facts.exam_score if facts.exam_score is not None else -1),
        not facts.has_degree,
        not many,
        -(facts.diploma_average if facts.diploma_average is not None else Decimal(-1)),
    )


def rank(
    position: str, applicants: list[RankingFacts], specialised: bool = False
) -> list[RankingFacts]:
    return sorted(applicants, key=lambda facts: ranking_key(position, facts, specialised))
