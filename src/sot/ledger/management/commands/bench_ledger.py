"""``sot bench_ledger``: append throughput and inclusion-proof latency of the transparency log.

Appends ``--leaves`` entries through ``ledger_append_many`` in batches of ``--batch`` (one
transaction and one signed tree head per batch), then times ``--proofs`` inclusion proofs of random
leaves against the latest head. Use a throw-away database: the log is append-only.
"""

from __future__ import annotations

import random
import statistics
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from sot.ledger import selectors, services


class Command(BaseCommand):
    help = "Benchmark ledger appends (leaves/s) and inclusion proofs (p50/p95 ms)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--leaves", type=int, default=100_000)
        parser.add_argument("--batch", type=int, default=1000)
        parser.add_argument("--proofs", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=9162)

    def handle(self, *args: Any, **options: Any) -> None:
        leaves, batch = options["leaves"], options["batch"]
        rng = random.Random(options["seed"])  # noqa: S311 - benchmark sampling, not security
        start_size = selectors.published_size()
        started = time.perf_counter()
        done = 0
        while done < leaves:
            count = min(batch, leaves - done)
            services.ledger_append_many(
                entries=[
                    services.LeafInput(
                        kind="bench.entry",
                        data={"n": start_size + done + i, "text": "Сот актісінің хэші"},
                    )
                    for i in range(count)
                ]
            )
            done += count
        elapsed = time.perf_counter() - started
        size = selectors.published_size()
        if leaves:
            self.stdout.write(
                f"appended {leaves:,} leaves in {elapsed:.2f} s: {leaves / elapsed:,.0f} leaves/s "
                f"(batches of {batch}; tree size now {size:,})"
            )

        timings = []
        for _ in range(options["proofs"]):
            index = rng.randrange(size)
            began = time.perf_counter()
            selectors.inclusion_proof(index)
            timings.append((time.perf_counter() - began) * 1000)
        if timings:
            cuts = statistics.quantiles(timings, n=100)
            self.stdout.write(
                f"inclusion proof over {len(timings)} random leaves at size {size:,}: "
                f"p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms, max {max(timings):.2f} ms"
            )
