"""Notice texts: one template per kind and language; the first line is the subject.

Templates are plain text (no HTML escaping) and may use only their kind's declared keys, without
tags: ``template_variables`` reads the names a template uses, and ``render`` refuses a template
that uses anything undeclared or a context that lacks a declared key. Nothing renders as "".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine, Template
from django.template.base import TextNode, VariableNode
from django.utils.translation import gettext_lazy as _

from sot.core.errors import ValidationFailed

from .kinds import KINDS, allowed_keys

TEMPLATE_DIR = Path(__file__).parent / "templates" / "notifications" / "notices"
LANGUAGES = ("kk", "ru", "en")

_ENGINE = Engine(dirs=[str(TEMPLATE_DIR)], autoescape=False, debug=False)


class TemplateError(Exception):
    """A notice template is broken: unknown variable, a tag, or a missing file."""


@dataclass(frozen=True)
class RenderedNotice:
    subject: str
    body: str


def template_name(kind: str, lang: str) -> str:
    return f"{kind}.{lang}.txt"


def template_variables(template: Template) -> set[str]:
    """The top-level names a template reads; a tag other than plain text and variables is an error."""
    names: set[str] = set()
    for node in template.nodelist:
        if isinstance(node, VariableNode):
            var = node.filter_expression.var
            lookups = getattr(var, "lookups", None)
            if lookups:
                names.add(lookups[0])
        elif not isinstance(node, TextNode):
            raise TemplateError(
                f"{template.origin.name}: only text and {{{{ variables }}}} allowed"
            )
    return names


def check_template(kind: str, template: Template) -> None:
    undeclared = template_variables(template) - allowed_keys(kind)
    if undeclared:
        raise TemplateError(
            f"{template.origin.name}: undeclared variables {sorted(undeclared)} for {kind}"
        )


@cache
def _compiled(kind: str, lang: str) -> Template:
    template = _ENGINE.get_template(template_name(kind, lang))
    check_template(kind, template)
    return template


def missing_keys(kind: str, context: Mapping[str, Any]) -> list[str]:
    return [key for key in KINDS[kind].keys if key not in context]


def check_context(kind: str, context: Mapping[str, Any]) -> None:
    """Refuse an unknown kind, a missing key, or a value that is not a string or number."""
    if kind not in KINDS:
        raise ValidationFailed(
            fields={"kind": [_("Unknown kind of notice: %(kind)s") % {"kind": kind}]}
        )
    problems: dict[str, list[Any]] = {}
    for key in missing_keys(kind, context):
        problems[key] = [_("This notice needs this value.")]
    for key, value in context.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            problems[key] = [_("Give a text or a number.")]
    if problems:
        raise ValidationFailed(fields=problems)


def render(kind: str, lang: str, context: Mapping[str, Any]) -> RenderedNotice:
    if lang not in LANGUAGES:
        lang = LANGUAGES[0]
    template = _compiled(kind, lang)
    text = template.render(Context(dict(context), autoescape=False)).strip()
    subject, _sep, body = text.partition("\n")
    return RenderedNotice(subject=subject.strip(), body=body.strip())
