"""Quality and speed figures for ``sot bench depersonalize`` (issue 7, part 7 and Numbers)."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .engine import depersonalize
from .evaluation import (
    OVERALL_PRECISION,
    PERSON_RECALL_WITH_PARTICIPANTS,
    PERSON_RECALL_WITHOUT,
    STRICT_KINDS,
    STRICT_RECALL,
    Paragraph,
    Score,
    evaluate,
)
from .pool import cpu_seconds_many, depersonalize_many
from .types import Kind

TYPICAL_ACT_CHARS = 8000
# Most acts in Kazakhstan are issued in Russian; the bench mixes in Kazakh ones at this share.
KAZAKH_SHARE = 0.3


def score(paragraphs: Sequence[Paragraph], *, with_participants: bool) -> Score:
    results = [
        depersonalize(
            p.text, lang=p.lang, participants=p.participants if with_participants else None
        ).entities
        for p in paragraphs
    ]
    return evaluate(paragraphs, results)


def floor_failures(with_people: Score, without_people: Score) -> list[str]:
    """Which of the issue's targets a pair of scores misses (empty when all are met)."""
    failures = []
    for kind in STRICT_KINDS:
        for label, result in (("with participants", with_people), ("without", without_people)):
            counts = result.by_kind.get(kind)
            if counts and counts.recall < STRICT_RECALL:
                failures.append(f"{kind} recall {counts.recall:.3f} < {STRICT_RECALL} ({label})")
    person_with = with_people.counts(Kind.PERSON).recall
    person_without = without_people.counts(Kind.PERSON).recall
    if person_with < PERSON_RECALL_WITH_PARTICIPANTS:
        failures.append(f"person recall with participants {person_with:.3f}")
    if person_without < PERSON_RECALL_WITHOUT:
        failures.append(f"person recall without participants {person_without:.3f}")
    for label, result in (("with participants", with_people), ("without", without_people)):
        if result.overall.precision < OVERALL_PRECISION:
            failures.append(f"overall precision {result.overall.precision:.3f} ({label})")
    return failures


def synthetic_acts(paragraphs: Sequence[Paragraph], count: int, *, seed: int = 2024) -> list[str]:
    """Acts of about 8 KB made of the annotated paragraphs, 30 % Kazakh."""
    rng = random.Random(seed)  # noqa: S311 - benchmark sampling, not security
    by_lang = {lang: [p.text for p in paragraphs if p.lang == lang] for lang in ("kk", "ru")}
    acts = []
    for _ in range(count):
        pool = by_lang["kk"] if rng.random() < KAZAKH_SHARE else by_lang["ru"]
        parts: list[str] = []
        size = 0
        while size < TYPICAL_ACT_CHARS:
            part = rng.choice(pool)
            parts.append(part)
            size += len(part) + 2
        acts.append("\n\n".join(parts))
    return acts


@dataclass(frozen=True)
class Throughput:
    acts: int
    seconds: float
    cpu_seconds: float
    processes: int
    mean_chars: int

    @property
    def acts_per_second(self) -> float:
        return self.acts / self.seconds

    @property
    def acts_per_cpu_second(self) -> float:
        """What one core does when nobody else uses it (the machine here is shared)."""
        return self.acts / self.cpu_seconds

    @property
    def national_day_seconds(self) -> float:
        return 5200 / self.acts_per_second


def throughput(acts: Sequence[str], *, processes: int) -> Throughput:
    # Warm the workers up outside the clock: a court's server keeps them running.
    depersonalize_many(list(acts[: processes * 4]), processes=processes)
    started = time.perf_counter()
    cpu = cpu_seconds_many(list(acts), processes=processes)
    seconds = time.perf_counter() - started
    mean = sum(len(a) for a in acts) // max(1, len(acts))
    return Throughput(len(acts), seconds, cpu, processes, mean)
