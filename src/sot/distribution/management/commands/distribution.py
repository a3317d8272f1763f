"""``sot distribution verify CASE_NUMBER``: re-derive a case's draws from the transparency log."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.cases.models import Case
from sot.distribution.verify import verify_case


class Command(BaseCommand):
    help = "Verify a case's distribution against the transparency log (exit 0 only if it matches)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        verify = sub.add_parser(
            "verify", help=_("Re-derive the draw of a case from the log and compare.")
        )
        verify.add_argument("case_number")

    def handle(self, *args: Any, **options: Any) -> None:
        # The operator's command reads any case: it runs on the server, like ``sot ledger``.
        case = Case.objects.filter(number=options["case_number"]).first()
        if case is None:
            raise CommandError(_("No case has this number."))
        report = verify_case(case)
        self.stdout.write(json.dumps(report.as_document(), ensure_ascii=False, sort_keys=True))
        if not report.ok:
            raise CommandError(
                _("The distribution of this case does not match the log."), returncode=1
            )
