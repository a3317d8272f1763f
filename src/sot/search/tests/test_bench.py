"""``sot bench search`` runs end to end at a small scale and reports every figure."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command

from sot.search.bench.generator import synthetic_act
from sot.search.bench.latency import fts_expression
from sot.search.bench.relevance import Judged


def test_the_generator_is_deterministic_and_bilingual():
    assert synthetic_act(7) == synthetic_act(7)
    assert synthetic_act(7) != synthetic_act(8)
    assert {synthetic_act(n).lang for n in range(40)} == {"kk", "ru"}


def test_queries_are_translated_to_fts5_syntax():
    judged = Judged('"договор займа" OR кредит -залог', "ru", "boolean", ())
    assert fts_expression(judged) == '"договор займа" OR "кредит" NOT "залог"'


def test_the_benchmark_prints_relevance_throughput_and_latency(tmp_path):
    out = StringIO()
    call_command(
        "bench_search",
        "--acts",
        "300",
        "--rounds",
        "1",
        "--workers",
        "1",
        "--dir",
        str(tmp_path / "bench"),
        "--json",
        stdout=out,
        stderr=StringIO(),
    )
    figures = json.loads(out.getvalue())
    assert figures["relevance"]["queries"] >= 60
    assert figures["index"]["acts"] == 300
    assert figures["index"]["acts_per_second"] > 0
    for kind in ("word", "filter", "phrase"):
        assert figures["tantivy"][kind]["samples"] > 0
        assert figures["fts5"][kind]["p95_ms"] >= 0
