"""``sot search reindex|import-acts|query``: the search indexes from the command line."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sot.search import engine, importing, indexing
from sot.search.engine import SearchParams
from sot.search.schema import IndexName

_MARK = re.compile(r"</?mark>")


def plain_snippet(snippet: str) -> str:
    """The HTML snippet as plain text; matched words in [brackets]."""
    return html.unescape(_MARK.sub(lambda m: "]" if m.group().startswith("</") else "[", snippet))


class Command(BaseCommand):
    help = (
        "Search indexes: reindex from the database, import a bank of acts, query the public bank."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        reindex = sub.add_parser("reindex", help="rebuild the indexes from the database")
        reindex.add_argument("--index", choices=["public", "internal", "all"], default="all")
        importer = sub.add_parser("import-acts", help="import acts from a JSON Lines file")
        importer.add_argument("file")
        query = sub.add_parser("query", help="top hits of the public bank")
        query.add_argument("text")
        query.add_argument("--limit", type=int, default=10)
        query.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "reindex":
            chosen = options["index"]
            names = list(IndexName) if chosen == "all" else [IndexName(chosen)]
            for name, count in indexing.reindex(names).items():
                self.stdout.write(_("%(index)s: %(count)d acts") % {"index": name, "count": count})
        elif action == "import-acts":
            self._import(options["file"])
        else:
            self._query(options["text"], options["limit"], options["json"])

    def _import(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as lines:
                report = importing.import_acts(lines)
        except OSError as error:
            raise CommandError(
                _("cannot read %(file)s: %(error)s") % {"file": path, "error": error}
            ) from error
        except UnicodeDecodeError as error:
            raise CommandError(_("%(file)s is not UTF-8 text") % {"file": path}) from error
        for line, message in report.errors:
            self.stderr.write(_("line %(line)d: %(message)s") % {"line": line, "message": message})
        self.stdout.write(
            _("Imported: %(created)d new, %(updated)d updated, %(failed)d lines rejected.")
            % {"created": report.created, "updated": report.updated, "failed": len(report.errors)}
        )
        if report.errors:
            raise CommandError(_("some lines were rejected"), returncode=1)

    def _query(self, text: str, limit: int, as_json: bool) -> None:
        if not 1 <= limit <= engine.MAX_PER_PAGE:
            raise CommandError(
                _("--limit must be between 1 and %(max)d") % {"max": engine.MAX_PER_PAGE}
            )
        results = engine.search(
            IndexName.PUBLIC, SearchParams(text=text, per_page=limit, facets=False)
        )
        rows = [
            {"id": hit.ref, "score": round(hit.score, 4), "snippet": plain_snippet(hit.snippet)}
            for hit in results.hits
        ]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for row in rows:
            self.stdout.write(f"{row['id']}\t{row['score']}\t{row['snippet']}")
