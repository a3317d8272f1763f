"""Batch depersonalization on a process pool: natasha's models load once per worker, not per act.

The pool stays alive between calls (one per worker count), so a publication run or the benchmark
pays the two-second model load once per worker process.
"""

from __future__ import annotations

import atexit
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from . import russian
from .engine import depersonalize
from .types import Person, Result

_Job = tuple[str, str, tuple[Person, ...]]
_pools: dict[int, ProcessPoolExecutor] = {}


def _init_worker() -> None:
    russian.warm_up()
    depersonalize("Истец Иванов И.И., ЖСН 850312300125.", lang="ru")  # fill the word caches


def _run(job: _Job) -> Result:
    text, lang, participants = job
    return depersonalize(text, lang=lang, participants=participants)


def _run_timed(job: _Job) -> tuple[int, float]:
    """For the benchmark: the work done and the CPU seconds this worker spent on it."""
    started = time.process_time()
    result = _run(job)
    return len(result.entities), time.process_time() - started


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = _pools.get(workers)
    if pool is None:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
        _pools[workers] = pool
    return pool


@atexit.register
def shutdown_pools() -> None:
    while _pools:
        _, pool = _pools.popitem()
        pool.shutdown(cancel_futures=True)


def depersonalize_many(
    texts: Sequence[str],
    *,
    lang: str = "auto",
    participants: Sequence[Sequence[Person] | None] | None = None,
    processes: int | None = None,
    chunksize: int = 4,
) -> list[Result]:
    """Depersonalize many acts; ``participants[i]`` belongs to ``texts[i]``. Order is kept.

    ``processes=1`` runs in this process (no pool); the default is one worker per CPU.
    """
    people = list(participants) if participants is not None else [None] * len(texts)
    if len(people) != len(texts):
        raise ValueError("participants must have one entry per text")
    jobs: list[_Job] = [(t, lang, tuple(p or ())) for t, p in zip(texts, people, strict=True)]
    workers = processes or os.cpu_count() or 1
    if workers == 1 or len(jobs) <= 1:
        return [_run(job) for job in jobs]
    return list(_pool(workers).map(_run, jobs, chunksize=chunksize))


def cpu_seconds_many(texts: Sequence[str], *, processes: int, chunksize: int = 4) -> float:
    """Depersonalize ``texts`` on the pool and return the CPU seconds the workers spent."""
    jobs: list[_Job] = [(t, "auto", ()) for t in texts]
    if processes == 1:
        return sum(_run_timed(job)[1] for job in jobs)
    return sum(cpu for _, cpu in _pool(processes).map(_run_timed, jobs, chunksize=chunksize))
