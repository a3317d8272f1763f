"""``sot bench NAME [options]``: run the benchmark an app ships as its ``bench_NAME`` command.

Each benchmark lives beside the code it measures; this command only gives them one name to call,
as the issues write it (``sot bench search``, ``sot bench filing``, …).
"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser


def available() -> list[str]:
    return sorted(
        name.removeprefix("bench_") for name in get_commands() if name.startswith("bench_")
    )


class Command(BaseCommand):
    help = "Run a benchmark: sot bench NAME [its options]. `sot bench --list` names them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="which benchmark")
        parser.add_argument("--list", action="store_true", help="list the benchmarks")
        parser.add_argument("rest", nargs=argparse.REMAINDER, help="options for the benchmark")

    def handle(self, *args: Any, **options: Any) -> None:
        names = available()
        if options["list"] or not options["name"]:
            self.stdout.write("\n".join(names))
            return
        name = options["name"]
        if name not in names:
            raise CommandError(f"no benchmark {name!r}; there are: {', '.join(names)}")
        call_command(f"bench_{name}", *options["rest"], stdout=self.stdout, stderr=self.stderr)
