"""``sot analytics update|rebuild|digest``: the Situational Center's scheduled work.

``update`` folds new events into the aggregates (a timer every few minutes, or the
``update_aggregates`` task); ``rebuild`` recomputes everything; ``digest`` e-mails the chairs.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.analytics.digest import digest_send
from sot.analytics.services import UpdateResult, analytics_rebuild, analytics_update


class Command(BaseCommand):
    help = "Update or rebuild the Situational Center's aggregates; send the chairs' digest."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("update", help=_("Fold new events into the aggregates."))
        sub.add_parser("rebuild", help=_("Recompute every aggregate from the logs."))
        digest = sub.add_parser("digest", help=_("E-mail each court chair the key indicators."))
        digest.add_argument("--day", help=_("YYYY-MM-DD (default: yesterday)."))

    def _report(self, result: UpdateResult, started: float) -> None:
        for source, (before, after) in result.marks.items():
            self.stdout.write(f"{source}: {before} → {after}")
        self.stdout.write(
            _("%(rows)s aggregate rows written in %(seconds).1f s")
            % {"rows": result.facts_written, "seconds": time.monotonic() - started}
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        match options["subcommand"]:
            case "update":
                self._report(analytics_update(), started)
            case "rebuild":
                self._report(analytics_rebuild(), started)
            case "digest":
                day = None
                if options.get("day"):
                    try:
                        day = date.fromisoformat(options["day"])
                    except ValueError:
                        raise CommandError(_("Write the day as YYYY-MM-DD.")) from None
                result = digest_send(day=day)
                self.stdout.write(
                    _("digests sent: %(sent)s, already sent: %(already)s, failed: %(failed)s")
                    % {
                        "sent": result.sent,
                        "already": result.skipped_already_sent,
                        "failed": result.failed,
                    }
                )
