"""The indexing task: the one writer of both indexes, on the "search" queue."""

from __future__ import annotations

from django_tasks import task

from . import indexing
from .schema import IndexName


@task(queue_name="search")
def index_act(act_id: int, withdrawn: bool = False) -> None:
    """Bring both indexes in line with the act's row; a withdrawn act leaves the public bank."""
    if withdrawn:
        indexing.remove_acts([act_id], [IndexName.PUBLIC])
        return
    indexing.sync_acts([act_id])
