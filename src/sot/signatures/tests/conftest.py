"""A fresh test CA per test, trusted through the settings fixture."""

from __future__ import annotations

import pytest

from sot.accounts.tests.factories import valid_iin
from sot.signatures.testing import TestCA, install_test_ca

IIN = valid_iin(101)
OTHER_IIN = valid_iin(202)


@pytest.fixture
def ca(settings: object) -> TestCA:
    return install_test_ca(settings)
