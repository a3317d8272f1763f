"""``sot deadline --from YYYY-MM-DD (--days N | --working-days N | --months N) [--json]``.

Prints the last day of the period in the national working-day calendar (or a court's, with
``--court CODE``); ``--json`` prints ``{"due": ..., "skipped": [...]}``.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.core.errors import DomainError
from sot.deadlines import selectors
from sot.deadlines.models import PeriodUnit


def domain_error_text(exc: DomainError) -> str:
    details = "; ".join(
        f"{name}: {' '.join(messages)}" for name, messages in exc.render_fields().items()
    )
    return f"{exc.render_message()} {details}".strip()


class Command(BaseCommand):
    help = "The last day of a procedural period in the working-day calendar."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help=_("YYYY-MM-DD"))
        length = parser.add_mutually_exclusive_group(required=True)
        length.add_argument("--days", type=int, help=_("A period in calendar days."))
        length.add_argument("--working-days", type=int, help=_("A period in working days."))
        length.add_argument("--months", type=int, help=_("A period in months."))
        parser.add_argument("--court", help=_("A court's code: count in that court's calendar."))
        parser.add_argument("--json", action="store_true", help=_("Print JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            start = date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(
                _("“%(value)s” is not a date: write it as YYYY-MM-DD.")
                % {"value": options["start"]}
            ) from None
        if options["days"] is not None:
            unit, length = PeriodUnit.DAYS, options["days"]
        elif options["working_days"] is not None:
            unit, length = PeriodUnit.WORKING_DAYS, options["working_days"]
        else:
            unit, length = PeriodUnit.MONTHS, options["months"]
        try:
            due = selectors.period_end(
                start=start, unit=unit, length=length, court_code=options["court"]
            )
        except DomainError as exc:
            raise CommandError(domain_error_text(exc)) from exc
        if options["json"]:
            document = {"due": due.due.isoformat(), "skipped": [d.isoformat() for d in due.skipped]}
            self.stdout.write(json.dumps(document))
        else:
            self.stdout.write(due.due.isoformat())
