"""Fill the kk and ru catalogues from translation files, optionally re-extracting first.

Usage: .venv/bin/python tools/po_fill.py [--extract] [FILE.json ...]

Each JSON file maps a message id to its translations: ``{"msgid": {"kk": "...", "ru": "..."}}``;
a message with a context is keyed ``"context\\u0004msgid"``; plural messages give lists. Entries
already translated are left alone unless they are fuzzy. ``--extract`` runs tools/messages.sh
first. The whole run holds a lock, so two people filling the same catalogues do not lose each
other's work. Prints what is still untranslated.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "sot" / "locale"
LOCK = ROOT / "var" / ".catalogues.lock"


def _key(message) -> str:
    msgid = message.id[0] if isinstance(message.id, list | tuple) else message.id
    return f"{message.context}\u0004{msgid}" if message.context else msgid


def _fill(lang: str, translations: dict[str, dict[str, object]]) -> list[str]:
    path = LOCALE / lang / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, list | tuple) else [message.string]
        done = not message.fuzzy and all(s and s.strip() for s in strings)
        if done:
            continue
        found = translations.get(_key(message), {}).get(lang)
        if found is None:
            missing.append(_key(message).replace("\u0004", " | "))
            continue
        message.string = tuple(found) if isinstance(found, list) else found
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=76, omit_header=False)
    # Back to gettext's own layout, so the next makemessages run changes only what changed.
    subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)  # noqa: S603,S607
    return missing


def main(argv: list[str]) -> int:
    extract = "--extract" in argv
    files = [Path(a) for a in argv if a != "--extract"]
    translations: dict[str, dict[str, object]] = {}
    for file in files:
        translations.update(json.loads(file.read_text(encoding="utf-8")))
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if extract:
            subprocess.run([str(ROOT / "tools" / "messages.sh")], check=True)  # noqa: S603
        missing = {lang: _fill(lang, translations) for lang in ("kk", "ru")}
    for lang, ids in missing.items():
        for msgid in ids:
            print(f"{lang}: untranslated: {msgid}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
