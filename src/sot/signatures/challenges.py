"""One-time QR challenges: the page shows a QR code, a phone signs the challenge, the page continues.

A challenge is random (the token is 256 bits), short-lived (SOT_SIGNATURE_CHALLENGE_SECONDS,
default 180) and single use: answered once, and for sign-in consumed once by the browser session
that asked for it. Sign-in takes an authentication certificate; document signing a signing one.
"""

from __future__ import annotations

import base64
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from sot.core import clock

from .errors import (
    ChallengeExpired,
    ChallengeNotFound,
    ChallengeUsed,
    MalformedSignature,
    NoAccount,
    NoIin,
    SignatureRejected,
)
from .models import Challenge, ChallengePurpose, SignatureSource, SignatureStatus
from .services import decode_signature, record_signature, verify_authentication

if TYPE_CHECKING:
    from sot.accounts.models import User

LOGIN_PREFIX = b"sot:login:"


def lifetime() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "SOT_SIGNATURE_CHALLENGE_SECONDS", 180)))


def challenge_state(challenge: Challenge) -> str:
    """open | answered | consumed | expired."""
    if challenge.consumed_at:
        return "consumed"
    if challenge.answered_at:
        return "answered"
    if clock.now() >= challenge.expires_at:
        return "expired"
    return "open"


@transaction.atomic
def create_login_challenge(*, session_key: str) -> Challenge:
    """A new sign-in challenge, or the session's open one while it has a minute left (reloads make none)."""
    now = clock.now()
    current = (
        Challenge.objects.filter(
            purpose=ChallengePurpose.LOGIN,
            session_key=session_key,
            answered_at__isnull=True,
            expires_at__gt=now + timedelta(seconds=60),
        )
        .order_by("-expires_at")
        .first()
    )
    if current is not None and session_key:
        return current
    return Challenge.objects.create(
        token=secrets.token_urlsafe(32),
        purpose=ChallengePurpose.LOGIN,
        payload=LOGIN_PREFIX + secrets.token_hex(16).encode("ascii"),
        session_key=session_key,
        created_at=now,
        expires_at=now + lifetime(),
    )


@transaction.atomic
def create_signing_challenge(*, user: User, payload: bytes) -> Challenge:
    if not user.iin:
        raise NoIin()
    now = clock.now()
    return Challenge.objects.create(
        token=secrets.token_urlsafe(32),
        purpose=ChallengePurpose.SIGN,
        payload=payload,
        created_by=user,
        created_at=now,
        expires_at=now + lifetime(),
    )


def open_challenge(token: str) -> Challenge:
    """The challenge a phone is about to answer; refuses unknown, expired and used ones."""
    challenge = Challenge.objects.filter(token=token).first() if token else None
    if challenge is None:
        raise ChallengeNotFound()
    _require_open(challenge)
    return challenge


def _require_open(challenge: Challenge) -> None:
    state = challenge_state(challenge)
    if state in ("answered", "consumed"):
        raise ChallengeUsed()
    if state == "expired":
        raise ChallengeExpired()


@transaction.atomic
def answer_challenge(
    *, token: str, signature_b64: str, certificate_pem: str, chain_pem: str = ""
) -> Challenge:
    """The phone's answer. A refused answer changes nothing, so the person may retry with the right key."""
    challenge = Challenge.objects.select_for_update().filter(token=token).first() if token else None
    if challenge is None:
        raise ChallengeNotFound()
    _require_open(challenge)
    signature = decode_signature(signature_b64)
    if signature is None or not certificate_pem.strip():
        raise MalformedSignature()
    payload = bytes(challenge.payload)
    if challenge.purpose == ChallengePurpose.LOGIN:
        verdict = verify_authentication(
            payload=payload,
            signature=signature,
            certificate_pem=certificate_pem,
            chain_pem=chain_pem,
        )
        if not verdict.is_valid:  # sign-in needs a settled answer; PENDING is refused too
            raise SignatureRejected(verdict)
        user = get_user_model().objects.filter(iin=verdict.subject_iin, is_active=True).first()
        if user is None:
            raise NoAccount()
        challenge.answered_by = user
    else:
        creator = challenge.created_by
        assert creator is not None
        record, verdict = record_signature(
            payload=payload,
            signature=signature,
            certificate_pem=certificate_pem,
            chain_pem=chain_pem,
            expected_iin=creator.iin or "",
            signer=creator,
            source=SignatureSource.QR,
        )
        if verdict.status == SignatureStatus.INVALID:
            transaction.set_rollback(True)
            raise SignatureRejected(verdict)
        challenge.record = record
        challenge.answered_by = creator
    challenge.answered_at = clock.now()
    challenge.save(update_fields=["answered_by", "answered_at", "record"])
    return challenge


@transaction.atomic
def consume_login(*, challenge_id: int, session_key: str) -> User | None:
    """The person to sign in, once, for the session that showed the QR code; None while waiting."""
    challenge = (
        Challenge.objects.select_for_update(of=("self",))
        .filter(pk=challenge_id, purpose=ChallengePurpose.LOGIN, session_key=session_key)
        .select_related("answered_by")
        .first()
    )
    if challenge is None or not session_key:
        raise ChallengeNotFound()
    state = challenge_state(challenge)
    if state == "consumed":
        raise ChallengeUsed()
    if state == "expired":
        raise ChallengeExpired()
    if state == "open":
        return None
    challenge.consumed_at = clock.now()
    challenge.save(update_fields=["consumed_at"])
    return challenge.answered_by


def signing_result(challenge: Challenge) -> dict[str, str]:
    """What the waiting sign widget fills into its form once the phone has signed."""
    record = challenge.record
    if record is None:
        return {}
    return {
        "signature": record.signature_b64,
        "certificate": record.certificate_pem,
        "status": record.status,
        "code": record.code,
        "record": str(record.pk),
    }


def payload_b64(challenge: Challenge) -> str:
    return base64.b64encode(bytes(challenge.payload)).decode("ascii")


def purge_challenges(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Delete challenges that expired more than ``older_than`` ago (they are single use anyway)."""
    deleted, _ = Challenge.objects.filter(expires_at__lt=clock.now() - older_than).delete()
    return deleted
