"""Acts for search tests (the acts app owns the model; these build rows directly)."""

from __future__ import annotations

import datetime
from typing import Any

from sot.acts.models import Act, ActStatus
from sot.cases.models import Case
from sot.core import clock
from sot.courts.models import Court

_counter = iter(range(1, 10**9))


def make_act(
    *,
    court: Court,
    text: str,
    lang: str = "ru",
    case: Case | None = None,
    published: bool = True,
    closed: bool = False,
    **fields: Any,
) -> Act:
    n = next(_counter)
    values: dict[str, Any] = {
        "number": f"T-ACT-{n}",
        "court": court,
        "case": case,
        "case_number": case.number if case is not None and case.number else "",
        "category": "civil",
        "kind": "decision",
        "lang": lang,
        "status": ActStatus.SIGNED,
        "issued_on": datetime.date(2025, 3, 1),
        "is_closed": closed,
        "text": text,
        "published_text": "" if closed or not published else text,
        "signed_at": clock.now(),
        "published_at": clock.now() if published and not closed else None,
    }
    values.update(fields)
    return Act.objects.create(**values)
