"""``sot bench depersonalize [--acts N] [--processes N] [--split all|dev|held-out] [--check] [--errors]``.

Prints precision and recall per entity kind on the annotated paragraphs, with and without the
participants list, and the throughput on ~8 KB acts built from them (issue 7, part 7 and Numbers).
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sot.acts.depersonalization import benchmark
from sot.acts.depersonalization.evaluation import Score, load_paragraphs
from sot.acts.depersonalization.types import Kind


class Command(BaseCommand):
    help = "Depersonalization quality (precision/recall per kind) and throughput."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--acts", type=int, default=600, help="acts for the throughput run (0: skip)"
        )
        parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
        parser.add_argument("--split", choices=["all", "dev", "held-out"], default="all")
        parser.add_argument("--check", action="store_true", help="fail when a target is missed")
        parser.add_argument("--errors", action="store_true", help="list misses and false alarms")

    def handle(self, *args: Any, **options: Any) -> None:
        paragraphs = load_paragraphs()
        if options["split"] == "dev":
            chosen = [p for p in paragraphs if not p.is_held_out]
        elif options["split"] == "held-out":
            chosen = [p for p in paragraphs if p.is_held_out]
        else:
            chosen = paragraphs
        langs = sorted({p.lang for p in chosen})
        self.stdout.write(
            f"Annotated paragraphs: {len(chosen)} ({options['split']}; "
            + ", ".join(f"{lang}: {sum(p.lang == lang for p in chosen)}" for lang in langs)
            + f"; held out: {sum(p.is_held_out for p in chosen)})"
        )
        with_people = benchmark.score(chosen, with_participants=True)
        without_people = benchmark.score(chosen, with_participants=False)
        self._table("With participants", with_people, options["errors"])
        self._table("Without participants", without_people, options["errors"])
        failures = benchmark.floor_failures(with_people, without_people)
        self.stdout.write("Targets: " + ("all met" if not failures else "; ".join(failures)))
        if options["acts"] > 0:
            acts = benchmark.synthetic_acts(paragraphs, options["acts"])
            result = benchmark.throughput(acts, processes=options["processes"])
            self.stdout.write(
                f"Throughput: {result.acts} acts of ~{result.mean_chars} chars in "
                f"{result.seconds:.2f} s with {result.processes} processes = "
                f"{result.acts_per_second:.1f} acts/s; a national day (5,200 acts) in "
                f"{result.national_day_seconds:.0f} s"
            )
            self.stdout.write(
                f"CPU: {result.cpu_seconds / result.acts * 1000:.1f} ms per act = "
                f"{result.acts_per_cpu_second:.1f} acts/s per dedicated core, "
                f"{result.acts_per_cpu_second * result.processes:.1f} acts/s on {result.processes}"
            )
        if options["check"] and failures:
            raise CommandError("targets missed: " + "; ".join(failures))

    def _table(self, title: str, score: Score, errors: bool) -> None:
        self.stdout.write(f"\n{title}")
        self.stdout.write(
            f"  {'kind':<12} {'gold':>5} {'found':>6} {'recall':>7} {'pred':>5} {'precision':>9}"
        )
        for kind in Kind.ALL:
            counts = score.by_kind.get(kind)
            if counts is None:
                continue
            self.stdout.write(
                f"  {kind:<12} {counts.gold:>5} {counts.found:>6} {counts.recall:>7.3f} "
                f"{counts.predicted:>5} {counts.precision:>9.3f}"
            )
        total = score.overall
        self.stdout.write(
            f"  {'overall':<12} {total.gold:>5} {total.found:>6} {total.recall:>7.3f} "
            f"{total.predicted:>5} {total.precision:>9.3f}"
        )
        if errors:
            for paragraph_id, kind, text in score.misses:
                self.stdout.write(f"    miss  {paragraph_id} {kind}: {text}")
            for paragraph_id, kind, text in score.false_alarms:
                self.stdout.write(f"    false {paragraph_id} {kind}: {text}")
