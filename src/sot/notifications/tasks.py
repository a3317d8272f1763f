"""Background work on the "notifications" queue (``sot db_worker --queue-name notifications``)."""

from __future__ import annotations

from django_tasks import task

from . import dispatch, monitor


@task(queue_name="notifications")
def deliver(delivery_ids: list[int]) -> int:
    return dispatch.deliver_many(delivery_ids)


@task(queue_name="notifications")
def sweep() -> dict[str, int]:
    """Periodic: recover stale deliveries, notice approaching deadlines, record late notices."""
    result = dispatch.recover()
    result["deadline_notices"] = monitor.deadline_notices_create()
    result["late_notices"] = monitor.late_notices_record()
    return result
