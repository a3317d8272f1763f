"""Template helpers of the Situational Center: figures with "no data", links that keep filters."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from ..scope import Scope

register = template.Library()


@register.filter
def figure(value: float | None) -> str:
    """A number with thin-space thousands, or "no data" (never a misleading 0)."""
    if value is None:
        return str(_("no data"))
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:,.1f}".replace(",", "\u202f")


@register.simple_tag
def drill_url(code: str, scope: Scope, fmt: str = "") -> str:
    params = scope.query()
    if fmt:
        params["format"] = fmt
    return f"{reverse('analytics:drill', args=[code])}?{urlencode(params)}"


@register.simple_tag
def scope_url(name: str, scope: Scope, *args: str, **extra: str) -> str:
    params = {**scope.query(), **{k: v for k, v in extra.items() if v}}
    return f"{reverse(name, args=list(args))}?{urlencode(params)}"


@register.simple_tag
def place_url(scope: Scope, region: str = "", country: bool = False) -> str:
    params = {"from": f"{scope.month_from:%Y-%m}", "to": f"{scope.month_to:%Y-%m}"}
    if scope.category:
        params["category"] = scope.category
    if scope.instance:
        params["instance"] = scope.instance
    if region:
        params["region"] = region
    elif country:
        params["country"] = "1"
    return f"{reverse('analytics:dashboard')}?{urlencode(params)}"
