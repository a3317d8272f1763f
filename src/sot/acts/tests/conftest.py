"""A small court world for the acts tests: a judge with a signing key, a civil debt case."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, Document, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.courts.models import Judge
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from ..models import Act
from ..services import signing_payload


@dataclass
class World:
    judge: Judge
    other_judge: Judge  # same court, not on the bench
    plaintiff: User
    defendant: User
    outsider: User
    clerk: User
    case: Case
    ca: Any
    credential: Any  # the judge's signing credential

    def sign(self, act: Act, credential: Any = None) -> tuple[str, str]:
        import base64

        cred = credential or self.credential
        act.refresh_from_db()
        signature = base64.b64encode(cred.sign(signing_payload(act))).decode("ascii")
        return signature, cred.certificate_pem


def attach_document(case: Case, user: User, title: str = "Қарыз шарты") -> Document:
    return Document.objects.create(
        case=case,
        title=title,
        original_name="contract.pdf",
        file="documents/00/contract",
        sha256="0" * 64,
        size=10,
        content_type="application/pdf",
        uploaded_by=user,
    )


@pytest.fixture
def world(db: None, settings: Any) -> World:
    from sot.signatures.testing import install_test_ca

    ca = install_test_ca(settings)
    court = CourtFactory(
        name_kk="Астана қаласы Есіл аудандық соты", name_ru="Есильский районный суд города Астаны"
    )
    judge = JudgeFactory(
        court=court,
        user=UserFactory(
            roles=[Role.JUDGE],
            first_name="Ғалым",
            last_name="Өмірзақов",
            middle_name="Қайратұлы",
            iin=valid_iin(31),
        ),
    )
    other_judge = JudgeFactory(court=court, user=UserFactory(roles=[Role.JUDGE], iin=valid_iin(32)))
    plaintiff = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(33))
    defendant = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(34))
    outsider = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(35))
    clerk = UserFactory(roles=[Role.CLERK], court=court)
    case = CaseFactory(
        court=court,
        subject="Қарыз шарты бойынша берешекті өндіріп алу",
        claim_amount=Decimal("1250000.00"),
    )
    ParticipantFactory(case=case, user=plaintiff, name="Сейітова Әлия Нұрланқызы")
    ParticipantFactory(
        case=case, user=defendant, role=ParticipantRole.DEFENDANT, name="Жұмабеков Ерұлан Серікұлы"
    )
    CaseJudgeFactory(case=case, judge=judge)
    attach_document(case, plaintiff)
    credential = ca.issue(iin=judge.user.iin, name="Өмірзақов Ғалым")
    return World(
        judge=judge,
        other_judge=other_judge,
        plaintiff=plaintiff,
        defendant=defendant,
        outsider=outsider,
        clerk=clerk,
        case=case,
        ca=ca,
        credential=credential,
    )
