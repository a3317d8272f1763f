"""``sot council eligibility|exam-admission|tally``: the law's checks on a facts file, as JSON.

The same rule functions the pages and the API use. A facts file with a missing, unknown or
ill-typed field is refused with the field's name and a non-zero exit; nothing is assumed.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from sot.core import clock
from sot.core.errors import DomainError
from sot.council.rules.eligibility import Position, eligibility
from sot.council.rules.exam import exam_admission
from sot.council.rules.facts import CandidateFacts
from sot.council.rules.reasons import render_all
from sot.council.rules.tally import parse_tally_facts, tally
from sot.council.selectors import current_thresholds


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--on: expected a date as YYYY-MM-DD.")) from None


def _read(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc
    except ValueError as exc:
        raise CommandError(
            _("%(path)s is not valid JSON: %(error)s") % {"path": path, "error": exc}
        ) from exc


class Command(BaseCommand):
    help = "Check eligibility, exam admission or a vote's tally under the law on the Council."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--language", choices=["kk", "ru", "en"], help=_("Language of the messages.")
        )
        sub = parser.add_subparsers(dest="subcommand", required=True)
        check = sub.add_parser("eligibility", help=_("May a person enter a competition (Art. 17)?"))
        check.add_argument("--position", required=True, choices=Position.values)
        check.add_argument("--facts", required=True)
        check.add_argument("--on", help=_("Date to check on (default: today)."))
        admission = sub.add_parser(
            "exam-admission", help=_("May a person sit the qualification exam (Art. 13, 14)?")
        )
        admission.add_argument("--facts", required=True)
        admission.add_argument("--on", help=_("Date to check on (default: today)."))
        count = sub.add_parser("tally", help=_("Count a vote of the Council (Art. 8, 10)."))
        count.add_argument("--facts", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        language = options.get("language")
        with translation.override(language or settings.LANGUAGE_CODE):
            try:
                document = self._run(options)
            except DomainError as exc:
                details = "; ".join(
                    f"{name}: {' '.join(messages)}"
                    for name, messages in exc.render_fields().items()
                )
                raise CommandError(f"{exc.render_message()} {details}".strip()) from exc
        self.stdout.write(json.dumps(document, ensure_ascii=False))

    def _run(self, options: dict[str, Any]) -> dict[str, Any]:
        data = _read(options["facts"])
        try:
            thresholds = current_thresholds()
        except DatabaseError as exc:
            # The regulation's numbers live in the database: no silent fallback to defaults.
            raise CommandError(
                _("The database is not ready (run `sot migrate`): %(error)s") % {"error": exc}
            ) from exc
        if options["subcommand"] == "tally":
            return tally(parse_tally_facts(data), thresholds).as_dict()
        on = _date(options["on"]) if options.get("on") else clock.today()
        facts = CandidateFacts.parse(data)
        if options["subcommand"] == "eligibility":
            result = eligibility(options["position"], facts, on, thresholds)
            return {"eligible": result.eligible, "reasons": render_all(result.reasons)}
        admission = exam_admission(facts, on)
        return {
            "admitted": admission.admitted,
            "exempt": admission.exempt,
            "reasons": render_all(admission.reasons),
        }
