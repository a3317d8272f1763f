"""Act templates as data: versions in ``ActTemplate``, first versions from ``data/templates.json``.

An administrator edits a template by saving a new version (``template_revise``); acts keep the
version they were drafted from. Rendering fills ``{placeholders}`` from the case record and numbers
the paragraphs across the four parts of the post-2018 format; a value nobody supplied is left as
``[…]`` for the judge to fill, never guessed.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction

from sot.accounts.models import User
from sot.core.errors import ValidationFailed

from .models import ActTemplate

DATA_FILE = Path(__file__).parent / "data" / "templates.json"
PART_KEYS = ("introductory", "descriptive", "reasoning", "operative")
BLANK = "[…]"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@cache
def seed_templates() -> dict[tuple[str, str], dict[str, Any]]:
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8"))["templates"]
    return {(row["kind"], row["lang"]): row for row in rows}


def _body(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"preamble": row.get("preamble", ""), "parts": row["parts"]}


def template_current(kind: str, lang: str) -> ActTemplate:
    """The latest version for ``kind``/``lang``; version 1 is loaded from the data file."""
    found = ActTemplate.objects.filter(kind=kind, lang=lang).order_by("-version").first()
    if found is not None:
        return found
    row = seed_templates().get((kind, lang))
    if row is None:
        raise ValidationFailed(fields={"kind": ["no template for this kind and language"]})
    try:
        with transaction.atomic():
            return ActTemplate.objects.create(
                kind=kind, lang=lang, version=1, title=row["title"], parts=_body(row)
            )
    except IntegrityError:  # created by a concurrent request
        return ActTemplate.objects.get(kind=kind, lang=lang, version=1)


def validate_parts(body: Any) -> dict[str, Any]:
    """A template body: four parts in order, each a heading and a list of paragraph strings."""
    errors: list[str] = []
    if not isinstance(body, dict) or not isinstance(body.get("parts"), list):
        raise ValidationFailed(fields={"parts": ['expected {"preamble", "parts": [...]}']})
    keys = [part.get("key") for part in body["parts"] if isinstance(part, dict)]
    if tuple(keys) != PART_KEYS:
        errors.append("parts must be introductory, descriptive, reasoning, operative")
    for part in body["parts"]:
        paragraphs = part.get("paragraphs") if isinstance(part, dict) else None
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            errors.append("each part needs a list of paragraphs")
            break
        for paragraph in paragraphs:
            try:
                list(string.Formatter().parse(paragraph))
            except ValueError:
                errors.append(f"unbalanced braces in: {paragraph[:60]}")
    if errors:
        raise ValidationFailed(fields={"parts": errors})
    return {"preamble": str(body.get("preamble", "")), "parts": body["parts"]}


@transaction.atomic
def template_revise(
    *, kind: str, lang: str, title: str, body: Any, acting_user: User | None
) -> ActTemplate:
    """Save an edited template as the next version; earlier versions stay as they were."""
    clean = validate_parts(body)
    template_current(kind, lang)  # version 1 exists before the first edit
    newest = (
        ActTemplate.objects.select_for_update()
        .filter(kind=kind, lang=lang)
        .order_by("-version")
        .first()
    )
    version = (newest.version if newest else 0) + 1  # the unique constraint catches a race
    return ActTemplate.objects.create(
        kind=kind, lang=lang, version=version, title=title, parts=clean, created_by=acting_user
    )


def _fill(paragraph: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or BLANK, paragraph)


def render_text(template: ActTemplate, values: Mapping[str, str], *, number: str = "") -> str:
    """The act's text: title, number, then the parts with paragraphs numbered 1, 2, … throughout.

    A paragraph that is only an empty placeholder (e.g. ``{reasoning}`` with nothing to say) is
    dropped, so the numbering has no holes.
    """
    body = template.parts
    lines: list[str] = []
    if body.get("preamble"):
        lines.append(body["preamble"])
    lines.append(template.title)
    if number:
        lines.append(f"№ {number}")
    counter = 0
    for part in body["parts"]:
        lines.append("")
        lines.append(part["heading"].upper())
        for paragraph in part["paragraphs"]:
            whole = _PLACEHOLDER.fullmatch(paragraph.strip())
            if whole and not values.get(whole.group(1)):
                continue
            counter += 1
            lines.append(f"{counter}. {_fill(paragraph, values)}")
    return "\n".join(lines).strip() + "\n"
