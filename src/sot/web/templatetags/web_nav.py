"""Navigation for the base layout, computed from the request so error pages get it too."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from sot.accounts.models import Language

from ..navigation import NavItem, entry_points

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_items(context: template.Context) -> list[NavItem]:
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    return entry_points(user)


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    """(code, the language's own name): each language is named in itself, never translated."""
    return [(str(code), str(name)) for code, name in Language.choices]


@register.filter
def is_current(item: NavItem, request: Any) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name == item.url_name
