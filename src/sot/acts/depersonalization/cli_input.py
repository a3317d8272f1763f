"""Reading the ``sot depersonalize`` inputs, with errors a user can act on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.utils.translation import gettext as _

from .types import Person


class InputError(ValueError):
    """Bad command-line input; the message is translated and says what to fix."""


def read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(_("File not found: %(path)s") % {"path": source}) from None
    except IsADirectoryError:
        raise InputError(
            _("%(path)s is a directory, not a text file.") % {"path": source}
        ) from None
    except PermissionError:
        raise InputError(_("Cannot read %(path)s: permission denied.") % {"path": source}) from None
    except UnicodeDecodeError:
        raise InputError(_("%(path)s is not UTF-8 text.") % {"path": source}) from None
    except OSError as exc:
        raise InputError(
            _("Cannot read %(path)s: %(reason)s") % {"path": source, "reason": exc.strerror}
        ) from None


def read_participants(source: str) -> list[Person]:
    """A JSON list of ``{"name": ..., "role": ...}`` objects."""
    raw = read_text(source)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            _("The participants file is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": exc.lineno, "column": exc.colno}
        ) from None
    if not isinstance(data, list):
        raise InputError(
            _('The participants file must hold a JSON list of {"name", "role"} objects.')
        )
    people = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(_("Participant %(number)s is not an object.") % {"number": number})
        name = item.get("name")
        role = item.get("role", "")
        if not isinstance(name, str) or not name.strip():
            raise InputError(_("Participant %(number)s has no name.") % {"number": number})
        if not isinstance(role, str):
            raise InputError(
                _("Participant %(number)s: the role must be text.") % {"number": number}
            )
        people.append(Person(name=name.strip(), role=role.strip()))
    return people
