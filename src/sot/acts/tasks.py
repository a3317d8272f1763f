"""Background work: apply the publication rules (on signing, and daily for acts entering into force)."""

from __future__ import annotations

from django_tasks import task

from .publication import act_publication_apply, publish_due


@task()
def publish_act_if_due(act_id: int) -> str:
    return act_publication_apply(act_id=act_id)


@task()
def publish_due_acts(limit: int = 10_000) -> dict[str, int]:
    return publish_due(limit=limit)
