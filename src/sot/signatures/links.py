"""URLs and QR codes for challenges."""

from __future__ import annotations

import segno
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Challenge


def phone_url(request: HttpRequest, challenge: Challenge) -> str:
    """Absolute, so a phone scanning the code reaches this server."""
    return request.build_absolute_uri(reverse("signatures:phone", args=[challenge.token]))


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code (no external service sees the secret URL)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title=_("QR code to scan with your phone")
    )
    return mark_safe(svg)  # noqa: S308 - segno's own SVG; the URL is ours and escaped by segno
