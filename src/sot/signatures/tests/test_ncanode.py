"""The NCA RK adapter: the answer mapping, and an unreachable service giving PENDING (never VALID).

No NCANode runs here, so the HTTP exchange with a real one is not tested (see docs/signatures.md).
"""

from __future__ import annotations

import socket

import pytest

from sot.signatures.adapters import get_verifier
from sot.signatures.adapters.ncanode import NcaNodeVerifier, interpret
from sot.signatures.models import SignatureStatus
from sot.signatures.services import verify_signature
from sot.signatures.testing import TestCA

from .conftest import IIN, OTHER_IIN


def answer(*, valid=True, cert_valid=True, usage="SIGN", iin=IIN, revoked=None):
    revocations = [] if revoked is None else [{"revoked": revoked, "by": "OCSP"}]
    signer = {
        "valid": cert_valid,
        "keyUsage": usage,
        "subject": {"iin": iin},
        "revocations": revocations,
    }
    return {"valid": valid, "signers": [signer]}


def test_good_answer_with_ocsp_is_ok() -> None:
    assert interpret(answer(revoked=False), expected_iin=IIN, purpose="sign") == "ok"


def test_no_revocation_answer_is_pending_never_ok() -> None:
    assert interpret(answer(), expected_iin=IIN, purpose="sign") == "revocation_unavailable"


@pytest.mark.parametrize(
    ("kwargs", "purpose", "code"),
    [
        ({"revoked": True}, "sign", "revoked"),
        ({"valid": False, "revoked": False}, "sign", "tampered"),
        ({"valid": False, "cert_valid": False}, "sign", "untrusted"),
        ({"usage": "AUTH", "revoked": False}, "sign", "not_signing_key"),
        ({"usage": "SIGN", "revoked": False}, "auth", "not_auth_key"),
        ({"iin": OTHER_IIN, "revoked": False}, "sign", "iin_mismatch"),
        ({"iin": "123", "revoked": False}, "sign", "iin_invalid"),
    ],
)
def test_answers_map_to_codes(kwargs, purpose, code) -> None:
    assert interpret(answer(**kwargs), expected_iin=IIN, purpose=purpose) == code


def test_empty_answer_is_malformed() -> None:
    assert (
        interpret({"valid": True, "signers": []}, expected_iin=IIN, purpose="sign") == "malformed"
    )


def test_unreachable_ncanode_gives_pending(ca: TestCA, settings) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SOT_SIGNATURE_BACKEND = "sot.signatures.adapters.ncanode.NcaNodeVerifier"
    settings.SOT_NCANODE_URL = f"http://127.0.0.1:{port}"
    settings.SOT_NCANODE_TIMEOUT = 2
    assert isinstance(get_verifier(), NcaNodeVerifier)
    cred = ca.issue(iin=IIN, name="A B")
    verdict = verify_signature(
        payload=b"x",
        signature=cred.sign(b"x"),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    assert (verdict.status, verdict.code) == (SignatureStatus.PENDING, "verifier_unavailable")
