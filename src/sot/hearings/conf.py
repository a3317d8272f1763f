"""The hearings' settings: a Django setting when the settings module sets one, else the environment.

| setting | default | meaning |
|---|---|---|
| ``SOT_HEARING_LATE_START_MINUTES`` | 10 | a hearing opened later than this after its time is a late start |
| ``SOT_VIDEO_BACKEND`` | ``local`` | ``local`` (rooms on this server) or ``jitsi`` (an external bridge) |
| ``SOT_VIDEO_BRIDGE_URL`` | (none) | the bridge's base URL, e.g. ``https://meet.court.kz`` (jitsi) |
| ``SOT_VIDEO_JWT_APP_ID`` | ``sot`` | the ``iss`` of the bridge's tokens (jitsi) |
| ``SOT_VIDEO_JWT_SECRET`` | (none) | the shared HMAC secret the bridge checks tokens with (jitsi) |
| ``SOT_VIDEO_TOKEN_MINUTES`` | 240 | how long a join token stays valid after the hearing's start |
"""

from __future__ import annotations

import os
from datetime import timedelta

from django.conf import settings


def _setting(name: str, default: str) -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


def late_start_tolerance() -> timedelta:
    return timedelta(minutes=int(_setting("SOT_HEARING_LATE_START_MINUTES", "10")))


def video_backend_name() -> str:
    return _setting("SOT_VIDEO_BACKEND", "local")


def video_bridge_url() -> str:
    return _setting("SOT_VIDEO_BRIDGE_URL", "").rstrip("/")


def video_jwt_app_id() -> str:
    return _setting("SOT_VIDEO_JWT_APP_ID", "sot")


def video_jwt_secret() -> str:
    return _setting("SOT_VIDEO_JWT_SECRET", "")


def video_token_lifetime() -> timedelta:
    return timedelta(minutes=int(_setting("SOT_VIDEO_TOKEN_MINUTES", "240")))
