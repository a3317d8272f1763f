"""The demo accounts (one per role, fixed password) and the cases they take part in.

The demo citizen, lawyer and prosecutor each take part in several cases of the demo court: among
them a closed-session case and a matter that went through appeal and cassation. The demo judge
presides over those and has a docket of pending cases; the demo clerk and chair work in the same
court. These accounts exist at every scale; only ``sot seed --scale demo`` and ``sot demo`` print
their password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sot.accounts.roles import Role
from sot.cases.models import ParticipantRole
from sot.core.judiciary import CaseCategory

from .parties import Party, PartySource
from .people import IdentityRegister, Person
from .subjects import SUBJECTS, Subject
from .timeline import NO_FORCE, Force
from .users import Account

DEMO_PASSWORD = "sot-demo"  # noqa: S105 — printed for every demo sign-in on purpose
# Role → (username, surname, given name, patronymic, is female).
DEMO_ACCOUNTS: dict[Role, tuple[str, str, str, str, bool]] = {
    Role.CITIZEN: ("demo.citizen", "Сейітов", "Нұрлан", "Асқарұлы", False),
    Role.LAWYER: ("demo.lawyer", "Ахметова", "Динара", "Серікқызы", True),
    Role.PROSECUTOR: ("demo.prosecutor", "Иванов", "Сергей", "Петрович", False),
    Role.CLERK: ("demo.clerk", "Омарова", "Айгүл", "Маратқызы", True),
    Role.JUDGE: ("demo.judge", "Жұмабаев", "Ержан", "Болатұлы", False),
    Role.COURT_CHAIR: ("demo.chair", "Сүлейменова", "Гүлнар", "Қайратқызы", True),
    Role.ANALYST: ("demo.analyst", "Ким", "Елена", "Викторовна", True),
    Role.COUNCIL_MEMBER: ("demo.council", "Тоқтаров", "Асхат", "Берікұлы", False),
    Role.COUNCIL_SECRETARY: ("demo.secretary", "Петрова", "Ольга", "Ивановна", True),
    Role.ADMINISTRATOR: ("demo.admin", "Әбенов", "Дәурен", "Маратұлы", False),
}


def demo_person(role: Role, register: IdentityRegister, born_year: int) -> Person:
    _, surname, given, patronymic, is_female = DEMO_ACCOUNTS[role]
    born = date(born_year, 3 + len(surname) % 9, 1 + len(given) % 27)
    return Person(surname, given, patronymic, register.iin(born, is_female), is_female, born)


R = ParticipantRole
C = CaseCategory


@dataclass(frozen=True)
class DemoCase:
    category: str
    subject: str  # the Russian subject line, looked up in SUBJECTS
    parties: tuple[tuple[str, str, int], ...]  # (role, who, index represented or -1)
    closed: bool = False
    force: Force = NO_FORCE
    start_day: int | None = None  # days after the seeded period starts
    days_before_end: int | None = None

    def subject_row(self) -> Subject:
        return next(s for s in SUBJECTS[self.category] if s.ru == self.subject)


APPEAL_AND_CASSATION = Force(appeal=True, cassation=True)
PENDING = Force(pending=True)
STORY_CASES = (
    DemoCase(
        C.CIVIL,
        "О возмещении ущерба, причинённого в результате ДТП",
        (
            (R.PLAINTIFF, "citizen", -1),
            (R.DEFENDANT, "person", -1),
            (R.REPRESENTATIVE, "lawyer", 0),
        ),
        force=APPEAL_AND_CASSATION,
        start_day=5,
    ),
    DemoCase(
        C.CIVIL,
        "О расторжении брака",
        (
            (R.PLAINTIFF, "citizen", -1),
            (R.DEFENDANT, "person", -1),
            (R.REPRESENTATIVE, "lawyer", 0),
        ),
        closed=True,
        start_day=40,
    ),
    DemoCase(
        C.CIVIL,
        "О признании права собственности",
        (
            (R.PLAINTIFF, "person", -1),
            (R.DEFENDANT, "citizen", -1),
            (R.REPRESENTATIVE, "lawyer", 1),
        ),
        force=PENDING,
        days_before_end=25,
    ),
    DemoCase(
        C.CIVIL,
        "О защите прав потребителей",
        ((R.PLAINTIFF, "citizen", -1), (R.DEFENDANT, "org", -1), (R.REPRESENTATIVE, "lawyer", 0)),
        start_day=100,
    ),
    DemoCase(
        C.CRIMINAL,
        "Мошенничество",
        (
            (R.PROSECUTOR, "prosecutor", -1),
            (R.ACCUSED, "person", -1),
            (R.REPRESENTATIVE, "lawyer", 1),
            (R.VICTIM, "citizen", -1),
        ),
        force=APPEAL_AND_CASSATION,
        start_day=10,
    ),
    DemoCase(
        C.CRIMINAL,
        "Изнасилование",
        (
            (R.PROSECUTOR, "prosecutor", -1),
            (R.ACCUSED, "person", -1),
            (R.REPRESENTATIVE, "lawyer", 1),
            (R.VICTIM, "person", -1),
        ),
        closed=True,
        start_day=80,
    ),
    DemoCase(
        C.CRIMINAL,
        "Кража",
        (
            (R.PROSECUTOR, "prosecutor", -1),
            (R.ACCUSED, "person", -1),
            (R.REPRESENTATIVE, "lawyer", 1),
            (R.VICTIM, "person", -1),
        ),
        force=PENDING,
        days_before_end=20,
    ),
)


# The demo judge's docket: recent cases still before the court, with parties from the pools.
DOCKET = tuple(
    DemoCase(category, subject, parties, force=PENDING, days_before_end=days)
    for category, subject, parties, days in (
        (C.CIVIL, "О взыскании задолженности по договору займа", ((R.PLAINTIFF, "org", -1), (R.DEFENDANT, "person", -1)), 30),
        (C.CIVIL, "О взыскании алиментов", ((R.PLAINTIFF, "person", -1), (R.DEFENDANT, "person", -1)), 24),
        (C.CIVIL, "О восстановлении на работе", ((R.PLAINTIFF, "person", -1), (R.DEFENDANT, "org", -1)), 18),
        (C.CIVIL, "О выселении", ((R.PLAINTIFF, "person", -1), (R.DEFENDANT, "person", -1)), 12),
        (C.CRIMINAL, "Грабёж", ((R.PROSECUTOR, "prosecutor", -1), (R.ACCUSED, "person", -1), (R.VICTIM, "person", -1)), 28),
        (C.CRIMINAL, "Мошенничество", ((R.PROSECUTOR, "prosecutor", -1), (R.ACCUSED, "person", -1), (R.VICTIM, "org", -1)), 9),
    )
)  # fmt: skip


DEMO_CASES = STORY_CASES + DOCKET


def demo_parties(case: DemoCase, source: PartySource, accounts: dict[str, Account]) -> list[Party]:
    parties: list[Party] = []
    for role, who, represents in case.parties:
        account = accounts.get(who)
        if account is not None:
            parties.append((role, "person", account.id, account.name, account.iin, "", represents))
        elif who == "org":
            parties.append(source.organisation(role))
        else:
            person = source.person(role)
            parties.append((*person[:6], represents))
    return parties
