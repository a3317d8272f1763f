"""The relevance set: queries over the repository corpus and their judged relevant acts.

The corpus (``corpus.jsonl``, 360 acts in the import format) and the judgments
(``relevance.json``) are files in the repository, written once by ``write_corpus()`` from the
topic each act was written about: an act is relevant to a query when it is about the query's
topic(s), in the query's language, and meets the query's filters.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .generator import synthetic_act

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"
JUDGMENTS = HERE / "relevance.json"
CORPUS_SIZE = 360
CORPUS_SEED = 2026


@dataclass(frozen=True)
class Judged:
    text: str
    lang: str
    kind_of_query: str  # word | phrase | latin | filter | boolean
    topics: tuple[str, ...]
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    relevant: tuple[str, ...] = ()


def _q(text: str, lang: str, query_kind: str, *topics: str, **filters: Any) -> Judged:
    date_from = filters.pop("date_from", "")
    date_to = filters.pop("date_to", "")
    judged_filters = {k: [v] for k, v in filters.items()}
    return Judged(text, lang, query_kind, topics, judged_filters, date_from, date_to)


QUERIES: tuple[Judged, ...] = (
    # Kazakh: other forms of the topic's words.
    _q("қарыздарын", "kk", "word", "loan"),
    _q("берешегін өндіру", "kk", "word", "loan"),
    _q("алименттерін", "kk", "word", "alimony"),
    _q("кәмелетке толмаған балаларды асырау", "kk", "word", "alimony"),
    _q("некесін бұзуды", "kk", "word", "divorce"),
    _q("ерлі-зайыптылардың", "kk", "word", "divorce"),
    _q("жұмыс берушінің бұйрығы", "kk", "word", "reinstatement"),
    _q("еңбек шартының", "kk", "word", "reinstatement"),
    _q("жол-көлік оқиғаларында", "kk", "word", "accident"),
    _q("сақтандыру компаниясының", "kk", "word", "accident"),
    _q("ұрлықтар", "kk", "word", "theft"),
    _q("ұялы телефондары", "kk", "word", "theft"),
    _q("алаяқтықтар", "kk", "word", "fraud"),
    _q("алдаумен", "kk", "word", "fraud"),
    _q("масаңдықты", "kk", "word", "drunk_driving"),
    _q("салықтарды", "kk", "word", "tax"),
    _q("тұтынушылардан", "kk", "word", "consumer"),
    _q("тоңазытқыштың ақаулары", "kk", "word", "consumer"),
    _q("пәтерлерді", "kk", "word", "eviction"),
    _q("жер учаскелерінің", "kk", "word", "land"),
    # Russian: other forms (lemmas).
    _q("займам", "ru", "word", "loan"),
    _q("задолженностями", "ru", "word", "loan"),
    _q("алиментами", "ru", "word", "alimony"),
    _q("несовершеннолетних детей", "ru", "word", "alimony"),
    _q("супругами", "ru", "word", "divorce"),
    _q("увольнением", "ru", "word", "reinstatement"),
    _q("трудовых договоров", "ru", "word", "reinstatement"),
    _q("страховой выплатой", "ru", "word", "accident"),
    _q("кражу", "ru", "word", "theft"),
    _q("мобильных телефонов", "ru", "word", "theft"),
    _q("мошенничеством", "ru", "word", "fraud"),
    _q("опьянением", "ru", "word", "drunk_driving"),
    _q("налогоплательщиков", "ru", "word", "tax"),
    _q("потребителям", "ru", "word", "consumer"),
    _q("холодильников", "ru", "word", "consumer"),
    _q("выселения", "ru", "word", "eviction"),
    _q("земельных участков", "ru", "word", "land"),
    # Exact phrases (each word in any form, in this order).
    _q('"қарыз шарты"', "kk", "phrase", "loan"),
    _q('"жол-көлік оқиғасы"', "kk", "phrase", "accident"),
    _q('"мас күйінде"', "kk", "phrase", "drunk_driving"),
    _q('"салық тексеруі"', "kk", "phrase", "tax"),
    _q('"договор займа"', "ru", "phrase", "loan"),
    _q('"налоговой проверки"', "ru", "phrase", "tax"),
    _q('"восстановлении на работе"', "ru", "phrase", "reinstatement"),
    _q('"земельный участок"', "ru", "phrase", "land"),
    _q('"моральный вред"', "ru", "phrase", "consumer"),
    # Kazakh in the Latin alphabet finds Cyrillic acts.
    _q("ūrlıq", "kk", "latin", "theft"),
    _q("alaiaqtıq", "kk", "latin", "fraud"),
    _q("alimentter", "kk", "latin", "alimony"),
    _q("jer uçaskesi", "kk", "latin", "land"),
    _q("salıq tekserui", "kk", "latin", "tax"),
    _q("tūtınuşılardıñ", "kk", "latin", "consumer"),
    # Filters.
    _q("алимент", "kk", "filter", "alimony", court="0210"),
    _q("алименты", "ru", "filter", "alimony", region="AST"),
    _q("ұрлық", "kk", "filter", "theft", outcome="convicted"),
    _q("кража", "ru", "filter", "theft", article="УК 188", date_from="2022-01-01"),
    _q("займ", "ru", "filter", "loan", kind="court_order"),
    _q("қарыз", "kk", "filter", "loan", kind="decision", date_to="2021-12-31"),
    _q("налог", "ru", "filter", "tax", category="administrative"),
    _q("опьянение", "ru", "filter", "drunk_driving", outcome="deprived"),
    _q("жер учаскесі", "kk", "filter", "land", instance="appeal"),
    _q("брак", "ru", "filter", "divorce", court="0111"),
    # AND / OR / NOT.
    _q("алимент OR некені", "kk", "boolean", "alimony", "divorce"),
    _q("кража OR мошенничество", "ru", "boolean", "theft", "fraud"),
    _q("подсудимый NOT мошенничество", "ru", "boolean", "theft"),
    _q("сотталушы -алаяқтық", "kk", "boolean", "theft"),
)


def _matches(act: dict[str, Any], query: Judged, topic: str) -> bool:
    if topic not in query.topics or act["lang"] != query.lang:
        return False
    for name, values in query.filters.items():
        value = act.get("articles" if name == "article" else name)
        present = set(value) if isinstance(value, list) else {value}
        if not present & set(values):
            return False
    if query.date_from and act["date"] < query.date_from:
        return False
    return not (query.date_to and act["date"] > query.date_to)


def write_corpus() -> None:
    """Write the corpus and the judgments (run once; the files are committed)."""
    lines, topics = [], {}
    for n in range(CORPUS_SIZE):
        act = synthetic_act(n, CORPUS_SEED)
        line = act.as_import_line()
        line["id"] = f"bank-{n + 1:04d}"
        line["region"] = act.region
        lines.append(line)
        topics[line["id"]] = act.topic
    CORPUS.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    judged = []
    for query in QUERIES:
        relevant = [x["id"] for x in lines if _matches(x, query, topics[str(x["id"])])]
        judged.append({**query.__dict__, "topics": list(query.topics), "relevant": relevant})
    JUDGMENTS.write_text(json.dumps(judged, ensure_ascii=False, indent=1) + "\n")


def load_judgments() -> list[Judged]:
    data = json.loads(JUDGMENTS.read_text())
    return [
        Judged(
            d["text"],
            d["lang"],
            d["kind_of_query"],
            tuple(d["topics"]),
            d["filters"],
            d["date_from"],
            d["date_to"],
            tuple(d["relevant"]),
        )
        for d in data
    ]


def recall_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    """Share of the relevant acts in the top k, out of the most the top k could hold."""
    if not relevant:
        return 1.0
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    if not relevant:
        return 1.0
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked[:k]) if key in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal
