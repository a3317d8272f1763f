"""Concurrent appenders on PostgreSQL: every index used exactly once, and the tree stays whole."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from sot.ledger import selectors, services
from sot.ledger.models import Leaf, LogState, Node, TreeHead

from . import rfc9162_verifier as rfc

THREADS = 8
APPENDS = 15


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_never_double_book_or_skip_an_index():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes all writers by locking the file; the race needs PostgreSQL")
    services.ledger_append(kind="seed", data={})  # the state row exists before the race
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def appender(worker: int) -> None:
        try:
            barrier.wait()
            for n in range(APPENDS):
                if n % 3 == 0:
                    services.ledger_append_many(
                        entries=[
                            services.LeafInput(kind="race", data={"w": worker, "n": n, "b": b})
                            for b in range(3)
                        ]
                    )
                else:
                    services.ledger_append(kind="race", data={"w": worker, "n": n})
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=appender, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    per_worker = APPENDS + 2 * len(range(0, APPENDS, 3))
    total = 1 + THREADS * per_worker
    indexes = list(Leaf.objects.order_by("index").values_list("index", flat=True))
    assert indexes == list(range(total))
    assert LogState.objects.get().size == total
    assert Node.objects.filter(level=0).count() == total
    head = selectors.tree_head_latest()
    assert head is not None
    assert head.tree_size == total
    leaves = [bytes(d) for d in Leaf.objects.order_by("index").values_list("data", flat=True)]
    assert bytes(head.root_hash) == rfc.mth(leaves)
    # every head signed along the way is a prefix of the final tree
    for old in TreeHead.objects.order_by("tree_size"):
        assert bytes(old.root_hash) == rfc.mth(leaves[: old.tree_size])
