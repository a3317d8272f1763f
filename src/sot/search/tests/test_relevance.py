"""The relevance set (≥60 kk/ru queries over the repository corpus) keeps its floors."""

from __future__ import annotations

import pytest

from sot.search.bench import build
from sot.search.bench.evaluate import evaluate, ranked_ids
from sot.search.bench.relevance import QUERIES, load_judgments

RECALL_FLOOR = 0.88
NDCG_FLOOR = 0.88
PER_KIND_FLOOR = 0.85


def test_the_set_has_enough_queries_of_every_kind_in_both_languages():
    judged = load_judgments()
    assert len(judged) >= 60
    assert [q.text for q in judged] == [q.text for q in QUERIES], "relevance.json is stale"
    assert {q.lang for q in judged} == {"kk", "ru"}
    assert {q.kind_of_query for q in judged} == {"word", "phrase", "latin", "filter", "boolean"}
    assert all(q.relevant for q in judged)


def test_recall_and_ndcg_at_10_stay_above_their_floors(tmp_path):
    root = tmp_path / "corpus"
    build.build_corpus(root)
    overall, per_kind, each = evaluate(lambda query: ranked_ids(query, root))

    assert overall.recall >= RECALL_FLOOR, each
    assert overall.ndcg >= NDCG_FLOOR
    for kind, scores in per_kind.items():
        assert scores.recall >= PER_KIND_FLOOR, kind


@pytest.mark.django_db
def test_the_corpus_imports_into_the_public_bank():
    from sot.search.bench.relevance import CORPUS
    from sot.search.importing import import_acts

    with open(CORPUS, encoding="utf-8") as lines:
        report = import_acts(lines)
    assert report.errors == []
    assert report.created == 360
