"""Building benchmark indexes from generated or corpus acts, without database rows.

Analysis is Python and the bottleneck: acts are generated and analysed in worker processes
(one per core), and the main process only hands the pre-analysed documents to tantivy's writer.
"""

from __future__ import annotations

import datetime
import json
import multiprocessing
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import store
from ..documents import Entry, analysed, to_document
from ..schema import IndexName
from .generator import synthetic_act
from .relevance import CORPUS

CHUNK = 1000


def entry_of(n: int, seed: int) -> Entry:
    act = synthetic_act(n, seed)
    return Entry(
        key=str(n),
        ref=act.id,
        number=act.id,
        lang=act.lang,
        text=act.text,
        court=act.court,
        region=act.region,
        category=act.category,
        instance=act.instance,
        kind=act.kind,
        outcome=act.outcome,
        issued_on=act.date,
        articles=act.articles,
    )


def _analysed_chunk(args: tuple[int, int, int]) -> list[Entry]:
    start, stop, seed = args
    result = []
    for n in range(start, stop):
        entry = entry_of(n, seed)
        result.append(Entry(**{**entry.__dict__, "terms": analysed(entry)}))
    return result


def _chunks(total: int, seed: int) -> Iterator[tuple[int, int, int]]:
    for start in range(0, total, CHUNK):
        yield start, min(total, start + CHUNK), seed


@dataclass(frozen=True)
class BuildReport:
    acts: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.acts / self.seconds if self.seconds else 0.0


def build_synthetic(root: Path, total: int, *, seed: int = 8, workers: int = 2) -> BuildReport:
    """Generate, analyse and index ``total`` acts into the public schema under ``root``."""
    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool, store.writer(IndexName.PUBLIC, root, threads=1) as writer:
        for entries in pool.imap(_analysed_chunk, _chunks(total, seed)):
            for entry in entries:
                writer.add_document(to_document(entry, IndexName.PUBLIC))
    return BuildReport(total, time.perf_counter() - started)


def corpus_entries() -> list[Entry]:
    entries = []
    with open(CORPUS, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            row = json.loads(line)
            entries.append(
                Entry(
                    key=str(n),
                    ref=row["id"],
                    number=row["id"],
                    lang=row["lang"],
                    text=row["text"],
                    court=row["court"],
                    region=row["region"],
                    category=row["category"],
                    instance=row["instance"],
                    kind=row["kind"],
                    outcome=row["outcome"],
                    issued_on=datetime.date.fromisoformat(row["date"]),
                    articles=row["articles"],
                )
            )
    return entries


def build_corpus(root: Path) -> int:
    entries = corpus_entries()
    with store.writer(IndexName.PUBLIC, root) as writer:
        writer.delete_all_documents()
        for entry in entries:
            writer.add_document(to_document(entry, IndexName.PUBLIC))
    return len(entries)


FTS_ROW = "rowid, text, court, region, category, instance, kind, outcome, lang, articles, issued"


def _texts_chunk(args: tuple[int, int, int]) -> list[tuple[object, ...]]:
    start, stop, seed = args
    rows: list[tuple[object, ...]] = []
    for n in range(start, stop):
        a = synthetic_act(n, seed)
        rows.append(
            (
                n,
                a.text,
                a.court,
                a.region,
                a.category,
                a.instance,
                a.kind,
                a.outcome,
                a.lang,
                " | ".join(a.articles),
                int(a.date.strftime("%Y%m%d")),
            )
        )
    return rows


def build_fts5(path: Path, total: int, *, seed: int = 8, workers: int = 2) -> BuildReport:
    """The baseline: the same texts in SQLite FTS5 (unicode61 tokenizer, no lemmas or stems)."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE acts USING fts5(text, court UNINDEXED, region UNINDEXED, "
        "category UNINDEXED, instance UNINDEXED, kind UNINDEXED, outcome UNINDEXED, "
        "lang UNINDEXED, articles UNINDEXED, issued UNINDEXED, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for rows in pool.imap(_texts_chunk, _chunks(total, seed)):
            # Column names are constants of this module; values are parameters.
            insert = f"INSERT INTO acts({FTS_ROW}) VALUES ({', '.join('?' * 11)})"  # noqa: S608
            db.executemany(insert, rows)
    db.commit()
    db.close()
    return BuildReport(total, time.perf_counter() - started)
