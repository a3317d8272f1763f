"""QR challenges: one-time, short-lived, sign-in by authentication certificate, signing by signing one."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from sot.accounts.tests.factories import UserFactory
from sot.core import clock
from sot.signatures import challenges
from sot.signatures.errors import (
    ChallengeExpired,
    ChallengeNotFound,
    ChallengeUsed,
    MalformedSignature,
    NoAccount,
    NoIin,
    SignatureRejected,
)
from sot.signatures.models import SignatureRecord, SignatureSource, SignatureStatus
from sot.signatures.testing import TestCA

from .conftest import IIN, OTHER_IIN

pytestmark = pytest.mark.django_db


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def answer(challenge, cred, *, signature: bytes | None = None):
    return challenges.answer_challenge(
        token=challenge.token,
        signature_b64=b64(cred.sign(bytes(challenge.payload)) if signature is None else signature),
        certificate_pem=cred.certificate_pem,
    )


def test_challenge_tokens_are_random_and_short_lived() -> None:
    first = challenges.create_login_challenge(session_key="s1")
    second = challenges.create_login_challenge(session_key="s2")
    assert first.token != second.token
    assert len(first.token) >= 40
    assert bytes(first.payload) != bytes(second.payload)
    assert first.expires_at - first.created_at == timedelta(seconds=180)


def test_login_with_authentication_certificate_matches_user_by_iin(ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    challenge = challenges.create_login_challenge(session_key="sess")
    answer(challenge, ca.issue(iin=IIN, name="A B", purpose="auth", algorithm="ecdsa"))
    assert challenges.consume_login(challenge_id=challenge.pk, session_key="sess") == user


def test_login_with_signing_certificate_is_refused(ca: TestCA) -> None:
    UserFactory(iin=IIN)
    challenge = challenges.create_login_challenge(session_key="sess")
    with pytest.raises(SignatureRejected) as caught:
        answer(challenge, ca.issue(iin=IIN, name="A B", purpose="sign"))
    assert caught.value.code == "not_auth_key"
    assert challenges.consume_login(challenge_id=challenge.pk, session_key="sess") is None


def test_login_for_iin_without_account_is_refused(ca: TestCA) -> None:
    challenge = challenges.create_login_challenge(session_key="sess")
    with pytest.raises(NoAccount):
        answer(challenge, ca.issue(iin=OTHER_IIN, name="C D", purpose="auth"))


def test_login_is_consumed_only_by_the_session_that_asked(ca: TestCA) -> None:
    UserFactory(iin=IIN)
    challenge = challenges.create_login_challenge(session_key="mine")
    answer(challenge, ca.issue(iin=IIN, name="A B", purpose="auth"))
    with pytest.raises(ChallengeNotFound):
        challenges.consume_login(challenge_id=challenge.pk, session_key="someone-else")
    assert challenges.consume_login(challenge_id=challenge.pk, session_key="mine") is not None


def test_reused_challenge_is_refused(ca: TestCA) -> None:
    UserFactory(iin=IIN)
    cred = ca.issue(iin=IIN, name="A B", purpose="auth")
    challenge = challenges.create_login_challenge(session_key="sess")
    answer(challenge, cred)
    with pytest.raises(ChallengeUsed):
        answer(challenge, cred)
    challenges.consume_login(challenge_id=challenge.pk, session_key="sess")
    with pytest.raises(ChallengeUsed):
        challenges.consume_login(challenge_id=challenge.pk, session_key="sess")


def test_expired_challenge_is_refused(ca: TestCA) -> None:
    UserFactory(iin=IIN)
    challenge = challenges.create_login_challenge(session_key="sess")
    with clock.frozen(challenge.expires_at + timedelta(seconds=1)), pytest.raises(ChallengeExpired):
        answer(challenge, ca.issue(iin=IIN, name="A B", purpose="auth"))


def test_unknown_token_is_not_found() -> None:
    with pytest.raises(ChallengeNotFound):
        challenges.open_challenge("nope")


def test_malformed_answer_changes_nothing(ca: TestCA) -> None:
    challenge = challenges.create_login_challenge(session_key="sess")
    with pytest.raises(MalformedSignature):
        challenges.answer_challenge(token=challenge.token, signature_b64="***", certificate_pem="x")
    challenge.refresh_from_db()
    assert challenge.answered_at is None


def test_qr_signing_stores_a_signature_record(ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    challenge = challenges.create_signing_challenge(user=user, payload=b'{"form":{}}')
    answered = answer(challenge, ca.issue(iin=IIN, name="A B", algorithm="ecdsa"))
    record = answered.record
    assert record is not None
    assert record.status == SignatureStatus.VALID
    assert record.source == SignatureSource.QR
    assert record.signer == user
    assert challenges.signing_result(answered)["signature"] == record.signature_b64


def test_qr_signing_by_someone_else_stores_nothing(ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    challenge = challenges.create_signing_challenge(user=user, payload=b"data")
    with pytest.raises(SignatureRejected) as caught:
        answer(challenge, ca.issue(iin=OTHER_IIN, name="C D"))
    assert caught.value.code == "iin_mismatch"
    assert not SignatureRecord.objects.exists()
    challenge.refresh_from_db()
    assert challenge.answered_at is None


def test_qr_signing_with_authentication_certificate_is_refused(ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    challenge = challenges.create_signing_challenge(user=user, payload=b"data")
    with pytest.raises(SignatureRejected) as caught:
        answer(challenge, ca.issue(iin=IIN, name="A B", purpose="auth"))
    assert caught.value.code == "not_signing_key"


def test_signing_challenge_needs_an_iin() -> None:
    with pytest.raises(NoIin):
        challenges.create_signing_challenge(user=UserFactory(iin=None), payload=b"x")


def test_reloading_the_sign_in_page_reuses_the_open_challenge() -> None:
    first = challenges.create_login_challenge(session_key="s")
    assert challenges.create_login_challenge(session_key="s") == first
    with clock.frozen(first.expires_at - timedelta(seconds=30)):
        assert challenges.create_login_challenge(session_key="s") != first


def test_old_challenges_are_purged() -> None:
    old = challenges.create_login_challenge(session_key="a")
    fresh = challenges.create_login_challenge(session_key="b")
    with clock.frozen(old.expires_at + timedelta(days=2)):
        fresh2 = challenges.create_login_challenge(session_key="c")
        assert challenges.purge_challenges() == 2
    assert list(type(old).objects.all()) == [fresh2]
    assert fresh.pk != fresh2.pk
