"""Recall@10 and nDCG@10 of the public bank over the relevance set."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine import SearchParams, search
from ..schema import IndexName
from .relevance import Judged, load_judgments, ndcg_at, recall_at


@dataclass(frozen=True)
class Scores:
    queries: int
    recall: float
    ndcg: float


def params_for(query: Judged, per_page: int = 10) -> SearchParams:
    return SearchParams(
        text=query.text,
        filters=query.filters,
        date_from=datetime.date.fromisoformat(query.date_from) if query.date_from else None,
        date_to=datetime.date.fromisoformat(query.date_to) if query.date_to else None,
        per_page=per_page,
    )


def ranked_ids(query: Judged, root: Path | None = None) -> list[str]:
    return [hit.ref for hit in search(IndexName.PUBLIC, params_for(query), root=root).hits]


def evaluate(
    rank: Callable[[Judged], list[str]] | None = None,
) -> tuple[Scores, dict[str, Scores], list[tuple[Judged, float]]]:
    """Overall scores, scores per kind of query, and each query's recall (for diagnosis)."""
    rank = rank or ranked_ids
    per_kind: dict[str, list[tuple[float, float]]] = defaultdict(list)
    each = []
    for query in load_judgments():
        ranked = rank(query)
        relevant = set(query.relevant)
        recall, ndcg = recall_at(ranked, relevant), ndcg_at(ranked, relevant)
        per_kind[query.kind_of_query].append((recall, ndcg))
        each.append((query, recall))
    everything = [pair for pairs in per_kind.values() for pair in pairs]

    def scores(pairs: list[tuple[float, float]]) -> Scores:
        return Scores(
            len(pairs), sum(r for r, _ in pairs) / len(pairs), sum(n for _, n in pairs) / len(pairs)
        )

    return scores(everything), {k: scores(v) for k, v in per_kind.items()}, each
