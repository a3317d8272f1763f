"""Values the templates need, read from the case record (parties, amounts, documents, court)."""

from __future__ import annotations

from decimal import Decimal

from sot.cases.models import Case, Participant, ParticipantRole
from sot.core import clock

from ..templates import BLANK


def court_name(case: Case, lang: str) -> str:
    return case.court.name_kk if lang == "kk" else case.court.name_ru


def amount_text(amount: Decimal | None) -> str:
    """12 345 678,90 — the way amounts are written in Kazakh and Russian acts."""
    if amount is None:
        return ""
    whole, _, cents = f"{amount:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    return grouped if cents == "00" else f"{grouped},{cents}"


def participants(case: Case, *roles: str) -> list[Participant]:
    return [p for p in case.participants.all() if p.role in roles]


def names(people: list[Participant]) -> str:
    return ", ".join(p.name for p in people)


def base_values(case: Case, lang: str, *, judge_name: str) -> dict[str, str]:
    claimants = participants(case, ParticipantRole.PLAINTIFF, ParticipantRole.APPLICANT)
    respondents = participants(case, ParticipantRole.DEFENDANT, ParticipantRole.ACCUSED)
    documents = [document.title for document in case.documents.all()]
    values = {
        "date": clock.today().strftime("%d.%m.%Y"),
        "court_name": court_name(case, lang),
        "judge_name": judge_name,
        "case_number": case.number or "",
        "subject": case.subject,
        "plaintiff": names(claimants),
        "defendant": names(respondents),
        "parties": "; ".join(
            f"{p.name} ({p.get_role_display()})"
            for p in case.participants.all()
            if p.role != ParticipantRole.REPRESENTATIVE
        ),
        "amount": amount_text(case.claim_amount),
        "documents": ", ".join(documents),
    }
    return {key: value for key, value in values.items() if value and value != BLANK}
