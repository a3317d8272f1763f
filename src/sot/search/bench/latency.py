"""Query latency: the page's query (hits + facets + snippets) on tantivy, and the same queries
on SQLite FTS5 (top 10 by bm25 with snippet(), plus a GROUP BY count as its facet)."""

from __future__ import annotations

import datetime
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine import SearchParams, search
from ..schema import IndexName
from .relevance import QUERIES, Judged

FTS_COLUMNS = {
    name: name for name in ("court", "region", "category", "instance", "kind", "outcome", "lang")
}
KINDS = {"word": ("word", "latin", "boolean"), "filter": ("filter",), "phrase": ("phrase",)}


@dataclass(frozen=True)
class Latency:
    samples: int
    p50_ms: float
    p95_ms: float
    # CPU time of this process (all its threads) per query: what the query costs when the
    # machine is shared, as it is here, and close to the wall time on an idle one.
    cpu_p50_ms: float
    cpu_p95_ms: float


def _percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.95))]


def queries_of(kind: str) -> list[Judged]:
    return [q for q in QUERIES if q.kind_of_query in KINDS[kind]]


def _measure(run: Callable[[Judged], object], queries: list[Judged], rounds: int) -> Latency:
    for query in queries:  # warm the caches once, as a running server would be
        run(query)
    wall, cpu = [], []
    for _ in range(rounds):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            run(query)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return Latency(len(wall), *_percentiles(wall), *_percentiles(cpu))


def tantivy_latency(root: Path, kind: str, rounds: int) -> Latency:
    def run(query: Judged) -> object:
        params = SearchParams(
            text=query.text,
            filters=query.filters,
            date_from=datetime.date.fromisoformat(query.date_from) if query.date_from else None,
            date_to=datetime.date.fromisoformat(query.date_to) if query.date_to else None,
        )
        return search(IndexName.PUBLIC, params, root=root)

    return _measure(run, queries_of(kind), rounds)


def fts_expression(query: Judged) -> str:
    """The query's words for FTS5: quoted (literal) terms, phrases kept as phrases; OR and NOT
    become FTS5's OR and NOT; a leading minus becomes NOT."""
    parts: list[str] = []
    pending_not = False
    tokens = []
    text = query.text
    inside = False
    word = ""
    for char in text + " ":
        if char == '"':
            if inside:
                tokens.append('"' + word.strip() + '"')
                word = ""
            inside = not inside
        elif char == " " and not inside:
            if word:
                tokens.append(word)
            word = ""
        else:
            word += char
    for token in tokens:
        if token in ("AND", "OR", "NOT"):
            parts.append(token)
            continue
        if token.startswith("-"):
            pending_not = True
            token = token[1:]
        quoted = token if token.startswith('"') else '"' + token.replace('"', "") + '"'
        parts.append(("NOT " if pending_not else "") + quoted)
        pending_not = False
    return " ".join(parts)


def fts_latency(path: Path, kind: str, rounds: int) -> Latency:
    db = sqlite3.connect(path)

    def run(query: Judged) -> object:
        where = "acts MATCH ?"
        args: list[str | int] = [fts_expression(query)]
        for name, values in query.filters.items():
            if name == "article":
                where += " AND articles LIKE '%' || ? || '%'"
            else:
                where += f" AND {FTS_COLUMNS[name]} = ?"
            args.append(values[0])
        if query.date_from:
            where += " AND issued >= ?"
            args.append(int(query.date_from.replace("-", "")))
        if query.date_to:
            where += " AND issued <= ?"
            args.append(int(query.date_to.replace("-", "")))
        hits = db.execute(
            # The WHERE clause names fixed columns only; every value is a parameter.
            f"SELECT rowid, snippet(acts, 0, '<mark>', '</mark>', '…', 30) FROM acts "  # noqa: S608
            f"WHERE {where} ORDER BY rank LIMIT 10",
            args,
        ).fetchall()
        facets = db.execute(
            f"SELECT court, count(*) FROM acts WHERE {where} GROUP BY court",  # noqa: S608
            args,
        ).fetchall()
        return hits, facets

    try:
        return _measure(run, queries_of(kind), rounds)
    finally:
        db.close()
