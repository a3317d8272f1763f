"""Compile the .po catalogues to .mo without GNU gettext, so a fresh machine needs only Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogues(locale_dirs: list[Path]) -> list[Path]:
    """Write every stale ``.mo`` next to its ``.po``; returns the files written."""
    written = []
    for locale_dir in locale_dirs:
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file, locale=po_path.parent.parent.name)
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog, use_fuzzy=False)
            written.append(mo_path)
    return written


class Command(BaseCommand):
    help = "Compile translation catalogues (.po → .mo) with Babel."

    def handle(self, *args: Any, **options: Any) -> None:
        written = compile_catalogues([Path(p) for p in settings.LOCALE_PATHS])
        self.stdout.write(f"compiled {len(written)} catalogue(s)")
