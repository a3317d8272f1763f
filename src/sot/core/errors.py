"""Domain errors: what services and selectors raise, and what every interface turns into a 4xx.

Each error has a stable ``code`` for programs and a translated ``message`` for people. Messages are
lazy so they are rendered in the language of the request that reports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Message = str | Promise


class DomainError(Exception):
    code = "invalid"
    status = 400
    default_message: Message = _("The request could not be processed.")

    def __init__(
        self,
        message: Message | None = None,
        *,
        fields: Mapping[str, Sequence[Message]] | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.message = message if message is not None else self.default_message
        self.fields = {name: list(msgs) for name, msgs in (fields or {}).items()}
        self.params = dict(params or {})
        super().__init__(str(self.message))

    def render_message(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text

    def render_fields(self) -> dict[str, list[str]]:
        return {name: [str(msg) for msg in msgs] for name, msgs in self.fields.items()}


class ValidationFailed(DomainError):
    code = "validation_failed"
    default_message = _("Some fields are not valid.")


class NotFound(DomainError):
    """Raised for "does not exist" and "not yours" alike, so sealed records leak nothing."""

    code = "not_found"
    status = 404
    default_message = _("Not found.")


class Forbidden(DomainError):
    """For actions on a record the user may see but may not change."""

    code = "forbidden"
    status = 403
    default_message = _("You are not allowed to do this.")


class InvalidTransition(DomainError):
    code = "invalid_transition"
    status = 409
    default_message = _("This action is not possible in the case's current state.")


class Conflict(DomainError):
    code = "conflict"
    status = 409
    default_message = _("The request conflicts with the current state.")
