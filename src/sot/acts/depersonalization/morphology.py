"""One pymorphy3 analyzer per process (its Russian dictionaries take a fifth of a second to load)."""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import Any


@cache
def analyzer() -> Any:
    import pymorphy3

    # pymorphy3 logs every dictionary load at INFO; `sot depersonalize` output should stay clean.
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    return pymorphy3.MorphAnalyzer()


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=65536)  # bounded: a worker lives for many acts
def is_common_word(lower: str) -> bool:
    """pymorphy3 knows the word, and not as a name, surname or patronymic (``республики``, ``суда``)."""
    parses = analyzer().parse(lower)
    if not parses or not parses[0].is_known:
        return False
    return not any(_NAME_GRAMMEMES & set(p.tag.grammemes) for p in parses[:3])
