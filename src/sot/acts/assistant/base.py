"""The shapes the assistant's rules share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from sot.cases.models import Case


@dataclass(frozen=True)
class CheckMessage:
    """A check's wording (translated when shown) and the article it rests on."""

    text: str | Promise
    basis: str = ""


@dataclass(frozen=True)
class Check:
    """One precondition or one thing the judge must verify.

    ``blocking`` checks are preconditions: a failed one means the assistant makes no draft.
    ``ok`` is ``None`` for what only the judge can verify from the papers.
    """

    code: str
    ok: bool | None
    blocking: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "ok": self.ok, "blocking": self.blocking}


@dataclass(frozen=True)
class Proposal:
    rule: str
    kind: str
    checks: list[Check]
    values: dict[str, str]
    articles: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return all(check.ok is not False for check in self.checks if check.blocking)

    @property
    def failed(self) -> list[Check]:
        return [check for check in self.checks if check.blocking and check.ok is False]


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    category: str
    title: str | Promise
    propose: Callable[[Case, str], Proposal]
