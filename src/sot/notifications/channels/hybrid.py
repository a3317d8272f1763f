"""Hybrid mail: each notice becomes a PDF letter in a spool directory; ``print_batch_make`` packs
the waiting letters into a ZIP with a manifest for the print centre, which prints, envelopes and
posts them, then reports delivery through the ``print-centre`` receipt endpoint.

Letters are rendered with WeasyPrint using Debian's Noto/DejaVu fonts, which carry the Kazakh
letters (ә ғ қ ң ө ұ ү һ і).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from .base import Outgoing, SendResult, TemporaryError, no_connection


def spool_dir() -> Path:
    return Path(getattr(settings, "SOT_HYBRID_MAIL_DIR", settings.DATA_DIR / "hybrid-mail"))


def pending_dir() -> Path:
    return spool_dir() / "pending"


def letter_pdf(message: Outgoing) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "notifications/print/letter.html",
        {"message": message, "lang": message.lang, **message.extra},
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


class HybridMail:
    name = "hybrid_mail"
    provider = "print-centre"

    def session(self) -> Any:
        return no_connection()

    def send(self, message: Outgoing, connection: Any) -> SendResult:
        folder = pending_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{message.key}.pdf"
        if not target.exists():  # the key names the letter: a repeat writes nothing new
            try:
                partial = target.with_suffix(".part")
                partial.write_bytes(letter_pdf(message))
                partial.replace(target)
            except OSError as error:
                raise TemporaryError(f"spool: {error}") from error
        return SendResult(provider=self.provider, provider_id=message.key)
