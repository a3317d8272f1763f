"""The numbers the rules use that the law itself does not fix.

The law fixes most numbers (15 and 20 years of experience, four-year validity, two thirds); those
stay in the rules next to their article. The ones below are left to the Council's regulation
(Art. 9 §1, Art. 13 §1 and §10) or come from the Constitutional Law on the judicial system
(art. 29 §1, outside this law), so an administrator keeps them in ``council.models.Regulation``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    # Constitutional Law on the judicial system, art. 29 §1 (cited by Art. 17 §1 of this law).
    district_judge_min_age: int = 25
    district_judge_min_legal_experience_years: int = 2
    # "Qualified majority" of Art. 10 §1 is not defined by the law: the regulation's fraction.
    qualified_majority_numerator: int = 2
    qualified_majority_denominator: int = 3
    # Art. 13 §1, §10: the computer test and the tickets are set by the regulation and the Commission.
    exam_pass_mark_percent: int = 70
    exam_questions_per_field: int = 10
    exam_ticket_questions: int = 3
