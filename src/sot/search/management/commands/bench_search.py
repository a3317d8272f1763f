"""``sot bench search``: relevance of the public bank, query latency with facets and snippets,
index throughput, and SQLite FTS5 on the same texts as the baseline.

What is measured:
- relevance: recall@10 and nDCG@10 over the relevance set (``bench/relevance.json``) on an index
  of the repository corpus;
- throughput: acts generated (deterministic synthetic kk/ru texts), analysed in ``--workers``
  processes and added to a fresh public-bank index with their stored text, until the commit is
  durable; acts/s = acts / wall time. No database rows (PostgreSQL is not the part measured);
- latency: the page's query — top 10, facet counts over 8 fields, snippets of the 10 hits —
  for word, filter and phrase queries from the relevance set, after one warm-up pass;
- baseline: the same queries through SQLite FTS5 (bm25 top 10 with snippet(), and a GROUP BY
  count over the matches as its only facet) on the same generated texts.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sot.search import store
from sot.search.bench import build, latency
from sot.search.bench.evaluate import evaluate, ranked_ids


class Command(BaseCommand):
    help = "Benchmark search: relevance, latency (tantivy vs SQLite FTS5), index throughput."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--acts", type=int, default=1_000_000, help="synthetic acts to index")
        parser.add_argument("--workers", type=int, default=2, help="analysis processes")
        parser.add_argument("--rounds", type=int, default=5, help="passes over the queries")
        parser.add_argument("--dir", default="", help="work directory (default: a temp dir)")
        parser.add_argument("--no-fts", action="store_true", help="skip the FTS5 baseline")
        parser.add_argument("--keep", action="store_true", help="keep the work directory")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="measure latency on the indexes already in --dir (kept by --keep); no rebuild",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        work = Path(options["dir"] or tempfile.mkdtemp(prefix="sot-bench-search-"))
        work.mkdir(parents=True, exist_ok=True)
        figures: dict[str, Any] = {"acts": options["acts"], "workers": options["workers"]}
        try:
            figures["relevance"] = self._relevance(work / "corpus")
            self._say(f"relevance: {figures['relevance']}")
            if options["reuse"]:
                made = build.BuildReport(options["acts"], 0.0)
            else:
                made = build.build_synthetic(
                    work / "synthetic", options["acts"], workers=options["workers"]
                )
            figures["index"] = {
                "acts": made.acts,
                "seconds": round(made.seconds, 1),
                "acts_per_second": round(made.per_second),
            }
            self._say(f"index: {figures['index']}")
            figures["tantivy"] = {
                kind: latency.tantivy_latency(work / "synthetic", kind, options["rounds"]).__dict__
                for kind in latency.KINDS
            }
            self._say(f"tantivy: {figures['tantivy']}")
            if not options["no_fts"]:
                fts = (
                    build.BuildReport(options["acts"], 0.0)
                    if options["reuse"]
                    else build.build_fts5(
                        work / "fts5.sqlite3", options["acts"], workers=options["workers"]
                    )
                )
                figures["fts5_build_seconds"] = round(fts.seconds, 1)
                figures["fts5"] = {
                    kind: latency.fts_latency(
                        work / "fts5.sqlite3", kind, options["rounds"]
                    ).__dict__
                    for kind in latency.KINDS
                }
                figures["p95_ratio_fts5_over_tantivy"] = {
                    kind: round(
                        figures["fts5"][kind]["p95_ms"]
                        / max(figures["tantivy"][kind]["p95_ms"], 1e-6),
                        1,
                    )
                    for kind in latency.KINDS
                }
            self._report(figures, options["json"])
        finally:
            store.forget_indexes()
            if not options["keep"]:
                shutil.rmtree(work, ignore_errors=True)

    def _say(self, line: str) -> None:
        self.stderr.write(line)

    def _relevance(self, root: Path) -> dict[str, Any]:
        build.build_corpus(root)
        overall, per_kind, _ = evaluate(lambda query: ranked_ids(query, root))
        return {
            "queries": overall.queries,
            "recall@10": round(overall.recall, 3),
            "ndcg@10": round(overall.ndcg, 3),
            "by_kind": {
                k: {
                    "queries": v.queries,
                    "recall@10": round(v.recall, 3),
                    "ndcg@10": round(v.ndcg, 3),
                }
                for k, v in per_kind.items()
            },
        }

    def _report(self, figures: dict[str, Any], as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=1))
            return
        rel = figures["relevance"]
        lines = [
            f"relevance set: {rel['queries']} queries, recall@10 {rel['recall@10']}, nDCG@10 {rel['ndcg@10']}",
            (
                f"index: {figures['index']['acts']} acts in {figures['index']['seconds']} s = "
                f"{figures['index']['acts_per_second']} acts/s "
                f"({figures['workers']} analysis processes)"
                if figures["index"]["seconds"]
                else f"index: {figures['index']['acts']} acts reused from --dir (not measured)"
            ),
        ]
        for kind in latency.KINDS:
            t = figures["tantivy"][kind]
            line = (
                f"{kind:7} tantivy p50 {t['p50_ms']:.1f} ms p95 {t['p95_ms']:.1f} ms "
                f"(CPU p50 {t['cpu_p50_ms']:.1f} ms p95 {t['cpu_p95_ms']:.1f} ms; "
                f"{t['samples']} queries)"
            )
            if "fts5" in figures:
                f = figures["fts5"][kind]
                line += (
                    f"; FTS5 p50 {f['p50_ms']:.1f} ms p95 {f['p95_ms']:.1f} ms "
                    f"(CPU p95 {f['cpu_p95_ms']:.1f} ms); "
                    f"FTS5/tantivy p95 ×{figures['p95_ratio_fts5_over_tantivy'][kind]}"
                )
            lines.append(line)
        self.stdout.write("\n".join(lines))
