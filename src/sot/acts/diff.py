"""Line diff between two versions of an act, for the editor's history."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str


def line_diff(old: str, new: str) -> list[DiffLine]:
    rows = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        tag, text = line[:2], line[2:]
        if tag == "  ":
            rows.append(DiffLine("same", text))
        elif tag == "+ ":
            rows.append(DiffLine("added", text))
        elif tag == "- ":
            rows.append(DiffLine("removed", text))
    return rows
