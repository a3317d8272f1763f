"""``sot demo`` step: fill the public bank with the repository corpus and index every act.

The corpus (360 short synthetic acts in Kazakh and Russian, ``bench/corpus.jsonl``) is imported
as published acts, as a court migrating its archive would; then both indexes are rebuilt from
the database, which also covers the acts the earlier demo steps made.
"""

from __future__ import annotations

from . import importing, indexing
from .bench.relevance import CORPUS


def demo_seed() -> None:
    with open(CORPUS, encoding="utf-8") as lines:
        importing.import_acts(lines, index=False)
    indexing.reindex()
