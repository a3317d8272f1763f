"""Delivery receipts from providers: one endpoint per provider, signed with its own secret.

The provider (or the relay in front of it) sends ``X-Sot-Signature: sha256=<hex>``, an
HMAC-SHA256 of the raw request body under the secret configured for that provider in
``SOT_NOTIFY_RECEIPT_SECRETS`` (``{"smpp": "...", "email": "...", "push": "...",
"print-centre": "..."}``). A provider without a secret cannot post receipts.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

# Endpoint → the provider names its deliveries are recorded under.
PROVIDERS: dict[str, tuple[str, ...]] = {
    "smpp": ("smpp", "local-sms"),
    "email": ("smtp",),
    "push": ("webpush", "local-push"),
    "print-centre": ("print-centre",),
}
HEADER = "HTTP_X_SOT_SIGNATURE"


def secret_for(endpoint: str) -> str:
    secrets: dict[str, str] = getattr(settings, "SOT_NOTIFY_RECEIPT_SECRETS", {}) or {}
    return secrets.get(endpoint, "")


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_authentic(endpoint: str, body: bytes, signature: str) -> bool:
    secret = secret_for(endpoint)
    if not secret or not signature:
        return False
    return hmac.compare_digest(sign(secret, body), signature.strip())
