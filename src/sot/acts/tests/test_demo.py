"""The demo seed leaves signed, published acts on the demo judge's cases, and runs once."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from sot.cases.models import CaseStatus

from .. import demo
from ..models import Act, ActStatus, PublicationState
from .conftest import World


def test_demo_seed_signs_and_publishes_acts_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.judge.user.username = "demo.judge"
    world.judge.user.save()
    world.case.status = CaseStatus.IN_FORCE
    world.case.save()
    key: Any = load_pem_private_key(world.credential.private_key_pem.encode(), password=None)
    monkeypatch.setattr(demo, "_demo_key", lambda: (key, world.credential.certificate_pem))
    assert demo.demo_seed() == 1
    act = Act.objects.get(case=world.case)
    assert act.status == ActStatus.SIGNED
    assert act.publication_state == PublicationState.PUBLISHED
    assert act.published_text
    assert demo.demo_seed() == 0  # idempotent: the judge already has acts
