"""Deterministic synthetic court acts in Kazakh and Russian, for the benchmark and the corpus.

``synthetic_act(n, seed)`` always returns the same act for the same (n, seed), so a run over
1,000,000 acts can be split across processes and repeated.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from .topics import COURTS, KIND_TITLES, OUTCOME_LINES, PROCEDURE, TOPICS, Topic

FIRST_DAY = datetime.date(2019, 1, 1)
DAYS = 6 * 365
KAZAKH_SHARE = 0.45


@dataclass(frozen=True)
class SyntheticAct:
    id: str
    topic: str
    lang: str
    text: str
    court: str
    region: str
    date: datetime.date
    category: str
    instance: str
    kind: str
    outcome: str
    articles: tuple[str, ...]

    def as_import_line(self) -> dict[str, object]:
        return {
            "id": self.id,
            "lang": self.lang,
            "text": self.text,
            "court": self.court,
            "date": self.date.isoformat(),
            "category": self.category,
            "kind": self.kind,
            "instance": self.instance,
            "outcome": self.outcome,
            "articles": list(self.articles),
            "case_number": f"{self.court}-{self.date:%y}-{int(self.id.rsplit('-', 1)[1]) % 99999:05d}",
        }


def _text(
    rng: random.Random,
    topic: Topic,
    lang: str,
    court_name: str,
    day: datetime.date,
    kind: str,
    outcome: str,
    articles: tuple[str, ...],
) -> str:
    title = KIND_TITLES[lang][kind]
    facts = list(topic.facts[lang])
    rng.shuffle(facts)
    procedure = rng.sample(PROCEDURE[lang], 3)
    statute = ", ".join(articles)
    if lang == "kk":
        head = (
            f"{title}. Қазақстан Республикасының атынан. {day:%d.%m.%Y} ж. {court_name} "
            f"{topic.subject['kk']} іс бойынша ашық сот отырысында қарап, мынаны анықтады."
        )
        law = f"Сот {statute} баптарын басшылыққа ала отырып,"
        end = "Шешім заңды күшіне енгеннен кейін орындалуға жатады."
    else:
        head = (
            f"{title}. Именем Республики Казахстан. {day:%d.%m.%Y} г. {court_name}, "
            f"рассмотрев в открытом судебном заседании дело {topic.subject['ru']}, установил."
        )
        law = f"Руководствуясь статьями {statute}, суд"
        end = "Решение подлежит исполнению после вступления в законную силу."
    body = [head, *facts[: rng.randint(2, 4)], *procedure, law, OUTCOME_LINES[lang][outcome], end]
    return " ".join(body)


def synthetic_act(n: int, seed: int = 8) -> SyntheticAct:
    rng = random.Random(seed * 10_000_019 + n)  # noqa: S311 - reproducible test data, not secrets
    topic = TOPICS[rng.randrange(len(TOPICS))]
    lang = "kk" if rng.random() < KAZAKH_SHARE else "ru"
    code, region, name_kk, name_ru = COURTS[rng.randrange(len(COURTS))]
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    kind = rng.choice(topic.kinds)
    outcome = rng.choice(topic.outcomes)
    articles = tuple(rng.sample(topic.articles, rng.randint(1, len(topic.articles))))
    text = _text(
        rng, topic, lang, name_kk if lang == "kk" else name_ru, day, kind, outcome, articles
    )
    return SyntheticAct(
        id=f"syn-{seed}-{n}",
        topic=topic.key,
        lang=lang,
        text=text,
        court=code,
        region=region,
        date=day,
        category=topic.category,
        instance="appeal" if code == "0100" else "first",
        kind=kind,
        outcome=outcome,
        articles=articles,
    )
