"""Stored signature records and the recheck of PENDING ones (`sot pki recheck`)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.signatures.models import SignatureRecord, SignatureStatus
from sot.signatures.services import canonical_bundle, recheck_pending, record_signature
from sot.signatures.tasks import recheck_pending_signatures
from sot.signatures.testing import TestCA

from .conftest import IIN, OTHER_IIN

pytestmark = pytest.mark.django_db
PAYLOAD = canonical_bundle(form={"x": 1}, attachments=[])


def test_record_signature_stores_hash_signature_certificate_and_verdict(ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    cred = ca.issue(iin=IIN, name="A B")
    record, verdict = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
        signer=user,
    )
    record.refresh_from_db()
    assert verdict.is_valid
    assert record.status == SignatureStatus.VALID
    assert record.code == "ok"
    assert record.payload_sha256 == hashlib.sha256(PAYLOAD).hexdigest()
    assert record.subject_iin == IIN
    assert record.signer == user
    assert record.verified_at is not None


def test_invalid_signature_is_recorded_as_invalid(ca: TestCA) -> None:
    cred = ca.issue(iin=OTHER_IIN, name="C D")
    record, verdict = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    assert record.status == SignatureStatus.INVALID
    assert record.code == verdict.code == "iin_mismatch"


def test_pending_record_becomes_valid_when_the_crl_is_back(ca: TestCA, settings) -> None:
    crls = settings.SOT_SIGNATURE_CRLS
    settings.SOT_SIGNATURE_CRLS = []
    cred = ca.issue(iin=IIN, name="A B")
    record, _ = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    assert record.status == SignatureStatus.PENDING
    assert recheck_pending() == {"valid": 0, "invalid": 0, "pending": 1}
    settings.SOT_SIGNATURE_CRLS = crls
    assert recheck_pending() == {"valid": 1, "invalid": 0, "pending": 0}
    record.refresh_from_db()
    assert record.status == SignatureStatus.VALID


def test_recheck_judges_at_the_original_signing_time(ca: TestCA, settings) -> None:
    """A certificate revoked after the signature was made leaves that signature valid."""
    crls = settings.SOT_SIGNATURE_CRLS
    settings.SOT_SIGNATURE_CRLS = []
    cred = ca.issue(iin=IIN, name="A B")
    record, _ = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    ca.revoke(cred, at=clock.now() + timedelta(minutes=1))
    settings.SOT_SIGNATURE_CRLS = crls
    recheck_pending()
    record.refresh_from_db()
    assert record.status == SignatureStatus.VALID


def test_pending_record_revoked_before_signing_becomes_invalid(ca: TestCA, settings) -> None:
    crls = settings.SOT_SIGNATURE_CRLS
    settings.SOT_SIGNATURE_CRLS = []
    cred = ca.issue(iin=IIN, name="A B")
    ca.revoke(cred, at=clock.now() - timedelta(minutes=1))
    record, _ = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    settings.SOT_SIGNATURE_CRLS = crls
    recheck_pending_signatures.enqueue()
    record.refresh_from_db()
    assert (record.status, record.code) == (SignatureStatus.INVALID, "revoked")


def test_recheck_command_reports_counts(ca: TestCA, settings) -> None:
    settings.SOT_SIGNATURE_CRLS = []
    cred = ca.issue(iin=IIN, name="A B")
    record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    out = StringIO()
    call_command("pki", "recheck", stdout=out)
    assert "1" in out.getvalue()
    assert SignatureRecord.objects.get().status == SignatureStatus.PENDING


def test_settled_records_are_not_rechecked(ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    record, _ = record_signature(
        payload=PAYLOAD,
        signature=cred.sign(PAYLOAD),
        certificate_pem=cred.certificate_pem,
        expected_iin=IIN,
    )
    before = record.verified_at
    assert recheck_pending() == {"valid": 0, "invalid": 0, "pending": 0}
    record.refresh_from_db()
    assert record.verified_at == before
