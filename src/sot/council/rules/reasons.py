"""A reason: why a rule answered as it did, with the article of the law it applies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Reason:
    # A stable code for programs; ``article`` as "17.2" (article 17, paragraph 2) or "3.1.15".
    code: str
    article: str
    message: str | Promise
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        text = str(self.message)
        return text % dict(self.params) if self.params else text

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "article": self.article, "message": self.render()}


def render_all(reasons: list[Reason]) -> list[dict[str, str]]:
    return [reason.as_dict() for reason in reasons]
