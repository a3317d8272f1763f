"""The one way other apps notify people: ``notify()``.

Callers name the kind of notice (``filing.accepted``, ``hearing.scheduled``, …), the recipients, the
case and case event it announces, and the values its template needs. This app decides the channels,
the language and the delivery; the in-app inbox of the Court Cabinet always gets a copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from sot.cases.models import Case, CaseEvent

from .models import Notice

if TYPE_CHECKING:
    from sot.accounts.models import User


@transaction.atomic
def notify(
    *,
    kind: str,
    recipients: Iterable[User],
    case: Case | None = None,
    event: CaseEvent | None = None,
    context: Mapping[str, Any] | None = None,
    due_by: datetime | None = None,
    key: str = "",
) -> list[Notice]:
    """Record one notice per recipient; a repeat with the same ``key`` (or event) changes nothing.

    ``key`` identifies what is announced when there is no case event (e.g. ``filing:42:accepted``).
    """
    subject = key or (f"event:{event.pk}" if event is not None else "")
    notices = []
    for user in recipients:
        # Without a subject every call is a new notice; uuid keeps the unique column filled.
        dedup = f"{kind}|{subject}|{user.pk}" if subject else f"notice:{uuid.uuid4()}"
        notice, _ = Notice.objects.get_or_create(
            dedup_key=dedup,
            defaults={
                "kind": kind,
                "recipient": user,
                "case": case,
                "event": event,
                "context": dict(context or {}),
                "due_by": due_by,
            },
        )
        notices.append(notice)
    return notices
