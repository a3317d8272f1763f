"""What the Council's pages share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from sot.core.errors import DomainError, NotFound


def attempt(request: HttpRequest, action: Callable[[], Any], done: str) -> bool:
    """Run a service; a refusal is shown on the page and changes nothing."""
    try:
        action()
    except DomainError as error:
        details = [" ".join(msgs) for msgs in error.render_fields().values()]
        messages.error(request, " ".join([error.render_message(), *details]))
        return False
    messages.success(request, done)
    return True


def found(reader: Callable[[], Any]) -> Any:
    """A selector's NotFound as the page's 404."""
    try:
        return reader()
    except NotFound as error:
        raise Http404(error.render_message()) from error


def form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
