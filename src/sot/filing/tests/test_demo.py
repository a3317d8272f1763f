"""The demo seed: filings in several states for the demo citizen, signed with the demo key file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.tests.factories import CaseFactory, ParticipantFactory
from sot.filing.demo import demo_seed
from sot.filing.models import Filing, FilingStatus

from .conftest import World


def test_demo_seed_makes_filings_in_several_states(
    world: World, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path
    citizen = UserFactory(username="demo.citizen", roles=[Role.CITIZEN], iin=valid_iin(501))
    UserFactory(username="demo.clerk", roles=[Role.CLERK], court=world.court)
    case = CaseFactory(court=world.court)
    ParticipantFactory(case=case, user=citizen)
    cred = world.ca.issue(iin=str(citizen.iin), name="Demo Citizen", algorithm="ecdsa")
    (tmp_path / "demo-keys").mkdir()
    (tmp_path / "demo-keys" / "demo.citizen.pem").write_text(
        cred.private_key_pem + cred.certificate_pem
    )

    demo_seed()
    demo_seed()  # a second run changes nothing

    states = set(Filing.objects.filter(filer=citizen).values_list("status", flat=True))
    assert states == {
        FilingStatus.DRAFT,
        FilingStatus.SUBMITTED,
        FilingStatus.LEFT_WITHOUT_MOTION,
        FilingStatus.ACCEPTED,
    }
    assert Filing.objects.filter(filer=citizen).count() == 4
