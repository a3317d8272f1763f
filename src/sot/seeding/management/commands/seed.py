"""``sot seed``: the deterministic synthetic dataset (see ``sot.seeding``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sot.accounts.roles import Role
from sot.core import clock
from sot.seeding.demo import DEMO_PASSWORD
from sot.seeding.pipeline import SeedError, SeedReport, seed
from sot.seeding.progress import duration_text
from sot.seeding.scale import SCALES, tiny_scale


def report_lines(report: SeedReport) -> list[str]:
    lines = [
        f"seeded {report.scale} (seed {report.seed}, {report.years} year(s): "
        f"{report.first_day} – {report.as_of}) in {duration_text(report.seconds)}",
    ]
    lines += [f"  {label:<28} {count:>12,}" for label, count in sorted(report.rows.items())]
    lines += [
        f"  cases at {instance} instance{'':<13} {count:>12,}"
        for instance, count in report.cases_by_instance.items()
    ]
    return lines


def sign_in_lines(usernames: dict[str, str]) -> list[str]:
    """One line per role: role, username, password (and the role's name in the active language)."""
    lines = [f"Demo sign-ins (one per role; password {DEMO_PASSWORD}):"]
    for role in Role:
        username = usernames.get(str(role))
        if username:
            lines.append(f"  {role.value:<18} {username:<18} {DEMO_PASSWORD}   {role.label}")
    return lines


class Command(BaseCommand):
    help = "Seed the database with deterministic synthetic courts' data (judges, users, cases)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument("--years", type=int, default=1, help="years of cases, ending today")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed (same seed, same data)"
        )
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="the seeded world's today (YYYY-MM-DD; default: today); nothing happens on or after it",
        )
        parser.add_argument("--reset", action="store_true", help="replace earlier seeded data")
        # For the test suite: the national mix at a few hundred cases a year.
        parser.add_argument("--cases-per-year", type=int, default=0, help=argparse.SUPPRESS)
        parser.add_argument(
            "--defer-indexes",
            choices=("yes", "no"),
            default="yes",
            help="PostgreSQL: drop the big tables' secondary indexes during the load, rebuild after",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = SCALES[options["scale"]]
        if options["cases_per_year"]:
            scale = tiny_scale(options["cases_per_year"])
        defer = options["defer_indexes"] == "yes"
        try:
            report = seed(
                scale=scale,
                years=options["years"],
                seed_value=options["seed"],
                as_of=options["as_of"] or clock.today(),
                reset=options["reset"],
                stream=getattr(self.stderr, "_out", sys.stderr),
                defer_indexes=defer,
            )
        except SeedError as error:
            raise CommandError(str(error)) from error
        for line in report_lines(report):
            self.stdout.write(line)
        if scale.name == "demo":
            for line in sign_in_lines(report.demo_accounts):
                self.stdout.write(line)
