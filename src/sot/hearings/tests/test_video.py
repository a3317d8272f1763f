"""The video adapter: the local bridge's rooms and the external bridge's signed join links."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from sot.accounts.tests.factories import UserFactory
from sot.hearings.video import JitsiVideoBridge, LocalVideoBridge, video_bridge

from .conftest import at


def _decode(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_local_rooms_are_unguessable_and_link_to_this_server():
    bridge = LocalVideoBridge()
    rooms = {bridge.room_create() for _ in range(50)}
    assert len(rooms) == 50
    room = rooms.pop()
    url = bridge.join_url(room=room, user=None, starts_at=at(12, 10), is_moderator=False)  # type: ignore[arg-type]
    assert url == f"/hearings/video/{room}/"


@pytest.mark.django_db
def test_the_jitsi_link_carries_a_token_signed_with_the_shared_secret():
    bridge = JitsiVideoBridge(base_url="https://meet.court.kz", app_id="sot", secret="s3cret")
    user = UserFactory(first_name="Ержан", last_name="Жұмабаев")
    room = bridge.room_create()

    url = bridge.join_url(room=room, user=user, starts_at=at(12, 10), is_moderator=True)

    assert url.startswith(f"https://meet.court.kz/{room}?jwt=")
    token = url.split("jwt=", 1)[1]
    header, payload, signature = token.split(".")
    expected = hmac.new(b"s3cret", f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert base64.urlsafe_b64encode(expected).rstrip(b"=").decode() == signature
    assert _decode(header) == {"alg": "HS256", "typ": "JWT"}
    claims = _decode(payload)
    assert claims["room"] == room
    assert claims["aud"] == "jitsi"
    assert claims["sub"] == "meet.court.kz"
    assert claims["context"]["user"]["moderator"] is True
    assert claims["exp"] > int(at(12, 10).timestamp()) > claims["nbf"]


def test_the_backend_is_chosen_by_settings(settings):
    assert video_bridge().name == "local"
    settings.SOT_VIDEO_BACKEND = "jitsi"
    settings.SOT_VIDEO_BRIDGE_URL = "https://meet.court.kz"
    settings.SOT_VIDEO_JWT_SECRET = "x"
    assert video_bridge().name == "jitsi"
    settings.SOT_VIDEO_JWT_SECRET = ""
    with pytest.raises(ImproperlyConfigured):
        video_bridge()
    settings.SOT_VIDEO_BACKEND = "carrier-pigeon"
    with pytest.raises(ImproperlyConfigured):
        video_bridge()
