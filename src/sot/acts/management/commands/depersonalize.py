"""``sot depersonalize [--lang kk|ru|auto] [--participants FILE.json] [--json] [FILE|-]``.

Prints the act with the personal data of private persons replaced (issue 7, part 5); ``--json``
prints ``{"text", "entities": [{"start", "end", "kind", "replacement"}]}`` with offsets into the input.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sot.acts.depersonalization import depersonalize
from sot.acts.depersonalization.cli_input import InputError, read_participants, read_text


class Command(BaseCommand):
    help = "Depersonalize a court act: remove private persons' names, IINs, addresses and contacts."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "file", nargs="?", default="-", help=_("The act as UTF-8 text; - for stdin.")
        )
        parser.add_argument(
            "--lang", choices=["kk", "ru", "auto"], default="auto", help=_("The act's language.")
        )
        parser.add_argument(
            "--participants",
            help=_('A JSON file: a list of {"name": ..., "role": ...} for the case participants.'),
        )
        parser.add_argument(
            "--json", action="store_true", help=_("Print JSON with the replaced spans.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            people = read_participants(options["participants"]) if options["participants"] else None
            text = read_text(options["file"])
        except InputError as exc:
            raise CommandError(str(exc)) from None
        result = depersonalize(text, lang=options["lang"], participants=people)
        if options["json"]:
            payload = {"text": result.text, "entities": [asdict(e) for e in result.entities]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(result.text, ending="" if result.text.endswith("\n") else "\n")
