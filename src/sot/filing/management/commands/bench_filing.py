"""``sot bench filing``: sustained filings per second and p95 latency through the API.

Creates its own PostgreSQL database (default ``sot_filing_bench``), migrates it, seeds a court and
citizens with signing keys from a fresh test CA, starts gunicorn on 127.0.0.1, and drives it with
keep-alive client threads posting signed filings (two small attachments each, the signature
verified by the server) for a bounded time. Prints filings/s and latency percentiles.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sot.filing import bench


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise CommandError("gunicorn did not start")


class Command(BaseCommand):
    help = "Benchmark filing submissions through the API (gunicorn + PostgreSQL on this machine)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
        parser.add_argument("--database", default="sot_filing_bench")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
        parser.add_argument("--threads", type=int, default=16, help="client threads")
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
        parser.add_argument("--warmup", type=float, default=8.0)
        parser.add_argument("--rate-cap", type=int, default=600, help="filings prepared per second")

    def _createdb(self, server: str, name: str) -> None:
        import psycopg

        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')

    def handle(self, *args: Any, **options: Any) -> None:
        from sot.signatures.testing import TestCA

        work = Path(tempfile.mkdtemp(prefix="sot-bench-filing-"))
        ca_dir = work / "ca"
        ca = TestCA.create(name="Sot Bench Test Root CA")
        ca.save(ca_dir)
        ca.write_crl()
        url = f"{options['server']}/{options['database']}"
        self.stdout.write(f"database {url}; work directory {work}")
        self._createdb(options["server"], options["database"])
        env = bench.bench_env(dict(os.environ), url, work / "data", ca_dir)
        (work / "data" / "static").mkdir(parents=True)
        python = sys.executable
        subprocess.run([python, "-m", "django", "migrate", "-v", "0"], env=env, check=True)  # noqa: S603 (our own interpreter)
        seed_file = work / "seed.json"
        subprocess.run(  # noqa: S603 (our own interpreter and module)
            [
                python,
                "-c",
                "import sys; from pathlib import Path; from sot.filing.bench import seed; "
                "seed(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))",
                str(seed_file),
                str(options["users"]),
                str(ca_dir),
            ],
            env=env,
            check=True,
        )
        import json

        data = json.loads(seed_file.read_text())
        total = int((options["duration"] + options["warmup"]) * options["rate_cap"])
        self.stdout.write(f"preparing {total} signed filings …")
        requests = bench.build_requests(data, total)
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603 (gunicorn from our venv)
            [
                python,
                "-m",
                "gunicorn",
                "sot.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options["workers"]),
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--keep-alive",
                "30",
                "--log-level",
                "warning",
            ],
            env=env,
        )
        try:
            _wait_for(port, 30)
            time.sleep(1.0)
            results, window = bench.run_load(
                port, requests, options["threads"], options["warmup"], options["duration"]
            )
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        done = len(results.latencies)
        rate = done / window if window > 0 else 0.0
        self.stdout.write(
            f"filings: {done} in {window:.1f} s = {rate:.1f} filings/s sustained; "
            f"p50 {bench.percentile(results.latencies, 0.50) * 1000:.1f} ms, "
            f"p95 {bench.percentile(results.latencies, 0.95) * 1000:.1f} ms, "
            f"p99 {bench.percentile(results.latencies, 0.99) * 1000:.1f} ms; "
            f"errors {results.errors or 0}; gunicorn {options['workers']} workers × 4 threads, "
            f"{options['threads']} client threads"
        )
        if done + sum(results.errors.values()) >= len(requests) - options["threads"]:
            self.stdout.write("note: the prepared filings ran out; raise --rate-cap")
