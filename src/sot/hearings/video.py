"""The video adapter: where a video hearing's room lives and how a person joins it.

Two bridges share one interface. ``LocalVideoBridge`` (the default) makes rooms on this server: the
join link opens ``/hearings/video/<room>/``, a page only the hearing's bench, hearing secretary and
participants may open. It carries no media: it is for development and closed networks, where the
page tells everyone who is in the room and whether the hearing is open. ``JitsiVideoBridge`` names
a room on an external Jitsi-compatible bridge and gives each person a link with a JWT signed with
the shared secret (HS256), which the bridge checks; judges join as moderators. Neither makes a
network call: a bridge with token authentication needs none to create a room.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from sot.accounts.models import User

from . import conf


class VideoBridge(Protocol):
    name: str

    def room_create(self) -> str:
        """A new, unguessable room id."""
        ...

    def join_url(self, *, room: str, user: User, starts_at: datetime, is_moderator: bool) -> str:
        """The link ``user`` opens to join ``room``."""
        ...


class LocalVideoBridge:
    name = "local"

    def room_create(self) -> str:
        return secrets.token_urlsafe(18)

    def join_url(self, *, room: str, user: User, starts_at: datetime, is_moderator: bool) -> str:
        # The page checks who may enter; the link itself grants nothing.
        return reverse("hearings:video_room", kwargs={"room": room})


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_hs256(claims: dict[str, Any], secret: str) -> str:
    """A compact JWS (RFC 7515) with HMAC-SHA256: header.payload.signature, base64url, unpadded."""
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64url(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64url(signature)}"


class JitsiVideoBridge:
    """A Jitsi Meet deployment with token authentication (``token_auth``, app id and secret)."""

    name = "jitsi"

    def __init__(self, *, base_url: str, app_id: str, secret: str) -> None:
        if not base_url.startswith("https://") or not secret:
            raise ImproperlyConfigured(
                "SOT_VIDEO_BACKEND=jitsi needs SOT_VIDEO_BRIDGE_URL (https://…) and "
                "SOT_VIDEO_JWT_SECRET"
            )
        self.base_url = base_url.rstrip("/")
        self.app_id = app_id
        self.secret = secret

    def room_create(self) -> str:
        # Jitsi room names are case-insensitive: lower-case hex only.
        return f"sot-{secrets.token_hex(12)}"

    def join_url(self, *, room: str, user: User, starts_at: datetime, is_moderator: bool) -> str:
        opens = int(starts_at.timestamp()) - 3600
        claims = {
            "aud": "jitsi",
            "iss": self.app_id,
            "sub": urlsplit(self.base_url).hostname or "",
            "room": room,
            "nbf": opens,
            "exp": int((starts_at + conf.video_token_lifetime()).timestamp()),
            "context": {
                "user": {
                    "id": str(user.pk),
                    "name": user.full_name or user.username,
                    "moderator": is_moderator,
                }
            },
        }
        return f"{self.base_url}/{room}?jwt={jwt_hs256(claims, self.secret)}"


def video_bridge(name: str | None = None) -> VideoBridge:
    """The configured bridge (``SOT_VIDEO_BACKEND``), or the one a hearing's room was made on."""
    chosen = name or conf.video_backend_name()
    if chosen == LocalVideoBridge.name:
        return LocalVideoBridge()
    if chosen == JitsiVideoBridge.name:
        return JitsiVideoBridge(
            base_url=conf.video_bridge_url(),
            app_id=conf.video_jwt_app_id(),
            secret=conf.video_jwt_secret(),
        )
    raise ImproperlyConfigured(f"Unknown SOT_VIDEO_BACKEND: {chosen!r}")
