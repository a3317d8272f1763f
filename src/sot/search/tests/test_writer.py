"""One writer at a time: concurrent indexing waits for the file lock instead of failing."""

from __future__ import annotations

import threading

import pytest

from sot.search import store
from sot.search.documents import Entry, to_document
from sot.search.engine import SearchParams, search
from sot.search.schema import IndexName


def entry(n: int) -> Entry:
    import datetime

    return Entry(
        key=str(n),
        ref=str(n),
        number=str(n),
        lang="ru",
        text=f"Решение номер {n}",
        court="T1",
        region="R",
        category="civil",
        instance="first",
        kind="decision",
        outcome="",
        issued_on=datetime.date(2024, 1, 1),
    )


def test_concurrent_writers_are_serialised_and_every_document_lands():
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with store.writer(IndexName.PUBLIC) as writer:
                writer.add_document(to_document(entry(n), IndexName.PUBLIC))
        except BaseException as error:  # pragma: no cover - the assertion reports it
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert search(IndexName.PUBLIC, SearchParams(text="решение")).total == 4


def test_a_failed_batch_is_rolled_back():
    def failing_batch() -> None:
        with store.writer(IndexName.PUBLIC) as writer:
            writer.add_document(to_document(entry(1), IndexName.PUBLIC))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_batch()
    assert search(IndexName.PUBLIC, SearchParams(text="решение")).total == 0
