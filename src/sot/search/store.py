"""Opening the indexes, and the single writer.

Every process reads; one writes at a time. The writer holds an exclusive ``flock`` on
``<index dir>/<name>.lock`` for as long as its tantivy writer is open (tantivy also refuses a
second writer, but the lock makes concurrent task workers wait instead of failing).
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.conf import settings

from .schema import TERMS_TOKENIZER, IndexName, build_schema, terms_analyzer

WRITER_HEAP_BYTES = 128_000_000

_opened: dict[Path, tantivy.Index] = {}
_opened_lock = threading.Lock()


def index_path(name: IndexName, root: Path | None = None) -> Path:
    return Path(root or settings.SOT_SEARCH_INDEX_DIR) / name.value


def open_index(name: IndexName, root: Path | None = None) -> tantivy.Index:
    """The index, created empty when missing; one handle per process and directory."""
    path = index_path(name, root)
    with _opened_lock:
        index = _opened.get(path)
        if index is None or not (path / "meta.json").exists():
            path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(build_schema(name), path=str(path), reuse=True)
            index.register_tokenizer(TERMS_TOKENIZER, terms_analyzer())
            _opened[path] = index
        return index


def forget_indexes() -> None:
    """Drop the cached handles (tests that move SOT_SEARCH_INDEX_DIR)."""
    with _opened_lock:
        _opened.clear()


def searcher(name: IndexName, root: Path | None = None) -> tuple[tantivy.Index, tantivy.Searcher]:
    index = open_index(name, root)
    # Cheap when nothing changed; makes a commit of the writer process visible at once.
    index.reload()
    return index, index.searcher()


@contextmanager
def writer(
    name: IndexName, root: Path | None = None, *, threads: int = 0
) -> Iterator[tantivy.IndexWriter]:
    """The one writer of ``name``: waits for the lock, commits on success, rolls back on error."""
    index = open_index(name, root)
    lock_path = index_path(name, root).with_suffix(".lock")
    with open(lock_path, "a+b") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            handle = index.writer(WRITER_HEAP_BYTES, threads)
            try:
                yield handle
            except BaseException:
                handle.rollback()
                raise
            handle.commit()
            handle.wait_merging_threads()
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)
