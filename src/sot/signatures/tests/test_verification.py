"""Verification rules (issue 3, part 4): each bad input has its own verdict code."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from django.utils import translation

from sot.core import clock
from sot.signatures.models import SignatureStatus
from sot.signatures.services import canonical_bundle, decode_signature, verify_signature
from sot.signatures.testing import TestCA

from .conftest import IIN, OTHER_IIN

PAYLOAD = canonical_bundle(
    form={"claim": "Талап", "amount": 100}, attachments=[("a.pdf", "ab" * 32)]
)


def check(cred, *, payload=PAYLOAD, signature=None, iin=IIN, **kw):
    return verify_signature(
        payload=payload,
        signature=cred.sign(PAYLOAD) if signature is None else signature,
        certificate_pem=cred.certificate_pem,
        expected_iin=iin,
        **kw,
    )


def test_canonical_bundle_is_sorted_compact_utf8_json() -> None:
    bundle = canonical_bundle(
        form={"b": "ә", "a": 1}, attachments=[("z.pdf", "AB" * 32), ("a.pdf", "cd" * 32)]
    )
    assert (
        bundle
        == (
            '{"attachments":[{"name":"z.pdf","sha256":"'
            + "ab" * 32
            + '"},{"name":"a.pdf","sha256":"'
            + "cd" * 32
            + '"}],"form":{"a":1,"b":"ә"}}'
        ).encode()
    )


@pytest.mark.parametrize("algorithm", ["rsa", "ecdsa"])
def test_valid_signature_by_own_signing_certificate(ca: TestCA, algorithm: str) -> None:
    cred = ca.issue(iin=IIN, name="Сапарова Айгүл", algorithm=algorithm)  # type: ignore[arg-type]
    verdict = check(cred)
    assert verdict.status == SignatureStatus.VALID, verdict
    assert verdict.is_valid
    assert verdict.code == "ok"
    assert verdict.subject_iin == IIN
    assert verdict.subject_name == "Сапарова Айгүл"
    assert len(verdict.certificate_sha256) == 64
    assert verdict.serial


def test_ecdsa_raw_r_s_from_webcrypto_is_accepted(ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B", algorithm="ecdsa")
    r, s = decode_dss_signature(cred.sign(PAYLOAD))
    raw = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert check(cred, signature=raw).is_valid


@pytest.mark.parametrize("algorithm", ["rsa", "ecdsa"])
def test_tampered_payload_is_invalid(ca: TestCA, algorithm: str) -> None:
    cred = ca.issue(iin=IIN, name="A B", algorithm=algorithm)  # type: ignore[arg-type]
    verdict = check(cred, payload=PAYLOAD.replace(b"100", b"900"))
    assert (verdict.status, verdict.code) == (SignatureStatus.INVALID, "tampered")


def test_signature_with_someone_elses_certificate_is_tampered(ca: TestCA) -> None:
    mine = ca.issue(iin=IIN, name="A B")
    theirs = ca.issue(iin=IIN, name="A B")
    verdict = check(theirs, signature=mine.sign(PAYLOAD))
    assert verdict.code == "tampered"


def test_certificate_of_another_person_is_iin_mismatch(ca: TestCA) -> None:
    other = ca.issue(iin=OTHER_IIN, name="C D")
    verdict = check(other)
    assert (verdict.status, verdict.code) == (SignatureStatus.INVALID, "iin_mismatch")


def test_empty_expected_iin_never_matches(ca: TestCA) -> None:
    assert check(ca.issue(iin=IIN, name="A B"), iin="").code == "iin_mismatch"


def test_certificate_without_valid_iin_check_digit_is_refused(ca: TestCA) -> None:
    bad = IIN[:11] + str((int(IIN[11]) + 1) % 10)
    cred = ca.issue(iin=bad, name="A B")
    assert check(cred, iin=bad).code == "iin_invalid"


def test_expired_certificate_at_signing_time(ca: TestCA) -> None:
    now = clock.now()
    cred = ca.issue(
        iin=IIN, name="A B", not_before=now - timedelta(days=400), not_after=now - timedelta(days=1)
    )
    assert check(cred).code == "expired"


def test_not_yet_valid_certificate_at_signing_time(ca: TestCA) -> None:
    now = clock.now()
    cred = ca.issue(iin=IIN, name="A B", not_before=now + timedelta(days=1))
    assert check(cred).code == "not_yet_valid"


def test_validity_is_judged_at_the_signing_time_given(ca: TestCA) -> None:
    now = clock.now()
    cred = ca.issue(
        iin=IIN, name="A B", not_before=now - timedelta(days=10), not_after=now - timedelta(days=1)
    )
    assert check(cred, signed_at=now - timedelta(days=5)).is_valid


def test_untrusted_root_is_refused(ca: TestCA) -> None:
    stranger = TestCA.create(name="Somebody Else CA")
    cred = stranger.issue(iin=IIN, name="A B")
    assert check(cred).code == "untrusted"


def test_test_ca_is_not_trusted_when_not_allowed(ca: TestCA, settings) -> None:
    settings.SOT_SIGNATURE_ALLOW_TEST_CA = False
    assert check(ca.issue(iin=IIN, name="A B")).code == "untrusted"


def test_authentication_certificate_cannot_sign(ca: TestCA) -> None:
    for algorithm in ("rsa", "ecdsa"):
        cred = ca.issue(iin=IIN, name="A B", algorithm=algorithm, purpose="auth")
        assert check(cred).code == "not_signing_key"


def test_revoked_certificate_is_invalid(ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    ca.revoke(cred, at=clock.now() - timedelta(hours=1))
    assert (check(cred).status, check(cred).code) == (SignatureStatus.INVALID, "revoked")


def test_revocation_after_signing_leaves_signature_valid(ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    ca.revoke(cred, at=clock.now() + timedelta(hours=1))
    assert check(cred).is_valid


def test_no_crl_means_pending_never_valid(ca: TestCA, settings) -> None:
    settings.SOT_SIGNATURE_CRLS = []
    verdict = check(ca.issue(iin=IIN, name="A B"))
    assert (verdict.status, verdict.code) == (SignatureStatus.PENDING, "revocation_unavailable")
    assert not verdict.is_valid


def test_stale_crl_means_pending(ca: TestCA) -> None:
    ca.write_crl(next_update=clock.now() - timedelta(minutes=1))
    assert check(ca.issue(iin=IIN, name="A B")).code == "revocation_unavailable"


def test_crl_signed_by_another_key_is_not_a_revocation_source(
    ca: TestCA, settings, tmp_path
) -> None:
    impostor = TestCA.create(name="Sot Test Root CA")  # same subject, different key
    (tmp_path / "x.crl").write_bytes(
        impostor.crl().public_bytes(
            __import__(
                "cryptography.hazmat.primitives.serialization", fromlist=["Encoding"]
            ).Encoding.PEM
        )
    )
    settings.SOT_SIGNATURE_CRLS = [str(tmp_path)]
    assert check(ca.issue(iin=IIN, name="A B")).code == "revocation_unavailable"


@pytest.mark.parametrize(
    "pem",
    ["", "not a certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
)
def test_malformed_certificate_pem(ca: TestCA, pem: str) -> None:
    verdict = verify_signature(
        payload=PAYLOAD, signature=b"x", certificate_pem=pem, expected_iin=IIN
    )
    assert (verdict.status, verdict.code) == (SignatureStatus.INVALID, "malformed")


def test_empty_signature_is_malformed(ca: TestCA) -> None:
    assert check(ca.issue(iin=IIN, name="A B"), signature=b"").code == "malformed"


def test_garbage_signature_bytes_are_tampered(ca: TestCA) -> None:
    assert (
        check(ca.issue(iin=IIN, name="A B", algorithm="ecdsa"), signature=b"\x00" * 10).code
        == "tampered"
    )


@pytest.mark.parametrize("text", ["", "   ", "***", "ab$c", "a"])
def test_malformed_base64_is_rejected(text: str) -> None:
    assert decode_signature(text) is None


def test_base64_standard_and_urlsafe_decode() -> None:
    data = bytes(range(256))
    assert decode_signature(base64.b64encode(data).decode()) == data
    assert decode_signature(base64.urlsafe_b64encode(data).decode().rstrip("=")) == data


def test_verdict_message_is_translated(ca: TestCA) -> None:
    cred = ca.issue(iin=OTHER_IIN, name="C D")
    with translation.override("en"):
        english = check(cred).message
    with translation.override("ru"):
        russian = check(cred).message
    assert "another person" in english
    assert "другому лицу" in russian
