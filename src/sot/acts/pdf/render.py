"""Render a signed act to PDF bytes.

The HTML is built from ``acts/pdf.html``; fonts come from ``fonts.py`` as ``file://`` URLs and are
embedded (subset) by WeasyPrint. The font configuration and stylesheet are built once per process:
parsing them costs more than laying out a two-page act.
"""

from __future__ import annotations

import base64
import logging
from functools import cache
from typing import Any

import segno
from django.template.loader import render_to_string
from django.utils import translation

from ..conf import public_url
from ..models import Act
from .fonts import FontsMissing, font_face_css

# WeasyPrint logs every rendering step at INFO: noise in a server's log for each signed act.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

__all__ = ["FontsMissing", "check_url", "qr_svg_data_uri", "render_act_pdf"]

CSS_TEXT = """
@page { size: A4; margin: 20mm 18mm 22mm 25mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-family: "SotAct"; font-size: 9pt; } }
html { font-family: "SotAct"; font-size: 12pt; line-height: 1.35; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 2mm; }
.preamble { text-align: center; font-weight: bold; margin: 0 0 3mm; }
.number { text-align: center; margin: 0 0 6mm; }
.part { font-weight: bold; margin: 5mm 0 2mm; }
p { margin: 0 0 2mm; text-align: justify; }
.signature { margin-top: 10mm; }
.check { margin-top: 10mm; border-top: 0.5pt solid #000; padding-top: 3mm; font-size: 9pt;
  display: flex; gap: 5mm; align-items: center; }
.check img { width: 28mm; height: 28mm; }
.code { font-size: 12pt; font-weight: bold; letter-spacing: 1pt; }
"""


@cache
def _styles() -> tuple[Any, Any]:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return CSS(string=font_face_css() + CSS_TEXT, font_config=fonts), fonts


def check_url(code: str) -> str:
    return f"{public_url()}/acts/check/{code}/"


def qr_svg_data_uri(text: str) -> str:
    svg = segno.make(text, error="m").svg_inline(scale=4, border=1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _lines(text: str) -> list[dict[str, str]]:
    """Classify the act's plain-text lines so headings print as headings."""
    rows = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        is_heading = stripped.isupper() and not stripped[0].isdigit()
        rows.append({"text": stripped, "style": "part" if is_heading else ""})
    return rows


def render_act_pdf(act: Act) -> bytes:
    """The PDF of a signed act (its text, signer, check code and QR) in the act's language."""
    from weasyprint import HTML

    stylesheet, fonts = _styles()
    url = check_url(act.short_code or "")
    with translation.override(act.lang):
        html = render_to_string(
            "acts/pdf.html",
            {
                "act": act,
                "lines": _lines(act.text),
                "check_url": url,
                "qr": qr_svg_data_uri(url),
                "court_name": act.court.name_kk if act.lang == "kk" else act.court.name_ru,
            },
        )
    document = HTML(string=html, base_url="/")
    return bytes(document.write_pdf(stylesheets=[stylesheet], font_config=fonts))
