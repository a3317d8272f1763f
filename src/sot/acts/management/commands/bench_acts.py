"""Benchmark: render the PDF of a signed act of typical length (~8 KB of text), N times.

Target (issue 7): under 150 ms per act. Prints the median, p95 and max, and the PDF size. The act
is built in memory (nothing is written), with the text of a realistic decision in Kazakh.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sot.acts.models import Act, ActKind, ActStatus
from sot.acts.pdf import render_act_pdf
from sot.core import clock
from sot.courts.models import Court

PARAGRAPH = (
    "Талапкер Сейітова Әлия Нұрланқызы жауапкер «Құрылыс-Сервис» ЖШС-ға қарыз шарты бойынша "
    "1 250 000 теңге негізгі қарызды, 86 400 теңге тұрақсыздық айыбын өндіріп алу туралы талап "
    "қойды. Сот тараптардың түсініктемелерін тыңдап, іс материалдарын зерттеп, мыналарды анықтады: "
    "2024 жылғы 12 наурызда тараптар арасында қарыз шарты жасалған, ақша қолма-қол берілген. "
)


def _act(court: Court, paragraphs: int) -> Act:
    body = "\n".join(f"{n}. {PARAGRAPH}" for n in range(1, paragraphs + 1))
    return Act(
        number="BENCH-25-000001/1",
        court=court,
        category="civil",
        kind=ActKind.DECISION,
        lang="kk",
        status=ActStatus.SIGNED,
        issued_on=date(2025, 3, 12),
        text=f"ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ АТЫНАН\nШЕШІМ\n№ BENCH-25-000001\n\nКІРІСПЕ БӨЛІГІ\n{body}\n",
        signer_name="Өмірзақов Ғалым Қайратұлы",
        signed_at=clock.now(),
        short_code="BENCH23456",
    )


class Command(BaseCommand):
    help = "Time the PDF rendering of a signed act (target < 150 ms)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runs", type=int, default=50)
        parser.add_argument("--paragraphs", type=int, default=13, help="~620 bytes each: 13 ≈ 8 KB")

    def handle(self, *args: Any, **options: Any) -> None:
        # An unsaved court: the benchmark needs no database.
        court = Court(
            code="BENCH",
            name_kk="Астана қаласы Есіл аудандық соты",
            name_ru="Есильский районный суд города Астаны",
            name_en="Yesil District Court of Astana",
        )
        logging.getLogger("weasyprint").setLevel(logging.WARNING)  # no per-step progress lines
        act = _act(court, options["paragraphs"])
        started = time.perf_counter()
        first = render_act_pdf(act)  # fonts and stylesheet are parsed once per process
        warmup = time.perf_counter() - started
        timings, cpu = [], []
        for _ in range(options["runs"]):
            started, cpu_started = time.perf_counter(), time.process_time()
            render_act_pdf(act)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        timings.sort()
        result = {
            "runs": len(timings),
            "text_bytes": len(act.text.encode("utf-8")),
            "pdf_bytes": len(first),
            "first_render_ms": round(warmup * 1000, 1),
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
            "max_ms": round(timings[-1], 1),
            # CPU time of this process: less distorted than wall time on a shared machine.
            "cpu_median_ms": round(statistics.median(cpu), 1),
            "load_average_1min": round(os.getloadavg()[0], 1),
            "target_ms": 150,
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
