"""Shared helpers of the case API tests: a small world of courts and people, and request helpers."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sot.accounts.models import User
from sot.accounts.tests.factories import valid_iin
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import (
    Case,
    ParticipantRole,
)
from sot.cases.services import ParticipantInput
from sot.core.iin import complete_iin
from sot.core.judiciary import CaseCategory
from sot.courts.models import Court, Judge

CASES = "/api/v1/cases/"
VALID_BIN = complete_iin("05014000012") or ""  # fifth digit 4: a legal entity
BAD_IIN = "880101300001"  # twelve digits, wrong check digit


def url(case: Case, tail: str = "") -> str:
    return f"{CASES}{case.pk}/{tail}"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@dataclass
class World:
    regional: Court
    court: Court
    other_court: Court
    clerk: User
    chair: User
    judge: Judge
    citizen: User

    def file(self, *, participants: tuple[ParticipantInput, ...] = (), **kwargs) -> Case:
        """A case filed the way the clerk's office files it."""
        fields = {
            "court": self.court,
            "category": CaseCategory.CIVIL,
            "subject": "О взыскании долга",
            "acting_user": self.clerk,
            "participants": participants,
        }
        return services.case_file(**{**fields, **kwargs})

    def registered(self, **kwargs) -> Case:
        case = self.file(**kwargs)
        return services.case_transition(
            case=case, action=CaseAction.REGISTER, acting_user=self.clerk
        )


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def person(n: int, role: str = ParticipantRole.PLAINTIFF, **kwargs) -> ParticipantInput:
    return ParticipantInput(role=role, name=f"Person {n}", iin=valid_iin(n), **kwargs)


def filing(for_court: Court, **overrides) -> dict:
    return {
        "court": for_court.code,
        "category": "civil",
        "instance": "first",
        "subject": "О расторжении договора",
        "article": "ст. 401 ГК",
        "claim_amount": "250000.00",
        "participants": [
            {"role": "plaintiff", "name": "Асанов Асан", "iin": valid_iin(31)},
            {
                "role": "defendant",
                "kind": "organisation",
                "name": "ТОО «Ромашка»",
                "bin": VALID_BIN,
            },
        ],
        **overrides,
    }


def upload(name: str, content: bytes) -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
