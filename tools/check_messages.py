"""Fail when the source has translatable strings the committed catalogues do not list.

The translation test checks that every catalogue entry is translated; this checks that the
catalogues are current. It extracts the strings from a temporary copy of the package (so the
repository is not touched) with Django's makemessages, which needs GNU gettext's xgettext, and
compares the message ids with the committed kk catalogue.
Usage: python tools/check_messages.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "sot"
IGNORE = ["--ignore=*/tests/*", "--ignore=seeding/*"]  # the same as tools/messages.sh


def message_ids(po_path: Path) -> set[tuple[str | None, str]]:
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    ids = set()
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        ids.add((message.context, msgid))
    return ids


def main() -> int:
    if shutil.which("xgettext") is None:
        print("check_messages: xgettext not found (install gettext)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "sot"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
        env = {**os.environ, "PYTHONPATH": tmp, "DJANGO_SETTINGS_MODULE": "sot.settings.test"}
        env.pop("DATABASE_URL", None)
        subprocess.run(  # noqa: S603 - fixed interpreter and arguments
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                "kk",
                "--no-obsolete",
                "--no-location",
                *IGNORE,
            ],
            cwd=copy,
            env=env,
            check=True,
            capture_output=True,
        )
        extracted = message_ids(copy / "locale" / "kk" / "LC_MESSAGES" / "django.po")
    committed = message_ids(PACKAGE / "locale" / "kk" / "LC_MESSAGES" / "django.po")
    missing = sorted(extracted - committed, key=str)
    stale = sorted(committed - extracted, key=str)
    for context, msgid in missing:
        print(f"not in the catalogues: {msgid!r}" + (f" (context {context!r})" if context else ""))
    for context, msgid in stale:
        print(
            f"no longer in the source: {msgid!r}" + (f" (context {context!r})" if context else "")
        )
    if missing or stale:
        print("run tools/messages.sh and translate the new entries", file=sys.stderr)
        return 1
    print(f"catalogues list all {len(extracted)} source strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
