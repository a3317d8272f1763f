"""``sot demo``: migrate, compile translations, seed the demo once, print sign-ins, serve."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from sot.accounts.models import User
from sot.cases.models import Case
from sot.core import clock
from sot.seeding.demo import DEMO_ACCOUNTS
from sot.seeding.management.commands.seed import report_lines, sign_in_lines
from sot.seeding.pipeline import seed
from sot.seeding.scale import DEMO, tiny_scale

# Apps that add live demo data once the bulk seed is in, in this order (each a ``demo_seed()``).
APP_DEMOS = (
    "sot.distribution.demo",
    "sot.hearings.demo",
    "sot.council.demo",
    "sot.signatures.demo",  # before filing and acts: issues the demo users' signing keys
    "sot.filing.demo",
    "sot.acts.demo",
    "sot.search.demo",  # after acts: indexes what acts published
    "sot.notifications.demo",
    "sot.deadlines.demo",  # rebuilds clocks from every event the others wrote
    "sot.analytics.demo",  # last: aggregates every event and violation above
)


def _apps_demo() -> None:
    for module_name in APP_DEMOS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue
        module.demo_seed()


class Command(BaseCommand):
    help = "Prepare a demo database (migrate, translations, demo data) and serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="set up and stop (tests, CI)")
        parser.add_argument("--addrport", default="127.0.0.1:8000", help="where to serve")
        # For the test suite: a few hundred cases instead of the demo scale.
        parser.add_argument("--cases-per-year", type=int, default=0, help=argparse.SUPPRESS)

    def handle(self, *args: Any, **options: Any) -> None:
        # The autoreloader runs this command again in a child process: only serve there.
        if os.environ.get("RUN_MAIN") != "true":
            self._prepare(options)
        if not options["no_serve"]:
            call_command("runserver", options["addrport"])

    def _prepare(self, options: dict[str, Any]) -> None:
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        call_command("i18n_compile", verbosity=verbosity, stdout=self.stdout._out)
        if Case.objects.exists():
            self.stdout.write("The database already has cases: not seeding again.")
        else:
            scale = tiny_scale(options["cases_per_year"]) if options["cases_per_year"] else DEMO
            report = seed(
                scale=scale,
                as_of=clock.today(),
                stream=getattr(self.stderr, "_out", sys.stderr),
            )
            for line in report_lines(report):
                self.stdout.write(line)
            _apps_demo()
        usernames = dict(
            User.objects.filter(
                username__in=[username for username, *_ in DEMO_ACCOUNTS.values()]
            ).values_list("username", "username")
        )
        found = {
            str(role): username
            for role, (username, *_) in DEMO_ACCOUNTS.items()
            if username in usernames
        }
        if found:
            for line in sign_in_lines(found):
                self.stdout.write(line)
        else:
            self.stdout.write("No demo accounts in this database (it was not seeded by Sot).")
        if not options["no_serve"]:
            self.stdout.write(f"Serving Sot on http://{options['addrport']}/")
