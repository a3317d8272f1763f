"""Depersonalization of court acts before publication (issue 7, parts 5 and 7).

``depersonalize(text, lang=..., participants=...)`` returns the text with the personal data of
private persons replaced and the list of replaced spans (offsets into the input).
``depersonalize_many`` does the same for a batch on a process pool. See docs/depersonalization.md.
"""

from __future__ import annotations

from .engine import depersonalize, detect_language
from .pool import depersonalize_many
from .types import Entity, Kind, Person, Result

__all__ = [
    "Entity",
    "Kind",
    "Person",
    "Result",
    "depersonalize",
    "depersonalize_many",
    "detect_language",
]
