"""The ``sot`` console script: Django's management CLI with Sot's settings preset."""

from __future__ import annotations

import contextlib
import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sot.settings.dev")
    _compile_stale_catalogues()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sot", *(sys.argv[1:] if argv is None else argv)])


def _compile_stale_catalogues() -> None:
    """Before Django caches any translation: a fresh checkout's first command is in Kazakh too.

    An installed, read-only package was compiled by its build; nothing to do there.
    """
    from sot.core.catalogues import PACKAGE_LOCALE_DIR, compile_catalogues

    with contextlib.suppress(OSError):
        compile_catalogues([PACKAGE_LOCALE_DIR])


if __name__ == "__main__":
    main()
