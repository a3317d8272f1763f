"""Template helpers for the guided filing form."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``mapping[key]`` or nothing: the form's values and errors are keyed by field name."""
    return mapping.get(key) if hasattr(mapping, "get") else None
