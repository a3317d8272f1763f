"""``sot bench notifications``: notices end to end through the task queue into a local SMTP server.

Phase 1 (throughput): N notices (``filing.submitted``, one e-mail each) are created by ``notify()``
in transactions of ``--chunk`` recipients while ``--workers`` ``db_worker`` processes on the
"notifications" queue deliver them into an aiosmtpd server this command runs on 127.0.0.1. The
figure is notices per second from the first ``notify()`` until every e-mail delivery is recorded.

Phase 2 (crash): N more notices; once about a third are sent every worker is killed with SIGKILL,
the sweeper runs (deliveries the dead workers left "sending" become "interrupted"; lost tasks are
enqueued again), the workers restart, and the run finishes. The SMTP server's messages are counted
per delivery key (``X-Sot-Delivery``): any key received twice is a duplicate.

Use PostgreSQL (``DATABASE_URL``) and the database task backend, as in production.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from argparse import ArgumentParser
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from sot.accounts.models import User
from sot.core import clock
from sot.notifications import dispatch
from sot.notifications.models import Channel, ContactKind, ContactPoint, Delivery, DeliveryState
from sot.notifications.services import notify
from sot.notifications.testing import free_port

KIND = "filing.submitted"


@dataclass(frozen=True)
class KeySink:
    port: int
    path: str

    def delivery_keys(self) -> list[str]:
        with open(self.path) as keys:
            return [line.strip() for line in keys if line.strip()]


class Command(BaseCommand):
    help = "Benchmark notice delivery through the task queue (notices/s) and a worker crash."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--notices", type=int, default=4000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--chunk", type=int, default=200)

    def handle(self, *args: Any, **options: Any) -> None:
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
        backend = settings.TASKS["default"]["BACKEND"]
        if "django_tasks_db" not in backend:
            raise CommandError("Run with the database task backend (django_tasks_db).")
        self.stdout.write(f"database: {connection.vendor}; task backend: {backend}")
        count, workers, chunk = options["notices"], options["workers"], options["chunk"]
        run = uuid.uuid4().hex[:8]
        # The SMTP server runs in a process of its own, so it does not share this one's GIL.
        keys = Path(tempfile.mkdtemp(prefix="sot-bench-smtp-")) / "keys.txt"
        sink = KeySink(port=free_port(), path=str(keys))
        server = subprocess.Popen(  # noqa: S603 -- our own interpreter and module
            [
                sys.executable,
                "-c",
                "import sys; from sot.notifications.testing import run_key_sink; "
                "run_key_sink(int(sys.argv[1]), sys.argv[2])",
                str(sink.port),
                sink.path,
            ]
        )
        time.sleep(1.0)
        try:
            users = self._people(run, count)
            rate = self._phase(sink, users[: count // 2], f"{run}a", workers, chunk, kill=False)
            self._phase(sink, users[count // 2 :], f"{run}b", workers, chunk, kill=True)
            self._report(sink, run, rate)
        finally:
            server.terminate()
            server.wait(timeout=10)

    # --- setup ---------------------------------------------------------------------------------

    def _people(self, run: str, count: int) -> list[User]:
        languages = ("kk", "ru", "en")
        users = User.objects.bulk_create(
            User(
                username=f"bench-{run}-{i}",
                last_name=f"Бенчмарков {i}",
                first_name="Әлия",
                preferred_language=languages[i % 3],
            )
            for i in range(count)
        )
        if users and users[0].pk is None:
            users = list(User.objects.filter(username__startswith=f"bench-{run}-").order_by("pk"))
        now = clock.now()
        ContactPoint.objects.bulk_create(
            ContactPoint(
                user=user,
                kind=ContactKind.EMAIL,
                value=f"{user.username}@bench.example.kz",
                verified_at=now,
            )
            for user in users
        )
        return users

    def _workers(self, count: int, sink: KeySink) -> list[subprocess.Popen[bytes]]:
        env = {
            **os.environ,
            "SOT_EMAIL_HOST": "127.0.0.1",
            "SOT_EMAIL_PORT": str(sink.port),
            "SOT_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "sot.settings.dev"),
        }
        command = [
            sys.executable,
            "-m",
            "django",
            "db_worker",
            "--queue-name",
            "notifications",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--no-reload",  # the reloader would run the worker in a child SIGKILL does not reach
            "--worker-id",
        ]
        return [
            subprocess.Popen(  # noqa: S603 -- our own interpreter and arguments
                [*command, f"bench-{uuid.uuid4().hex[:6]}"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(count)
        ]

    # --- phases --------------------------------------------------------------------------------

    def _phase(
        self, sink: KeySink, users: list[User], run: str, workers: int, chunk: int, *, kill: bool
    ) -> float:
        procs = self._workers(workers, sink)
        time.sleep(1.5)  # let the workers import Django before the clock starts
        started = time.perf_counter()
        killed = False
        for start in range(0, len(users), chunk):
            with transaction.atomic():
                notify(
                    kind=KIND,
                    recipients=users[start : start + chunk],
                    context={"filing_number": f"B-{run}", "filing_kind": "Талап арыз"},
                    key=f"bench:{run}",
                )
        pending = self._pending(run)
        while pending:
            if kill and not killed and pending < len(users) * 2 // 3:
                for proc in procs:
                    proc.send_signal(signal.SIGKILL)
                for proc in procs:
                    proc.wait()
                killed = True
                sending = self._count(run, DeliveryState.SENDING)
                self.stdout.write(
                    f"killed {len(procs)} workers; {sending} deliveries left 'sending'"
                )
                # Every worker is dead, so every claim is stale: no lease to wait out.
                result = dispatch.recover(stale_after=timedelta(0))
                self.stdout.write(f"sweeper: {result}")
                procs = self._workers(workers, sink)
            time.sleep(0.05)
            pending = self._pending(run)
        elapsed = time.perf_counter() - started
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
        rate = len(users) / elapsed
        label = "crash run" if kill else "throughput run"
        self.stdout.write(
            f"{label}: {len(users)} notices in {elapsed:.2f} s = {rate:.0f} notices/s"
        )
        return rate

    def _deliveries(self, run: str) -> Any:
        return Delivery.objects.filter(
            channel=Channel.EMAIL, notice__dedup_key__startswith=f"{KIND}|bench:{run}|"
        )

    def _pending(self, run: str) -> int:
        return (
            self._deliveries(run)
            .filter(state__in=[DeliveryState.QUEUED, DeliveryState.SENDING])
            .count()
        )

    def _count(self, run: str, state: str) -> int:
        return self._deliveries(run).filter(state=state).count()

    # --- report --------------------------------------------------------------------------------

    def _report(self, sink: KeySink, run: str, rate: float) -> None:
        received = Counter(sink.delivery_keys())
        duplicates = sum(1 for n in received.values() if n > 1)
        deliveries = Delivery.objects.filter(
            channel=Channel.EMAIL, notice__dedup_key__contains=f"|bench:{run}"
        )
        states = Counter(deliveries.values_list("state", flat=True))
        interrupted = list(
            deliveries.filter(state=DeliveryState.INTERRUPTED).values_list("key", flat=True)
        )
        arrived_anyway = sum(1 for key in interrupted if str(key) in received)
        self.stdout.write(f"delivery states: {dict(states)}")
        self.stdout.write(f"messages received by the SMTP server: {sum(received.values())}")
        self.stdout.write(f"duplicates (a delivery key received more than once): {duplicates}")
        self.stdout.write(
            f"interrupted by the kill: {len(interrupted)} (of which the SMTP server had "
            f"received {arrived_anyway} before the worker died; not resent)"
        )
        self.stdout.write(f"RESULT throughput={rate:.0f} notices/s duplicates={duplicates}")
