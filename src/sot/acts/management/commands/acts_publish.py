"""Apply the publication rules to signed acts (run daily, or through the ``publish_due_acts`` task)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sot.acts.publication import publish_due


class Command(BaseCommand):
    help = (
        "Publish the signed acts whose publication rule fires (depersonalized); print the counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="apply the rules as of this date (YYYY-MM-DD)")
        parser.add_argument("--limit", type=int, default=10_000)

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be YYYY-MM-DD") from error
        counts = publish_due(today=today, limit=options["limit"])
        self.stdout.write(json.dumps(counts, sort_keys=True))
