"""``sot deadlines calendar-seed|load-rules|recompute|monitor|digest``.

``monitor`` and ``digest`` are the scheduled tasks (see docs/deadlines.md for the timers).
"""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.core.errors import DomainError
from sot.deadlines import calendars
from sot.deadlines.digest import digest_send
from sot.deadlines.models import DeadlineRule
from sot.deadlines.monitor import monitor_run
from sot.deadlines.recompute import clocks_recompute
from sot.deadlines.starter_rules import write_rules

from .deadline import domain_error_text


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("“%(value)s” is not a date: write it as YYYY-MM-DD.") % {"value": value}
        ) from None


class Command(BaseCommand):
    help = "Seed the calendar, load the starter rules, rebuild clocks, monitor, send digests."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        seed = sub.add_parser("calendar-seed", help=_("Seed the national calendar's years."))
        seed.add_argument("--from-year", type=int, required=True)
        seed.add_argument("--to-year", type=int, required=True)
        sub.add_parser("load-rules", help=_("Add the starter deadline rules that are missing."))
        sub.add_parser("recompute", help=_("Rebuild every clock from the case events."))
        monitor = sub.add_parser("monitor", help=_("Record the violations of clocks run out."))
        monitor.add_argument("--today", help=_("YYYY-MM-DD (default: today)."))
        digest = sub.add_parser("digest", help=_("E-mail each court chair the day's violations."))
        digest.add_argument("--day", help=_("YYYY-MM-DD (default: yesterday)."))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._run(options)
        except DomainError as exc:
            raise CommandError(domain_error_text(exc)) from exc

    def _run(self, options: dict[str, Any]) -> None:
        match options["subcommand"]:
            case "calendar-seed":
                first, last = options["from_year"], options["to_year"]
                if not 1991 <= first <= last <= 2100:
                    raise CommandError(
                        _("Give years between 1991 and 2100, the first not after the last.")
                    )
                calendar, count = calendars.calendar_seed(first_year=first, last_year=last)
                self.stdout.write(
                    _("%(count)s days seeded; the calendar knows %(first)s to %(last)s.")
                    % {"count": count, "first": calendar.first_year, "last": calendar.last_year}
                )
            case "load-rules":
                created = write_rules(DeadlineRule)
                self.stdout.write(_("%(count)s rules added.") % {"count": created})
            case "recompute":
                result = clocks_recompute()
                self.stdout.write(
                    _(
                        "%(clocks)s clocks of %(cases)s cases rebuilt (%(running)s running, "
                        "%(unknown)s beyond the calendar) in %(seconds).1f s."
                    )
                    % {
                        "clocks": result.clocks,
                        "cases": result.cases,
                        "running": result.running,
                        "unknown": result.unknown_due,
                        "seconds": result.read_seconds + result.write_seconds,
                    }
                )
            case "monitor":
                today = _day(options["today"]) if options["today"] else None
                run = monitor_run(today=today)
                self.stdout.write(
                    _("Checked through %(date)s: %(count)s violations recorded.")
                    % {"date": run.through.isoformat(), "count": run.recorded}
                )
            case "digest":
                day = _day(options["day"]) if options["day"] else None
                sent = digest_send(day=day)
                self.stdout.write(
                    _(
                        "%(sent)s digests sent (%(already)s already sent, %(empty)s with nothing to report)."
                    )
                    % {
                        "sent": sent.sent,
                        "already": sent.skipped_already_sent,
                        "empty": sent.skipped_nothing_to_report,
                    }
                )
                if sent.failed:
                    raise CommandError(
                        _("%(count)s digests could not be sent; they are retried on the next run.")
                        % {"count": sent.failed}
                    )
