"""Scheduled work: fold new events into the aggregates (run by ``sot db_worker``)."""

from __future__ import annotations

from django_tasks import task

from .services import analytics_update


@task(queue_name="analytics")
def update_aggregates() -> dict[str, list[int]]:
    result = analytics_update()
    return {source: list(marks) for source, marks in result.marks.items()}
