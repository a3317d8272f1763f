"""``sot report annual --year Y --lang kk|ru --output FILE.pdf [--format pdf|html]``."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.analytics.report import annual_report_html, annual_report_pdf


class Command(BaseCommand):
    help = "Write the annual report on the state of justice as PDF or HTML."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True)
        annual = sub.add_parser("annual", help=_("The annual report on the state of justice."))
        annual.add_argument("--year", type=int, required=True)
        annual.add_argument("--lang", choices=["kk", "ru", "en"], default="kk")
        annual.add_argument("--output", required=True)
        annual.add_argument("--format", choices=["pdf", "html"], default="")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"]
        if not 2000 <= year <= 2100:
            raise CommandError(_("Give a year between 2000 and 2100."))
        output = Path(options["output"])
        fmt = options["format"] or ("html" if output.suffix.lower() in (".html", ".htm") else "pdf")
        if not output.parent.exists():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": output.parent}
            )
        if fmt == "html":
            output.write_text(annual_report_html(year=year, lang=options["lang"]), encoding="utf-8")
        else:
            output.write_bytes(annual_report_pdf(year=year, lang=options["lang"]))
        self.stdout.write(_("Written: %(path)s") % {"path": output})
