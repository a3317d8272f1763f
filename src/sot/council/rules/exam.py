"""Qualification exam: admission, exemptions, validity and retakes (Art. 13 and 14)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .facts import CandidateFacts
from .periods import add_years
from .reasons import Reason

EXAM_VALIDITY_YEARS = 4  # Art. 13 §6
RETAKE_AFTER_YEARS = 1  # Art. 13 §7
MAGISTRACY_EXEMPTION_YEARS = 4  # Art. 13 §4
FORMER_JUDGE_MIN_YEARS = 5  # Art. 13 §3
FORMER_JUDGE_RETURN_YEARS = 4  # Art. 13 §3


def exam_valid_until(passed_on: date) -> date:
    """Art. 13 §6: a result is valid for four years from the day of the exam (that day included)."""
    return add_years(passed_on, EXAM_VALIDITY_YEARS)


def exam_is_valid(passed_on: date | None, on: date) -> bool:
    return passed_on is not None and passed_on <= on <= exam_valid_until(passed_on)


def retake_allowed_from(failed_on: date) -> date:
    """Art. 13 §7: a failed candidate may sit again no earlier than one year later."""
    return add_years(failed_on, RETAKE_AFTER_YEARS)


def magistracy_exempts(graduated_on: date | None, on: date) -> bool:
    """Art. 13 §4: specialised-magistracy graduates are exempt for four years from graduation."""
    return graduated_on is not None and graduated_on <= on <= add_years(
        graduated_on, MAGISTRACY_EXEMPTION_YEARS
    )


def former_judge_exempts(
    years_served: Decimal, left_on: date, negative_grounds: bool, on: date
) -> bool:
    """Art. 13 §3: a permanent judge of five years or more, returning within four years of leaving,
    is exempt unless dismissed on negative grounds."""
    return (
        not negative_grounds
        and years_served >= FORMER_JUDGE_MIN_YEARS
        and left_on <= on <= add_years(left_on, FORMER_JUDGE_RETURN_YEARS)
    )


def exemption_reasons(facts: CandidateFacts, on: date) -> list[Reason]:
    """Why the candidate need not sit the exam (empty when nothing exempts)."""
    reasons = []
    graduated = facts.magistracy_graduated_on()
    if magistracy_exempts(graduated, on):
        reasons.append(
            Reason(
                "exempt_magistracy",
                "13.4",
                _(
                    "Exempt: graduated from the specialised magistracy on %(date)s, within four years."
                ),
                {"date": graduated},
            )
        )
    former = facts.former_judge()
    if former is not None and former_judge_exempts(
        former.years_served, former.left_on, former.negative_grounds, on
    ):
        reasons.append(
            Reason(
                "exempt_former_judge",
                "13.3",
                _("Exempt: a judge for %(years)s years who left on %(date)s, within four years."),
                {"years": former.years_served, "date": former.left_on},
            )
        )
    return reasons


@dataclass(frozen=True)
class AdmissionResult:
    admitted: bool
    exempt: bool
    # Grounds for refusal first, then grounds for exemption.
    reasons: list[Reason] = field(default_factory=list)


def exam_admission(facts: CandidateFacts, on: date) -> AdmissionResult:
    """May the candidate sit the qualification exam on ``on``, and are they exempt from it?

    Every check runs (no short cut), so every fact the rule needs is read and a missing one is
    reported. Refusals: Art. 14 (citizenship and higher legal education, which the Constitutional
    Law requires of a judge), Art. 13 §2 (special check first), §5 (dismissed for discrediting
    misconduct), §7 (retake after one year). A person barred by §5 is not exempt either.
    """
    refusals: list[Reason] = []
    if not facts.flag("citizen"):
        refusals.append(
            Reason("not_citizen", "14", _("Only citizens of Kazakhstan may become judges."))
        )
    if not facts.flag("higher_legal_education"):
        refusals.append(
            Reason("no_higher_legal_education", "14", _("Higher legal education is required."))
        )
    if not facts.flag("special_check_passed"):
        refusals.append(
            Reason(
                "special_check_required",
                "13.2",
                _("The exam is taken only after the special check has been passed."),
            )
        )
    barred = facts.flag("dismissed_for_discrediting")
    if barred:
        refusals.append(
            Reason(
                "dismissed_for_discrediting",
                "13.5",
                _(
                    "Persons dismissed from a judgeship, law enforcement or the civil service for "
                    "discrediting misconduct are not admitted to the exam."
                ),
            )
        )
    failures = [attempt.on for attempt in facts.exam_attempts() if not attempt.passed]
    if failures:
        allowed_from = retake_allowed_from(max(failures))
        if on < allowed_from:
            refusals.append(
                Reason(
                    "retake_too_early",
                    "13.7",
                    _("After a failed exam a retake is allowed from %(date)s."),
                    {"date": allowed_from},
                )
            )
    exemptions = exemption_reasons(facts, on)
    exempt = bool(exemptions) and not barred
    return AdmissionResult(
        admitted=not refusals,
        exempt=exempt,
        reasons=refusals + (exemptions if exempt else []),
    )
