"""Background work: verify PENDING signatures again (run periodically, e.g. every 15 minutes)."""

from __future__ import annotations

from django_tasks import task

from .challenges import purge_challenges
from .services import recheck_pending


@task()
def recheck_pending_signatures(limit: int = 1000) -> dict[str, int]:
    purge_challenges()
    return recheck_pending(limit=limit)
