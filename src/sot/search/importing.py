"""Bulk import of an existing bank of acts (``sot search import-acts FILE.jsonl``).

One JSON object a line: ``id``, ``lang`` (kk|ru), ``text``, ``court`` (court code), ``date``
(YYYY-MM-DD), ``category``, ``kind``; optional ``case_number``, ``instance``, ``outcome``,
``articles`` (list of strings). Other keys are ignored. An existing bank is already
depersonalized, so the text becomes both the act's text and its published text.

Each line is its own transaction: a bad line is reported with its number and writes nothing;
re-importing a line updates the act with that ``id`` (never a duplicate).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sot.acts.models import Act, ActKind, ActLanguage, ActStatus
from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court

from . import indexing

REQUIRED = ("id", "lang", "text", "court", "date", "category", "kind")
MAX_ID = 128
INDEX_BATCH = 500


class LineError(ValueError):
    pass


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    act_ids: list[int] = field(default_factory=list)


def act_number(external_id: str) -> str:
    """A stable act number for an imported act (numbers are at most 64 characters)."""
    number = f"bank:{external_id}"
    if len(number) <= 64:
        return number
    return "bank:" + hashlib.sha256(external_id.encode()).hexdigest()[:40]


def _text(row: dict[str, Any], name: str, limit: int | None = None) -> str:
    value = row.get(name)
    if not isinstance(value, str) or not value.strip():
        raise LineError(_("the field “%(field)s” must be a non-empty string") % {"field": name})
    if limit is not None and len(value) > limit:
        raise LineError(_("the field “%(field)s” is too long") % {"field": name})
    return value.strip() if name != "text" else value


def _choice(row: dict[str, Any], name: str, choices: Iterable[str]) -> str:
    value = _text(row, name)
    if value not in set(choices):
        raise LineError(
            _("the field “%(field)s” has an unknown value “%(value)s”")
            % {"field": name, "value": value}
        )
    return value


def validate(row: Any, courts: dict[str, Court]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise LineError(_("a line must be a JSON object"))
    for name in REQUIRED:
        if name not in row:
            raise LineError(_("the field “%(field)s” is missing") % {"field": name})
    code = _text(row, "court")
    court = courts.get(code)
    if court is None:
        raise LineError(_("no court with the code “%(code)s”") % {"code": code})
    try:
        issued_on = datetime.date.fromisoformat(_text(row, "date"))
    except ValueError as error:
        raise LineError(_("the date must be written as YYYY-MM-DD")) from error
    articles = row.get("articles", [])
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        raise LineError(_("the field “articles” must be a list of strings"))
    optional = {}
    for name in ("case_number", "outcome"):
        value = row.get(name, "")
        if not isinstance(value, str) or len(value) > 64:
            raise LineError(_("the field “%(field)s” must be a short string") % {"field": name})
        optional[name] = value.strip()
    return {
        "external_id": _text(row, "id", MAX_ID),
        "lang": _choice(row, "lang", ActLanguage.values),
        "text": _text(row, "text"),
        "court": court,
        "issued_on": issued_on,
        "category": _choice(row, "category", CaseCategory.values),
        "kind": _choice(row, "kind", ActKind.values),
        "instance": _choice(row, "instance", Instance.values)
        if "instance" in row
        else Instance.FIRST,
        "articles": articles,
        **optional,
    }


@transaction.atomic
def save(values: dict[str, Any]) -> tuple[Act, bool]:
    external_id = values.pop("external_id")
    text = values.pop("text")
    act = Act.objects.select_for_update().filter(external_id=external_id).first()
    fields = {
        **values,
        "text": text,
        "published_text": text,
        "status": ActStatus.SIGNED,
        "is_closed": False,
    }
    if act is None:
        now = clock.now()
        act = Act.objects.create(
            external_id=external_id,
            number=act_number(external_id),
            signed_at=now,
            published_at=now,
            **fields,
        )
        return act, True
    # A signed act made in Sot is immutable (Act.save refuses); an imported act's source of truth
    # is the bank it came from, so re-importing corrects it in place with a plain UPDATE.
    Act.objects.filter(pk=act.pk).update(**fields, published_at=act.published_at or clock.now())
    act.refresh_from_db()
    return act, False


def _lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line


def import_acts(lines: Iterable[str], *, index: bool = True) -> ImportReport:
    report = ImportReport()
    courts = {court.code: court for court in Court.objects.select_related("region")}
    for number, line in _lines(lines):
        try:
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise LineError(_("not valid JSON")) from error
            act, created = save(validate(row, courts))
        except LineError as error:
            report.errors.append((number, str(error)))
            continue
        report.act_ids.append(act.pk)
        if created:
            report.created += 1
        else:
            report.updated += 1
    if index:
        for start in range(0, len(report.act_ids), INDEX_BATCH):
            indexing.sync_acts(report.act_ids[start : start + INDEX_BATCH])
    return report
