"""``sot i18n_compile``: compile the translation catalogues without GNU gettext."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from sot.core.catalogues import compile_catalogues


class Command(BaseCommand):
    help = "Compile translation catalogues (.po → .mo) with Babel."

    def handle(self, *args: Any, **options: Any) -> None:
        written = compile_catalogues([Path(p) for p in settings.LOCALE_PATHS])
        self.stdout.write(f"compiled {len(written)} catalogue(s)")
