"""Settings of the acts app (all optional), read at call time so tests can override them.

``SOT_ACTS_PUBLIC_URL``: the site's public address printed in the QR code and under the check code
(env ``SOT_ACTS_PUBLIC_URL``; default ``http://localhost:8000``).
``SOT_ACTS_FONT_DIRS``: directories searched for the PDF fonts (default: Debian's fonts-dejavu and
fonts-noto locations).
"""

from __future__ import annotations

import os

from django.conf import settings

DEFAULT_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
)


def public_url() -> str:
    value = getattr(settings, "SOT_ACTS_PUBLIC_URL", "") or os.environ.get(
        "SOT_ACTS_PUBLIC_URL", "http://localhost:8000"
    )
    return str(value).rstrip("/")


def font_dirs() -> tuple[str, ...]:
    return tuple(getattr(settings, "SOT_ACTS_FONT_DIRS", DEFAULT_FONT_DIRS))
