"""Web push (RFC 8030/8291) with VAPID (RFC 8292) through ``pywebpush``; a local channel records.

Keys: ``sot notifications vapid-keys`` prints a new P-256 key pair; put the private key (PEM file
path or base64url) in ``SOT_VAPID_PRIVATE_KEY``, the public one (base64url, uncompressed point) in
``SOT_VAPID_PUBLIC_KEY`` for the browser's ``pushManager.subscribe``, and a contact in
``SOT_VAPID_SUBJECT`` (``mailto:…``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

from ..models import Channel, RecordedMessage
from .base import Outgoing, PermanentError, SendResult, TemporaryError, no_connection


def vapid_key_pair() -> tuple[str, str]:
    """A new VAPID key pair: (private key PEM, public key base64url for the browser)."""
    key = ec.generate_private_key(ec.SECP256R1())
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return private_pem, base64.urlsafe_b64encode(point).rstrip(b"=").decode()


def _payload(message: Outgoing) -> str:
    return json.dumps(
        {"title": message.subject, "body": message.body, "tag": message.key}, ensure_ascii=False
    )


class WebPush:
    name = "push"
    provider = "webpush"

    def session(self) -> Any:
        return no_connection()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        from pywebpush import WebPushException, webpush

        subscription = json.loads(message.address)
        try:
            response = webpush(
                subscription_info=subscription,
                data=_payload(message),
                vapid_private_key=getattr(settings, "SOT_VAPID_PRIVATE_KEY", ""),
                vapid_claims={
                    "sub": getattr(settings, "SOT_VAPID_SUBJECT", "mailto:sot@localhost")
                },
                ttl=int(getattr(settings, "SOT_VAPID_TTL", 86400)),
                timeout=10,
                headers={"Topic": message.key.replace("-", "")[:32]},
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            # 404/410: the subscription is gone; 4xx other than 429: the request is wrong.
            if status in (404, 410) or (status and 400 <= status < 500 and status != 429):
                raise PermanentError(f"push service answered {status}") from error
            raise TemporaryError(str(error)) from error
        location = getattr(response, "headers", {}).get("Location", "") or message.key
        return SendResult(provider=self.provider, provider_id=location[-128:])


class LocalPush:
    """Records the push message instead of sending it."""

    name = "push"
    provider = "local-push"

    def session(self) -> Any:
        return no_connection()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        RecordedMessage.objects.get_or_create(
            key=message.key,
            defaults={
                "channel": Channel.PUSH,
                "address": message.address,
                "text": _payload(message),
            },
        )
        return SendResult(provider=self.provider, provider_id=message.key, is_delivered=True)
